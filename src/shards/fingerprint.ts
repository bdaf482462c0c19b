/**
 * What decides whether a shard must be rebuilt: a content hash per plan (its catalogue
 * entry and source bytes), one hash of the site's own code and curated files, and the
 * build settings that change a shard's output without changing a file (buildSettings: the
 * records a search bundle holds, the base path). A shard
 * whose plans' hashes and code hash are those of its last build is left as it is; a shard
 * with one changed plan is rebuilt, and its ingest re-parses only that plan (run-ingest
 * reuses every plan whose inputs are unchanged).
 */
import { createHash } from 'node:crypto';

/** Content hash of one plan: its catalogue entry and its source file's bytes. */
export function planHash(entry: unknown, bytes: Uint8Array): string {
  return createHash('sha256').update(JSON.stringify(entry)).update('\0').update(bytes).digest('hex');
}

/** Settings of a build (environment variables) that change what a shard writes, by name. */
export type BuildSettings = Readonly<Record<string, string>>;

/**
 * The build settings a shard's output depends on besides its plans and the code:
 * BUNDLE_RECORDS (records a search bundle holds at most, scripts/build-index.ts; default
 * `bundleRecords`) for a province shard, BASE_PATH (the path every page and link is built
 * for, src/publish/site-address.ts) for every shard. Unset: its default, so setting a
 * variable to its default value changes nothing.
 */
export function buildSettings(env: Readonly<Record<string, string | undefined>>, bundleRecords: number | null): BuildSettings {
  return {
    ...(bundleRecords === null ? {} : { BUNDLE_RECORDS: String(Number(env.BUNDLE_RECORDS || bundleRecords)) }),
    BASE_PATH: env.BASE_PATH ?? '',
  };
}

/** One hash over a shard's plan hashes (slug order as given), the code hash and its build settings. */
export function shardFingerprint(planHashes: Readonly<Record<string, string>>, codeHash: string, settings: BuildSettings = {}): string {
  const hash = createHash('sha256').update(codeHash);
  for (const [name, value] of Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\n${name}=${value}`);
  for (const [slug, h] of Object.entries(planHashes)) hash.update(`\n${slug}\t${h}`);
  return hash.digest('hex');
}

/**
 * The shared job's fingerprint: the code, its settings, the catalogue facts and plan counts the
 * province jobs wrote, and the dates the feed prints (src/publish/plan-dates.ts feedDates).
 */
export function sharedFingerprint(codeHash: string, settings: BuildSettings, catalogJson: string, countsJson: string, dates: string): string {
  return createHash('sha256').update(codeHash).update(JSON.stringify(settings)).update(catalogJson).update(countsJson).update('\0').update(dates).digest('hex');
}

/** "BUNDLE_RECORDS 100 → 1500", or '' when no setting differs (settings of a record written before they were recorded: unknown). */
export function describeSettingChanges(previous: BuildSettings | undefined, current: BuildSettings): string {
  if (!previous) return '';
  const names = [...new Set([...Object.keys(previous), ...Object.keys(current)])].sort();
  return names
    .filter((n) => previous[n] !== current[n])
    .map((n) => `${n} ${previous[n] || '(unset)'} → ${current[n] || '(unset)'}`)
    .join(', ');
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
