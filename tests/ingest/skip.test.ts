/**
 * --skip: an operator publishes the other plans while one is being fixed; the skipped plan
 * is not published, and the build summary and the site's plan list say which and why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SKIP_REASON, parseSkipArgument, skippedNotice } from '../../src/model/skipped.ts';
import { runIngest, type IngestSummary } from '../../src/pipeline/run-ingest.ts';
import { ROOT, SEEDS } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-skip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseSkipArgument', () => {
  it('takes a slug, with the default reason', () => expect(parseSkipArgument('beihai')).toEqual({ slug: 'beihai', reason: DEFAULT_SKIP_REASON }));
  it('takes slug=reason', () => expect(parseSkipArgument('beihai=第123行待核对')).toEqual({ slug: 'beihai', reason: '第123行待核对' }));
  it('an empty reason is the default', () => expect(parseSkipArgument('beihai=')).toEqual({ slug: 'beihai', reason: DEFAULT_SKIP_REASON }));
});

describe('skippedNotice', () => {
  it('is null when nothing was skipped', () => expect(skippedNotice([])).toBeNull());
  it('names each plan and its reason', () => {
    expect(
      skippedNotice([
        { slug: 'a', title: '甲县规划', shortName: '甲县', reason: '正在核对文本' },
        { slug: 'b', title: '乙市规划', shortName: '乙市', reason: '第3行待核对' },
      ]),
    ).toBe('暂未收录：《甲县规划》（正在核对文本）；《乙市规划》（第3行待核对）');
  });
});

describe('runIngest with skip', () => {
  const out = join(dir, 'plans');
  const lines: string[] = [];
  let summary: IngestSummary;
  beforeAll(async () => {
    summary = await runIngest({ root: ROOT, seedsDir: SEEDS, outDir: out, skip: [{ slug: 'beihai', reason: '正在核对文本' }], log: (l) => lines.push(l) });
  });

  it('publishes the other plans only', () => {
    expect(summary.plans.map((p) => p.slug)).toEqual(['zhongwei', 'huining', 'ningxia-rural', 'dengkou']);
    expect(existsSync(join(out, 'beihai'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')).map((e: { slug: string }) => e.slug)).not.toContain('beihai');
  });

  it('writes the skipped plan and its reason for the site, and says so in the summary', () => {
    expect(JSON.parse(readFileSync(join(out, 'skipped.json'), 'utf8'))).toEqual([
      { slug: 'beihai', title: '北海市“十四五”残疾人保障和发展规划', shortName: '北海市', reason: '正在核对文本' },
    ]);
    expect(summary.skipped.map((s) => s.slug)).toEqual(['beihai']);
    expect(lines).toContain('skipped beihai: not published (正在核对文本); the site lists it as 暂未收录');
    expect(lines.at(-1)).toMatch(/^ingested 4 plans, skipped 1 in/);
  });

  it('a build without skip writes an empty list', async () => {
    await runIngest({ root: ROOT, seedsDir: SEEDS, outDir: out });
    expect(JSON.parse(readFileSync(join(out, 'skipped.json'), 'utf8'))).toEqual([]);
    expect(existsSync(join(out, 'beihai', 'plan.json'))).toBe(true);
  });

  it('refuses a slug the catalogue does not have, publishing nothing', async () => {
    const before = readFileSync(join(out, 'catalog.json'), 'utf8');
    await expect(runIngest({ root: ROOT, seedsDir: SEEDS, outDir: out, skip: [{ slug: 'beihia', reason: 'x' }] })).rejects.toThrow(
      /catalog\.yaml:1: --skip beihia: no plan in the catalogue has this slug/,
    );
    expect(readFileSync(join(out, 'catalog.json'), 'utf8')).toBe(before);
  });
});

it('the command takes --skip slug=reason, repeatable', async () => {
  const out = join(dir, 'cli');
  const args = ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), '--out', out, '--skip', 'beihai=第3行待核对', '--skip', 'dengkou'];
  const result = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout }));
  });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('skipped beihai: not published (第3行待核对)');
  expect(result.stdout).toContain('skipped dengkou: not published (正在核对文本)');
  expect(JSON.parse(readFileSync(join(out, 'skipped.json'), 'utf8')).map((s: { slug: string; reason: string }) => `${s.slug} ${s.reason}`)).toEqual([
    'beihai 第3行待核对',
    'dengkou 正在核对文本',
  ]);
});
