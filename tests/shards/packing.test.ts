// Packing province shards into fewer build jobs (src/shards/packing.ts): pure, no build.
// The real build of a packed job, compared byte for byte with one job per province, is in
// build-shards.test.ts.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/publish/csv.ts';
import { DEFAULT_PACK_PLANS, packCap, packName, packShards, parsePackArg, provincesTaking, splitPlanCsv } from '../../src/shards/packing.ts';

const shard = (id: string, plans: number) => ({ id, province: id, slugs: Array.from({ length: plans }, (_, i) => `${id}-${i + 1}`) });

describe('packing provinces into jobs', () => {
  it('puts neighbours together, in order, while their plans stay within the cap', () => {
    const shards = [shard('beijing', 3), shard('tianjin', 4), shard('hebei', 5), shard('shanxi', 2), shard('neimenggu', 1)];
    expect(packShards(shards, 8).map(packName)).toEqual(['beijing+tianjin', 'hebei+shanxi+neimenggu']);
    expect(packShards(shards, 100).map(packName)).toEqual(['beijing+tianjin+hebei+shanxi+neimenggu']);
    // A cap of 1: one job per province, as before packing.
    expect(packShards(shards, 1).map(packName)).toEqual(['beijing', 'tianjin', 'hebei', 'shanxi', 'neimenggu']);
  });

  it('gives a province above the cap a job of its own, and no job holds more than the cap otherwise', () => {
    const shards = [shard('a', 2), shard('b', 70), shard('c', 30), shard('d', 30), shard('e', 1)];
    const packs = packShards(shards, 50);
    expect(packs.map(packName)).toEqual(['a', 'b', 'c', 'd+e']);
    for (const p of packs) if (p.length > 1) expect(p.reduce((n, s) => n + s.slugs.length, 0)).toBeLessThanOrEqual(50);
    expect(packs.flat().map((s) => s.id)).toEqual(shards.map((s) => s.id));
  });

  it('cuts 500 plans over 31 provinces into ~10 jobs, and a job’s plans do not grow with the provinces', () => {
    const small = Array.from({ length: 31 }, (_, i) => shard(`p${i}`, 16));
    const packs = packShards(small);
    expect(packs.length).toBe(11);
    expect(Math.max(...packs.map((p) => p.reduce((n, s) => n + s.slugs.length, 0)))).toBeLessThanOrEqual(DEFAULT_PACK_PLANS);
    const many = Array.from({ length: 310 }, (_, i) => shard(`p${i}`, 16));
    expect(Math.max(...packShards(many).map((p) => p.reduce((n, s) => n + s.slugs.length, 0)))).toBeLessThanOrEqual(DEFAULT_PACK_PLANS);
    // The density of 3,000 plans: ~97 a province, every province its own job.
    expect(packShards(Array.from({ length: 31 }, (_, i) => shard(`p${i}`, 97))).length).toBe(31);
  });

  it('never packs fewer jobs than run at a time, when there are enough provinces', () => {
    expect(packCap(50, 50, 2)).toBe(25);
    expect(packCap(50, 500, 2)).toBe(50);
    expect(packCap(50, 3, 2)).toBe(2);
    expect(packCap(1, 500, 2)).toBe(1);
    expect(packCap(50, 0, 2)).toBe(1);
    const fifty = Array.from({ length: 31 }, (_, i) => shard(`p${i}`, i < 19 ? 2 : 1));
    // 50 plans on 2 cores: at least two jobs of at most 25 (greedy in order: 24, 25 and 1).
    expect(packShards(fifty, packCap(50, 50, 2)).map((p) => p.reduce((n, s) => n + s.slugs.length, 0))).toEqual([24, 25, 1]);
  });

  it('reads the provinces of a job from the command line', () => {
    expect(parsePackArg('beijing')).toEqual(['beijing']);
    expect(parsePackArg('beijing, tianjin,')).toEqual(['beijing', 'tianjin']);
  });
});

describe('splitting a packed job’s output by province', () => {
  const pack = [
    { id: 'beijing', slugs: ['beijing-a', 'beijing'] },
    { id: 'tianjin', slugs: ['tianjin-a'] },
  ];

  it('gives each province its own files, every province the built assets, none the files of no province', () => {
    expect(provincesTaking('plans/beijing-a/kangfu/index.html', pack)).toEqual(['beijing']);
    expect(provincesTaking('plans/beijing/index.html', pack)).toEqual(['beijing']);
    expect(provincesTaking('data/plans/tianjin-a.json', pack)).toEqual(['tianjin']);
    expect(provincesTaking('areas/kangfu/tianjin/index.html', pack)).toEqual(['tianjin']);
    expect(provincesTaking('pagefind/shards/beijing/pagefind.js', pack)).toEqual(['beijing']);
    expect(provincesTaking('pagefind/refs/tianjin-a.json', pack)).toEqual(['tianjin']);
    expect(provincesTaking('_astro/site.abc.css', pack)).toEqual(['beijing', 'tianjin']);
    expect(provincesTaking('site.js', pack)).toEqual([]);
    expect(provincesTaking('plans/hebei-a/index.html', pack)).toEqual([]);
  });

  it('cuts a national CSV into each province’s rows, the bytes its own job writes', () => {
    const header = ['plan', 'text'];
    const rows = { 'beijing-a': [['beijing-a', '一、\n总体, "要求"']], 'tianjin-a': [['tianjin-a', '二'], ['tianjin-a', '三']], beijing: [['beijing', '四']] };
    const packed = toCsv(header, [...rows['beijing-a'], ...rows['tianjin-a'], ...rows.beijing]);
    const split = splitPlanCsv(packed, 'data/clauses.csv', pack);
    expect(split.get('beijing')).toBe(toCsv(header, [...rows['beijing-a'], ...rows.beijing]));
    expect(split.get('tianjin')).toBe(toCsv(header, rows['tianjin-a']));
    // A province without rows (no indicator table) gets the header alone, as its own job writes.
    expect(splitPlanCsv(toCsv(header, rows.beijing), 'x.csv', pack).get('tianjin')).toBe(toCsv(header, []));
    expect(() => splitPlanCsv(toCsv(header, [['hebei-a', '1']]), 'data/clauses.csv', pack)).toThrow('data/clauses.csv:2: row of plan "hebei-a", which is in none of beijing+tianjin');
  });
});
