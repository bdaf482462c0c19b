// The scale benchmark's pure parts: page families, largest page per family, the table.
import { describe, expect, it } from 'vitest';
import { largestPages, pageFamily, scaleTable, shardsTable, type ScaleRow, type ShardsRow } from '../../scripts/bench/scale-table.ts';
import { mergeShardsRows, SCALE_END, SCALE_START, SHARDS_END, SHARDS_START, shardsPart, shardsRowsComment, shardsRowsIn, withShardsPart } from '../../scripts/bench/scale-section.ts';

describe('scale table', () => {
  it('tells the kind of each built page', () => {
    expect(pageFamily('index.html')).toBe('home');
    expect(pageFamily('provinces/gansu/2/index.html')).toBe('province plans');
    expect(pageFamily('plans/huining/index.html')).toBe('plan overview');
    expect(pageFamily('plans/huining/kangfu/index.html')).toBe('plan area');
    expect(pageFamily('plans/huining/source/index.html')).toBeNull();
    expect(pageFamily('areas/kangfu/index.html')).toBe('area comparison');
    expect(pageFamily('areas/kangfu/gansu/2/index.html')).toBe('area comparison');
    expect(pageFamily('indicators/index.html')).toBe('indicators');
    expect(pageFamily('entitlements/index.html')).toBeNull();
    expect(pageFamily('entitlements/liangxiang-butie/index.html')).toBe('topic');
    expect(pageFamily('boxes/gansu/index.html')).toBe('boxes');
    // The search page's filters list the plans: it is watched like every page that could grow.
    expect(pageFamily('search/index.html')).toBe('search');
    expect(pageFamily('finder/index.html')).toBe('finder');
    expect(pageFamily('finder/huining.json')).toBeNull();
    expect(pageFamily('finder/regions/gansu.json')).toBeNull();
  });

  it('keeps the largest page of each family and prints growth against the first size', () => {
    const small = largestPages([
      { path: 'index.html', bytes: 10240 },
      { path: 'areas/kangfu/index.html', bytes: 20480 },
      { path: 'areas/jiuye/index.html', bytes: 30720 },
    ]);
    expect(small.get('area comparison')).toEqual({ pages: 2, largest: 30720, largestPath: 'areas/jiuye/index.html' });
    const big = largestPages([{ path: 'index.html', bytes: 15360 }, { path: 'areas/kangfu/gansu/index.html', bytes: 30720 }]);
    const stage = { seconds: 1, peakMb: 100 };
    const row = (plans: number, families: ScaleRow['families']): ScaleRow => ({
      plans,
      stages: { synth: stage, ingest: stage, 'astro build': stage, index: { seconds: 2, peakMb: null } },
      pages: 10,
      distMb: 1.5,
      pagefindFiles: 7,
      families,
    });
    const table = scaleTable([row(5, small), row(50, big)]);
    expect(table).toContain('| figure | 5 plans | 50 plans |');
    expect(table).toContain('| largest home page (HTML) | 10 KB ×1.00 | 15 KB ×1.50 |');
    expect(table).toContain('| largest area comparison page (HTML) | 30 KB ×1.00 | 30 KB ×1.00 |');
    expect(table).toContain('| index: peak RSS | n/a | n/a |');
    expect(table).toContain('| largest boxes page (HTML) | — | — |');
    expect(table).toContain('| largest finder page (HTML) | — | — |');
  });
});

describe('scale section of docs/benchmarks.md', () => {
  it('is replaced in place, appended when missing, and found for npm run bench to keep', async () => {
    const { scaleSection, withScaleSection } = await import('../../scripts/bench/scale-section.ts');
    const section = (n: number) => `${SCALE_START}\n## Scale\n\n| ${n} |\n${SCALE_END}\n`;
    const first = withScaleSection('# Benchmarks\n\n| a |\n', section(1));
    expect(first).toBe(`# Benchmarks\n\n| a |\n\n${section(1)}`);
    expect(withScaleSection(first, section(2))).toBe(`# Benchmarks\n\n| a |\n\n${section(2)}`);
    expect(scaleSection(first)).toBe(section(1));
    expect(scaleSection('# Benchmarks\n')).toBe('');
  });
});

