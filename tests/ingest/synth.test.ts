/**
 * The plan synthesizer for scale tests: deterministic, spread over the provinces, valid
 * under the catalogue schema, and its plans go through the real ingest driver.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/pipeline/catalog/load-catalog.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { nameStem, replaceNames, synthesizePlans, type SeedPlan } from '../../src/synth/synthesize.ts';
import { catalog, ROOT, SEEDS } from './helpers.ts';

const seeds: SeedPlan[] = catalog.map((entry) => ({ entry, text: readFileSync(join(SEEDS, entry.source), 'utf8') }));
const dir = mkdtempSync(join(tmpdir(), 'synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthesizePlans', () => {
  it('gives the same bytes for the same seed and different plans for another', () => {
    const a = synthesizePlans(seeds, { count: 20, seed: 3 });
    const b = synthesizePlans(seeds, { count: 20, seed: 3 });
    expect(b.catalogYaml).toBe(a.catalogYaml);
    expect([...b.files]).toEqual([...a.files]);
    expect(synthesizePlans(seeds, { count: 20, seed: 4 }).catalogYaml).not.toBe(a.catalogYaml);
  });

  it.each([5, 31, 80])('spreads %i plans over min(N, 31) provinces with unique slugs, sources and files', (count) => {
    const set = synthesizePlans(seeds, { count, seed: 1 });
    expect(set.catalog).toHaveLength(count);
    expect(new Set(set.catalog.map((e) => e.province)).size).toBe(Math.min(count, 31));
    expect(new Set(set.catalog.map((e) => e.slug)).size).toBe(count);
    expect([...set.files.keys()]).toEqual(set.catalog.map((e) => e.source));
  });

  it('writes a catalog.yaml the catalogue loader accepts, with every level, kind and draft status', () => {
    const set = synthesizePlans(seeds, { count: 80, seed: 1 });
    const loaded = loadCatalog('catalog.yaml', set.catalogYaml, [...set.files.keys()]);
    expect(loaded).toEqual(set.catalog);
    expect(new Set(loaded.map((e) => e.level))).toEqual(new Set(['省级', '市级', '县级']));
    expect(new Set(loaded.map((e) => e.kind))).toEqual(new Set(['规划', '实施方案']));
    expect(new Set(loaded.map((e) => e.status))).toEqual(new Set(['正式', '征求意见稿', '讨论稿']));
    expect(loaded.some((e) => e.level === '省级' && e.kind === '规划')).toBe(true);
  });

  it("replaces the seed's own place names in the text and title", () => {
    const set = synthesizePlans(seeds, { count: 40, seed: 2 });
    for (const entry of set.catalog.filter((e) => e.level === '县级')) {
      const text = set.files.get(entry.source)!;
      for (const seed of catalog.filter((e) => e.county)) expect(text.includes(nameStem(seed.county!)), `${entry.slug}: ${seed.county}`).toBe(false);
      expect(text).toContain(entry.county!);
      expect(entry.title).toContain(entry.county!);
    }
  });

  it('replaces longer names first and never twice', () => {
    const names = new Map([['会宁县', '宁川县'], ['会宁', '宁川'], ['宁川', 'WRONG']]);
    expect(replaceNames('会宁县和全会宁', names)).toBe('宁川县和全宁川');
  });
});

describe('a synthesized folder through the real ingest', () => {
  it('ingests 12 plans without error and publishes every one', async () => {
    const set = synthesizePlans(seeds, { count: 12, seed: 5 });
    const folder = join(dir, 'seeds');
    mkdirSync(folder);
    for (const [name, text] of set.files) writeFileSync(join(folder, name), text);
    writeFileSync(join(folder, 'catalog.yaml'), set.catalogYaml);
    const summary = await runIngest({ root: ROOT, seedsDir: folder, outDir: join(dir, 'plans') });
    expect(summary.plans.map((p) => p.slug)).toEqual(set.catalog.map((e) => e.slug));
    expect(summary.plans.every((p) => p.units > 10)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'plans', 'catalog.json'), 'utf8'))).toHaveLength(12);
  });
});

describe('npm run synth', () => {
  it('a folder without a catalogue is a one-line error naming the file, not a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/synth.ts'), '--plans', '2', '--out', join(dir, 'none'), '--seeds', join(dir, 'nowhere')], { encoding: 'utf8', cwd: ROOT });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`error: ${join(dir, 'nowhere', 'catalog.yaml')}: no plan catalogue here; --seeds names a folder of plan files with their catalog.yaml`);
  });
});
