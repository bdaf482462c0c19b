/**
 * When a plan was last added or changed on the site: the date of the last commit that
 * touched its source file in seeds/ (a new plan, a corrected or replaced text). Where the
 * build runs without git history (an exported tarball), the plan's issue date stands in,
 * and failing that the build's own time.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { CatalogEntry } from '../model/plan.ts';
import { dayToDateTime, toDateTime } from './atom.ts';

/**
 * The last commit date of every file under `dir` that git knows (paths relative to `dir`), from
 * one walk of the history: a national catalogue would otherwise ask git once per plan. Null
 * when `dir` is not in a git work tree.
 */
export function lastCommitDates(dir: string): Map<string, string> | null {
  let out: string;
  try {
    out = execFileSync('git', ['-C', dir, 'log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', '.'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return null;
  }
  const dates = new Map<string, string>();
  for (const commit of out.split('\0').slice(1)) {
    const [date, ...files] = commit.split('\n');
    const iso = toDateTime(new Date(date.trim()));
    // Newest commit first: the first date seen for a file is its last change.
    for (const f of files) if (f && !dates.has(f)) dates.set(f, iso);
  }
  return dates;
}

const walked = new Map<string, Map<string, string> | null>();

/** `lastCommitDates`, once per folder and process. */
export function cachedCommitDates(dir: string): Map<string, string> | null {
  if (!walked.has(dir)) walked.set(dir, lastCommitDates(dir));
  return walked.get(dir)!;
}

export function planChanged(
  entry: Pick<CatalogEntry, 'source' | 'date'>,
  seedsDir = resolve(process.env.SEEDS_DIR ?? 'seeds'),
  now = new Date(),
  dates = cachedCommitDates(seedsDir),
): string {
  const committed = dates?.get(entry.source.replace(/^\.\//, '')) ?? null;
  return committed ?? (entry.date ? dayToDateTime(entry.date) : toDateTime(now));
}

/**
 * What the feed's dates depend on, for the shared job's fingerprint: each plan's date as the
 * feed will print it. A plan whose text was only committed (no byte changed since the last build)
 * still moves up the feed.
 */
export function feedDates(
  entries: readonly Pick<CatalogEntry, 'slug' | 'source' | 'date'>[],
  seedsDir: string,
  dates = cachedCommitDates(seedsDir),
): string {
  return entries.map((e) => `${e.slug}\t${planChanged(e, seedsDir, new Date(0), dates)}`).join('\n');
}
