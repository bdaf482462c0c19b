// A plan's status from its own title block when the catalogue leaves it out, and a
// catalogue that contradicts the text refused: a draft must never be published as a plan in force.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusFromText } from '../../src/pipeline/catalog/detect-status.ts';
import { ingestPlan } from '../../src/pipeline/ingest-plan.ts';
import { catalog, curated, SEEDS } from './helpers.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

describe('statusFromText', () => {
  it('reads （征求意见稿）, (讨论稿) and a line of its own in the title block', () => {
    expect(statusFromText('某县残疾人保障和发展规划（征求意见稿）', [])).toEqual({ status: '征求意见稿', line: 0 });
    expect(statusFromText('某县规划', lines('某县残疾人保障和发展规划', '(讨论稿)', '一、总体要求'))).toEqual({ status: '讨论稿', line: 2 });
    expect(statusFromText('某县规划', lines('某县残疾人保障和发展规划', '送审稿', '第一章 总则'))).toEqual({ status: '送审稿', line: 2 });
  });
  it('ignores the body: a mention after the first chapter, or inside a sentence', () => {
    expect(statusFromText('某县规划', lines('某县残疾人保障和发展规划', '一、总体要求', '（征求意见稿）'))).toBeNull();
    expect(statusFromText('某县规划', lines('本规划经过多轮讨论稿修改后印发。', '一、总体要求'))).toBeNull();
    expect(statusFromText('某县规划（试行）', lines('某县规划（试行）'))).toBeNull();
  });
});

describe('ingest settles the status', () => {
  const seed = (slug: string) => {
    const entry = catalog.find((e) => e.slug === slug)!;
    return { entry, bytes: readFileSync(join(SEEDS, entry.source)) };
  };

  it('a catalogue entry without status takes the one the text names, else 正式', () => {
    for (const [slug, expected] of [['beihai', '征求意见稿'], ['dengkou', '讨论稿'], ['huining', '正式']] as const) {
      const { entry, bytes } = seed(slug);
      const { status: _status, ...withoutStatus } = entry;
      expect(ingestPlan(withoutStatus, bytes, curated, 'test').plan.catalog.status, slug).toBe(expected);
    }
  });

  it('a catalogue that calls a draft 正式 is refused at the line that says it is a draft', () => {
    const { entry, bytes } = seed('beihai');
    expect(() => ingestPlan({ ...entry, status: '正式' }, bytes, curated, 'test')).toThrow(
      new RegExp(`${entry.source}:5: the text says 征求意见稿 but the catalogue says status: 正式`),
    );
  });
});
