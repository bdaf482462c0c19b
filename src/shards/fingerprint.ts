/**
 * What decides whether a shard must be rebuilt: a content hash per plan (its catalogue
 * entry and source bytes) and one hash of the site's own code and curated files. A shard
 * whose plans' hashes and code hash are those of its last build is left as it is; a shard
 * with one changed plan is rebuilt, and its ingest re-parses only that plan (run-ingest
 * reuses every plan whose inputs are unchanged).
 */
import { createHash } from 'node:crypto';

/** Content hash of one plan: its catalogue entry and its source file's bytes. */
export function planHash(entry: unknown, bytes: Uint8Array): string {
  return createHash('sha256').update(JSON.stringify(entry)).update('\0').update(bytes).digest('hex');
}

/** One hash over a shard's plan hashes (slug order as given) and the code hash. */
export function shardFingerprint(planHashes: Readonly<Record<string, string>>, codeHash: string): string {
  const hash = createHash('sha256').update(codeHash);
  for (const [slug, h] of Object.entries(planHashes)) hash.update(`\n${slug}\t${h}`);
  return hash.digest('hex');
}

export interface PlanChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Which plans differ between a shard's last build and now. */
export function planChanges(previous: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): PlanChanges {
  const added = Object.keys(current).filter((s) => !(s in previous));
  const changed = Object.keys(current).filter((s) => s in previous && previous[s] !== current[s]);
  const removed = Object.keys(previous).filter((s) => !(s in current));
  return { added, changed, removed };
}

export const changeCount = (c: PlanChanges): number => c.added.length + c.changed.length + c.removed.length;

/** "1 changed (gansu-x)", "2 added (…), 1 removed (…)", or "unchanged". */
export function describeChanges(c: PlanChanges): string {
  const parts = (['changed', 'added', 'removed'] as const).filter((k) => c[k].length).map((k) => `${c[k].length} ${k} (${c[k].join(', ')})`);
  return parts.length ? parts.join(', ') : 'unchanged';
}
