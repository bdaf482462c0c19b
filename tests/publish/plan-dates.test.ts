// The feed's dates: each plan's last commit in the seeds folder, read from one walk of git's
// history, and part of the shared job's fingerprint so a commit alone moves a plan up the feed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedDates, lastCommitDates, planChanged } from '../../src/publish/plan-dates.ts';
import { sharedFingerprint } from '../../src/shards/fingerprint.ts';

const git = (dir: string, args: string[], date?: string) =>
  execFileSync('git', ['-C', dir, ...args], {
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}) },
    stdio: 'pipe',
  });

function repoWithSeeds() {
  const repo = mkdtempSync(join(tmpdir(), 'plan-dates-'));
  const seeds = join(repo, 'seeds');
  mkdirSync(join(seeds, 'sub'), { recursive: true });
  git(repo, ['init', '-q']);
  writeFileSync(join(seeds, 'a.txt'), 'a1');
  writeFileSync(join(seeds, 'sub', 'b.txt'), 'b1');
  writeFileSync(join(repo, 'outside.txt'), 'x');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-qm', 'first'], '2026-01-02T03:04:05Z');
  writeFileSync(join(seeds, 'a.txt'), 'a2');
  git(repo, ['commit', '-qam', 'second'], '2026-03-04T05:06:07Z');
  return { repo, seeds };
}

describe('plan dates for the feed', () => {
  it('reads every file\'s last commit from one walk, paths relative to the seeds folder', () => {
    const { seeds } = repoWithSeeds();
    const dates = lastCommitDates(seeds)!;
    expect(dates.get('a.txt')).toBe('2026-03-04T05:06:07Z');
    expect(dates.get('sub/b.txt')).toBe('2026-01-02T03:04:05Z');
    expect(dates.has('outside.txt')).toBe(false);
    expect(planChanged({ source: 'sub/b.txt', date: '2025-01-01' }, seeds)).toBe('2026-01-02T03:04:05Z');
    // Not committed: the issue date stands in.
    expect(planChanged({ source: 'new.txt', date: '2025-01-01' }, seeds)).toMatch(/^2025-01-01T/);
  });

  it('outside git, the issue date stands in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
    expect(lastCommitDates(dir)).toBeNull();
    expect(planChanged({ source: 'a.txt', date: '2024-05-06' }, dir)).toMatch(/^2024-05-06T/);
  });

  it('a commit that changes no byte since the last build still changes the shared fingerprint', () => {
    const { repo, seeds } = repoWithSeeds();
    const entries = [{ slug: 'a', source: 'a.txt', date: '2025-01-01' }];
    const fingerprint = () => sharedFingerprint('code', {}, '[]', '[]', feedDates(entries, seeds, lastCommitDates(seeds)));
    const before = fingerprint();
    expect(fingerprint()).toBe(before);
    // The same bytes committed again later (a revert and a re-apply): the feed's date moves.
    writeFileSync(join(seeds, 'a.txt'), 'a1');
    git(repo, ['commit', '-qam', 'revert'], '2026-05-01T00:00:00Z');
    writeFileSync(join(seeds, 'a.txt'), 'a2');
    git(repo, ['commit', '-qam', 'again'], '2026-06-01T00:00:00Z');
    expect(lastCommitDates(seeds)!.get('a.txt')).toBe('2026-06-01T00:00:00Z');
    expect(fingerprint()).not.toBe(before);
  });
});
