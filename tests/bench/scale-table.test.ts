// The scale benchmark's pure parts: page families, largest page per family, the table.
import { describe, expect, it } from 'vitest';
import { largestPages, pageFamily, scaleTable, type ScaleRow } from '../../scripts/bench/scale-table.ts';

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
    expect(pageFamily('search/index.html')).toBeNull();
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
  });
});

describe('scale section of docs/benchmarks.md', () => {
  it('is replaced in place, appended when missing, and found for npm run bench to keep', async () => {
    const { scaleSection, withScaleSection, SCALE_START, SCALE_END } = await import('../../scripts/bench/scale-section.ts');
    const section = (n: number) => `${SCALE_START}\n## Scale\n\n| ${n} |\n${SCALE_END}\n`;
    const first = withScaleSection('# Benchmarks\n\n| a |\n', section(1));
    expect(first).toBe(`# Benchmarks\n\n| a |\n\n${section(1)}`);
    expect(withScaleSection(first, section(2))).toBe(`# Benchmarks\n\n| a |\n\n${section(2)}`);
    expect(scaleSection(first)).toBe(section(1));
    expect(scaleSection('# Benchmarks\n')).toBe('');
  });
});
