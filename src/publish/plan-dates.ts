/**
 * When a plan was last added or changed on the site: the date of the last commit that
 * touched its source file in seeds/ (a new plan, a corrected or replaced text). Where the
 * build runs without git history (an exported tarball), the plan's issue date stands in,
 * and failing that the build's own time.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { CatalogEntry } from '../model/plan.ts';
import { dayToDateTime } from './atom.ts';

export function lastCommitDate(dir: string, file: string): string | null {
  try {
    const out = execFileSync('git', ['-C', dir, 'log', '-1', '--format=%cI', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out ? new Date(out).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  } catch {
    return null;
  }
}

export function planChanged(entry: Pick<CatalogEntry, 'source' | 'date'>, seedsDir = resolve(process.env.SEEDS_DIR ?? 'seeds'), now = new Date()): string {
  return lastCommitDate(seedsDir, entry.source) ?? (entry.date ? dayToDateTime(entry.date) : now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
}
