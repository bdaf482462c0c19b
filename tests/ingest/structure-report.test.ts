/**
 * The structure report and the refusals built on it: on the five seeds (levels, hand
 * counts, nothing unplaced) and on small plans with numbered lines the parser read as text.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import type { CatalogFileEntry } from '../../src/pipeline/catalog/load-catalog.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';
import { leftOverLines } from '../../src/pipeline/fidelity/draft-coverage.ts';
import { ingestPlan } from '../../src/pipeline/ingest-plan.ts';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
import { RefusedPlanError } from '../../src/pipeline/problems/refused-plan.ts';
import { formatStructureReport, reportStructure } from '../../src/pipeline/report/structure-report.ts';
import { buildDraft } from '../../src/pipeline/structure/build-draft.ts';
import { catalog, curated, ingestSeed } from './helpers.ts';

// The same hand counts as seeds.test.ts.
const EXPECTED = {
  zhongwei: { chapters: 4, sections: 15, clauses: 29, boxes: 6, boxItems: 34, indicatorRows: 11 },
  huining: { chapters: 4, sections: 8, clauses: 38, boxes: 9, boxItems: 62, indicatorRows: 11 },
  'ningxia-rural': { chapters: 3, sections: 9, clauses: 14, boxes: 0, boxItems: 0, indicatorRows: 0 },
  dengkou: { chapters: 4, sections: 13, clauses: 28, boxes: 7, boxItems: 35, indicatorRows: 11 },
  beihai: { chapters: 4, sections: 14, clauses: 30, boxes: 9, boxItems: 50, indicatorRows: 13 },
} as const;

describe.each(Object.entries(EXPECTED))('the structure report of %s', (slug, expected) => {
  const { structure } = ingestSeed(slug);

  it('counts what the hand counts say', () => {
    expect(structure.counts).toMatchObject(expected);
    expect(structure.counts.subItems).toBe(0);
  });

  it('names the numbering style of each level', () => {
    const level = (name: string) => structure.levels.find((l) => l.level === name)?.styles.map((s) => s.style);
    expect(level('章')).toEqual(['一、']);
    expect(level('条')).toEqual(['1.']);
    if (expected.boxes) expect(level('专栏')).toEqual(['专栏1']);
  });

  it('places every line', () => expect(structure.unplaced).toEqual([]));
});

it('shows 磴口 section （五） whose number the extractor lost', () => {
  const sections = ingestSeed('dengkou').structure.levels.find((l) => l.level === '节')!;
  expect(sections.styles).toEqual([
    { style: '（一）', count: 12 },
    { style: '(no number)', count: 1 },
  ]);
});

it('formats a report for the log', () => {
  const lines = formatStructureReport(ingestSeed('huining').structure);
  expect(lines).toEqual([
    'huining (001_8868f32d5b0cd0d8.txt)',
    '  levels: 章 一、 / 节 （一） / 条 1. / 专栏 专栏1 / 专栏项 1.',
    '  counts: 4 chapters · 8 sections · 38 clauses · 17 paragraphs · 9 专栏 (62 items) · 11 indicator rows',
    '  unplaced lines: none',
  ]);
});

const entry = (extra: Partial<CatalogFileEntry> = {}): CatalogFileEntry => ({ ...catalog.find((e) => e.slug === 'huining')!, source: 'test.txt', ...extra });
const small = (...lines: string[]) => ['某县残疾人保障和发展“十四五”规划', ...lines].join('\n');
const ingest = (text: string, extra: Partial<CatalogFileEntry> = {}) => ingestPlan(entry(extra), new TextEncoder().encode(text), curated, 'test');

function refusal(text: string, extra: Partial<CatalogFileEntry> = {}): RefusedPlanError {
  try {
    ingest(text, extra);
  } catch (e) {
    expect(e).toBeInstanceOf(RefusedPlanError);
    return e as RefusedPlanError;
  }
  throw new Error('not refused');
}

describe('a numbered line read as text', () => {
  // Clause 1 does not end its sentence, so the parser keeps 5. (not the next number) in its text.
  const JUMP = small('一、保障措施', '（一）健全保障', '1.完善救助，', '5.加强服务。', '2.落实补贴。');

  it('is refused with file:line and the text', () => {
    const error = refusal(JUMP);
    expect(error.message).toMatch(/^test\.txt:5: refused: the structure does not place this line\n  test\.txt:5: begins like a number but was read as text: "5\.加强服务。"/);
    expect(error.message).toContain('textLines');
    expect(error.report.unplaced).toEqual([{ line: 5, text: '5.加强服务。', why: 'numbered-text', markedAsText: false }]);
    expect(error.report.counts.clauses).toBe(2);
  });

  it('is accepted when the catalogue lists it under textLines, and reported as marked', () => {
    const { structure, plan } = ingest(JUMP, { textLines: [5] });
    expect(structure.unplaced).toEqual([{ line: 5, text: '5.加强服务。', why: 'numbered-text', markedAsText: true }]);
    expect(plan.catalog).not.toHaveProperty('textLines');
    expect(formatStructureReport(structure)).toContain('    test.txt:5: begins like a number but was read as text (marked as text in the catalogue): "5.加强服务。"');
  });

  it('a textLines entry that is not such a line is refused, so a stale entry is noticed', () => {
    expect(() => ingest(JUMP, { textLines: [5, 6] })).toThrow(/^test\.txt:6: the catalogue lists this line under textLines/);
  });

  it.each([
    ['an 一、 inside a 专栏 item', small('一、保障措施', '（一）健全保障', '1.完善救助。', '专栏1 重点项目', '1.康复服务，', '三、加强服务。'), 7],
    ['第1章 in digits', small('一、保障措施', '（一）健全保障', '1.完善救助。', '第2章 加强服务'), 5],
    ['a sub-list that starts at 2', small('一、保障措施', '（一）健全保障', '1.完善救助。', '（2）加大力度。', '2.落实补贴。'), 5],
    ['a circled list that starts at ③', small('一、保障措施', '（一）健全保障', '1.完善救助：', '③加大力度。'), 5],
    ['a 1234. with more digits than any family reads', small('一、保障措施', '（一）健全保障', '1.完善救助，', '1234.加大力度。'), 5],
  ])('%s is refused', (_name, text, line) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(IngestError);
    expect(error.line).toBe(line);
  });
});

describe('text that is not refused', () => {
  it('inline 一是…二是… and （1）…（2）… inside sentences', () => {
    const { structure } = ingest(small('一、保障措施', '（一）健全保障', '1.完善救助。一是加大力度，二是做好低保。', '2.落实补贴。做到（1）按时发放，（2）足额发放。'));
    expect(structure.unplaced).toEqual([]);
  });

  it('a clause label printed alone on its line, its text on the next: the clause holds both lines', () => {
    const { structure, plan } = ingest(small('一、保障措施', '（一）健全保障', '1.', '完善救助。', '2.落实补贴。'));
    expect(structure.unplaced).toEqual([]);
    const clause = plan.chapters[0].sections[0].units[0];
    expect([clause.label, clause.paragraphs, clause.lines, clause.at]).toEqual(['1.', ['完善救助。'], [4, 5], [0, 2]]);
  });

  it('a repeated label printed alone is refused at its own line (found by the property tests: it was line 0)', () => {
    expect(() => ingest(small('一、保障措施', '（一）健全保障', '1.完善救助。', '1.', '落实补贴。'))).toThrow(/^test\.txt:5: two units would get the id "c1s1-1"/);
  });

  it('a wrapped line that starts with a decimal', () => {
    const { structure } = ingest(small('一、保障措施', '（一）健全保障', '1.全县共有残疾人', '1.8万人。'));
    expect(structure.unplaced).toEqual([]);
  });

  it('sub-items 1, 2, 3 deeper than their clause, counted as the 款 level', () => {
    const { structure } = ingest(small('一、保障措施', '（一）健全保障', '1.完善救助。', '（1）加大力度。', '（2）做好低保。', '2.落实补贴。'));
    expect(structure.unplaced).toEqual([]);
    expect(structure.counts.subItems).toBe(2);
    expect(structure.levels.find((l) => l.level === '款')?.styles).toEqual([{ style: '（1）', count: 2 }]);
  });

  it('（一） lines inside 一、 clauses of a four-level plan', () => {
    const { structure } = ingest(
      small('第一章 保障措施', '第一节 健全保障体系', '一、完善社会救助。', '（一）加大救助力度。', '（二）落实补贴。', '二、加强就业服务。'),
    );
    expect(structure.unplaced).toEqual([]);
    expect(structure.levels.map((l) => `${l.level} ${l.styles[0].style}`)).toEqual(['章 第一章', '节 第一节', '条 一、', '款 （一）']);
  });
});

describe('lines left over by the structure', () => {
  const text = small('一、保障措施', '（一）健全保障', '1.完善救助。', '- 3 -', '2.落实补贴。');
  const { lines, removed } = cleanLines(text);

  it('none when every line is in the draft; page numbers are furniture', () => {
    expect(leftOverLines(text, lines, removed, buildDraft('test.txt', lines))).toEqual([]);
  });

  it('a line no draft node holds is left over, and refused through the report', () => {
    const draft = buildDraft('test.txt', lines);
    const section = draft.chapters[0].sections[0];
    section.units = section.units.slice(0, 1);
    const leftOver = leftOverLines(text, lines, removed, draft);
    expect(leftOver).toEqual([{ line: 6, text: '2.落实补贴。' }]);
    const plan = { catalog: entry(), front: [], chapters: [], boxes: [] } as unknown as Plan;
    const report = reportStructure({ file: 'test.txt', plan, leftOver, numberedText: [], textLines: [] });
    expect(report.unplaced).toEqual([{ line: 6, text: '2.落实补贴。', why: 'left-over', markedAsText: false }]);
  });

  it('a non-blank line cleaning dropped without a record is left over', () => {
    const kept = lines.filter((l) => l.line !== 4);
    expect(leftOverLines(text, kept, removed, buildDraft('test.txt', kept))).toEqual([{ line: 4, text: '1.完善救助。' }]);
  });
});
