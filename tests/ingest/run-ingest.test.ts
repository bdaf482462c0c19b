/**
 * The driver on the real seeds: ids stay the same across reruns and when other plans are
 * added, unchanged plans are reused, and the output folder is complete.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { planFragments } from '../../src/model/plan-text.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { ROOT, SEEDS } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = (plan: Plan) => planFragments(plan).map((f) => `${f.id}@${f.line}`);
const readPlan = (out: string, slug: string): Plan => JSON.parse(readFileSync(join(out, slug, 'plan.json'), 'utf8'));

const all = join(dir, 'all');
const first = await runIngest({ root: ROOT, seedsDir: SEEDS, outDir: all });

describe('runIngest', () => {

  it('writes a plan model, an overview and one page per non-empty area for every plan', () => {
    expect(first.plans.map((p) => p.slug)).toEqual(['zhongwei', 'huining', 'ningxia-rural', 'dengkou', 'beihai']);
    expect(readdirSync(join(all, 'huining')).sort()).toEqual(
      ['baozhang.mdx', 'jiaoyu.mdx', 'jiuye.mdx', 'kangfu.mdx', 'overview.mdx', 'plan.json', 'structure.json', 'wuzhangai.mdx', 'zuzhi.mdx'].sort(),
    );
    expect(JSON.parse(readFileSync(join(all, 'catalog.json'), 'utf8'))).toHaveLength(5);
  });

  it('reuses unchanged plans on a rerun and produces identical output', async () => {
    const before = readFileSync(join(all, 'beihai', 'plan.json'), 'utf8');
    const second = await runIngest({ root: ROOT, seedsDir: SEEDS, outDir: all });
    expect(second.plans.every((p) => p.reused)).toBe(true);
    // A reused plan's structure report is the one kept beside it.
    expect(second.plans.map((p) => p.structure)).toEqual(first.plans.map((p) => p.structure));
    expect(readFileSync(join(all, 'beihai', 'plan.json'), 'utf8')).toBe(before);
    const forced = await runIngest({ root: ROOT, seedsDir: SEEDS, outDir: all, force: true });
    expect(forced.plans.some((p) => p.reused)).toBe(false);
    expect(readFileSync(join(all, 'beihai', 'plan.json'), 'utf8')).toBe(before);
  });

  it('keeps every id of a plan when other plans are added or removed', async () => {
    const seeds = join(dir, 'one-seed');
    mkdirSync(seeds);
    copyFileSync(join(SEEDS, '001_8868f32d5b0cd0d8.txt'), join(seeds, '001_8868f32d5b0cd0d8.txt'));
    const catalog = readFileSync(join(SEEDS, 'catalog.yaml'), 'utf8');
    const huiningEntry = catalog.slice(catalog.indexOf('  - slug: huining'), catalog.indexOf('  - slug: ningxia-rural'));
    writeFileSync(join(seeds, 'catalog.yaml'), `plans:\n${huiningEntry}`);
    const alone = join(dir, 'alone');
    await runIngest({ root: ROOT, seedsDir: seeds, outDir: alone });
    expect(ids(readPlan(alone, 'huining'))).toEqual(ids(readPlan(all, 'huining')));
  });
});