describe('sharded build figures', () => {
  it('live in their own part of the Scale section, which each kind of run rewrites alone', () => {
    const section = `${SCALE_START}\n## Scale\n\n| a |\n${SCALE_END}\n`;
    const part = (n: number) => `${SHARDS_START}\n### Sharded build\n\n| ${n} |\n${SHARDS_END}`;
    const once = withShardsPart(section, part(1));
    expect(once).toBe(`${SCALE_START}\n## Scale\n\n| a |\n\n${part(1)}\n${SCALE_END}\n`);
    expect(shardsPart(once)).toBe(part(1));
    expect(withShardsPart(once, part(2))).toBe(once.replace(part(1), part(2)));
    expect(shardsPart(section)).toBe('');
  });

  it('one column per size', () => {
    const row = (plans: number): ShardsRow => ({
      plans,
      shards: Math.min(plans, 31),
      jobs: 2,
      wallSeconds: plans * 2,
      slowestJobSeconds: 30,
      largestJobMb: 350,
      shared: { seconds: 30, peakMb: 300 },
      assembleSeconds: 2,
      incremental: { seconds: 60, shardsRebuilt: 1 },
      pages: plans * 15,
      distMb: plans / 2,
      pagefindFiles: plans * 100,
      firstSearchKb: { regional: 150, national: 300, nationalRare: 250 },
      secondSearchKb: { regional: 20, national: 40 },
      nationalBundles: { common: 3, rare: 6 },
    });
    const table = shardsTable([row(5), row(50)]);
    expect(table.split('\n')[0]).toBe('| figure | 5 plans | 50 plans |');
    expect(table).toContain('| province shards, build jobs (at a time) | 5 (2) | 31 (2) |');
    expect(shardsTable([{ ...row(500), buildJobs: 11 }])).toContain('| province shards, build jobs (at a time) | 31, 11 jobs (2) |');
    expect(table).toContain('| first search, national (gzip), 康复 | 300 KB (3 of 5 bundles) | 300 KB (3 of 31 bundles) |');
    expect(table).toContain('| first search, national (gzip), 孤独症 (few records) | 250 KB (6 of 5 bundles) | 250 KB (6 of 31 bundles) |');
    expect(table).toContain('| rebuild after one plan changed | 60 s (1 shard) | 60 s (1 shard) |');
    // Provinces cut into several bundles: the bundles loaded of the site's bundles, not of its provinces.
    expect(shardsTable([{ ...row(50), bundles: 62 }])).toContain('| first search, national (gzip), 康复 | 300 KB (3 of 62 bundles) |');
    // No page sizes measured: no page rows.
    expect(table).not.toContain('largest home page');
  });

  it('page sizes of the assembled site with their growth against the smallest size, bold above 1.5×', () => {
    const row = (plans: number, home: number, topic?: number): ShardsRow => ({
      plans,
      shards: 31,
      jobs: 2,
      wallSeconds: 1,
      slowestJobSeconds: 1,
      largestJobMb: 1,
      shared: { seconds: 1, peakMb: 1 },
      assembleSeconds: 1,
      incremental: { seconds: 1, shardsRebuilt: 1 },
      pages: 1,
      distMb: 1,
      pagefindFiles: 1,
      firstSearchKb: { regional: 1, national: 1 },
      secondSearchKb: { regional: 1, national: 1 },
      families: { home: { pages: 1, largest: home, largestPath: 'index.html' }, ...(topic ? { topic: { pages: 3, largest: topic, largestPath: 'entitlements/a/index.html' } } : {}) },
    });
    const table = shardsTable([row(5, 10240, 20480), row(3000, 14336, 40960)]);
    expect(table).toContain('| largest home page (HTML) | 10 KB ×1.00 | 14 KB ×1.40 |');
    expect(table).toContain('| largest topic page (HTML) | 20 KB ×1.00 | **40 KB ×2.00** |');
    expect(table).toContain('| largest finder page (HTML) | — | — |');
    // With the ordinary site of 5 plans measured, growth is against it (a sharded site of 5
    // plans in 5 provinces holds one plan a comparison page): the newest such baseline counts.
    const withBaseline = shardsTable([row(5, 10240, 20480), { ...row(3000, 14336, 40960), singleFive: { home: 12288, topic: 32768 } }]);
    expect(withBaseline).toContain('| largest home page (HTML) | 10 KB ×0.83 | 14 KB ×1.17 |');
    expect(withBaseline).toContain('| largest topic page (HTML) | 20 KB ×0.63 | 40 KB ×1.25 |');
  });

  it('keeps the columns of earlier runs, replacing those of the sizes measured again', () => {
    const part = `${SHARDS_START}\n| t |\n${shardsRowsComment([{ plans: 5, v: 'a--b' }, { plans: 3000, v: 'old' }])}\n${SHARDS_END}`;
    const earlier = shardsRowsIn<{ plans: number; v: string }>(part);
    expect(earlier).toEqual([{ plans: 5, v: 'a--b' }, { plans: 3000, v: 'old' }]);
    expect(part).not.toContain('a--b');
    expect(mergeShardsRows(earlier, [{ plans: 3000, v: 'new' }, { plans: 50, v: 'x' }])).toEqual([{ plans: 5, v: 'a--b' }, { plans: 50, v: 'x' }, { plans: 3000, v: 'new' }]);
    expect(shardsRowsIn('no comment')).toEqual([]);
  });
});
