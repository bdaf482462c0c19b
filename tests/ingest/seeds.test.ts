/**
 * The five real plans: structure recovered as printed, indicator tables parsed, and the
 * model holding exactly the cleaned source text.
 */
import { describe, expect, it } from 'vitest';
import type { Clause, Plan } from '../../src/model/plan.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';
import { clauseText, planFragments } from '../../src/model/plan-text.ts';
import { catalog, ingestSeed, seedText } from './helpers.ts';
import { citedTitle } from '../../src/model/cited-title.ts';

const noSpace = (s: string) => s.replace(/\s+/g, '');

function allUnits(plan: Plan): Clause[] {
  return [
    ...plan.front,
    ...plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]),
    ...plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items)),
  ];
}

const numberedClauses = (plan: Plan) =>
  plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]).filter((u) => u.kind === 'clause');
const boxItems = (plan: Plan) => plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items));

// Counted by hand from the source texts.
const EXPECTED = {
  zhongwei: { chapters: ['一', '二', '三', '四'], sections: 15, clauses: 29, boxes: 6, boxItems: 34, rows: 11 },
  huining: { chapters: ['一', '二', '三', '四'], sections: 8, clauses: 38, boxes: 9, boxItems: 62, rows: 11 },
  'ningxia-rural': { chapters: ['一', '二', '三'], sections: 9, clauses: 14, boxes: 0, boxItems: 0, rows: 0 },
  dengkou: { chapters: ['一', '二', '三', '四'], sections: 13, clauses: 28, boxes: 7, boxItems: 35, rows: 11 },
  beihai: { chapters: ['一', '二', '四', '四'], sections: 14, clauses: 30, boxes: 9, boxItems: 50, rows: 13 },
} as const;

describe.each(Object.entries(EXPECTED))('%s', (slug, expected) => {
  const { plan } = ingestSeed(slug);

  it('keeps the chapter numbering as printed', () => {
    expect(plan.chapters.map((c) => c.number)).toEqual(expected.chapters);
  });

  it('recovers sections, clauses, boxes, box items and indicator rows', () => {
    expect(plan.chapters.reduce((n, c) => n + c.sections.length, 0)).toBe(expected.sections);
    expect(numberedClauses(plan)).toHaveLength(expected.clauses);
    expect(plan.boxes).toHaveLength(expected.boxes);
    expect(boxItems(plan)).toHaveLength(expected.boxItems);
    expect(plan.boxes.reduce((n, b) => n + (b.table?.rows.length ?? 0), 0)).toBe(expected.rows);
  });

  it('holds exactly the cleaned source text, in source order (whitespace aside)', () => {
    const { lines } = cleanLines(seedText(slug));
    const source = noSpace(lines.map((l) => l.text).join(''));
    const emitted = noSpace(planFragments(plan).map((f) => f.text).join(''));
    expect(emitted.length).toBe(source.length);
    expect(emitted).toBe(source);
  });

  it('removes only page numbers and markup while cleaning', () => {
    const raw = seedText(slug).split('\n');
    for (const removal of plan.removed) {
      if (removal.kind === 'page-number') {
        expect(raw[removal.line - 1].trim()).toBe(removal.text);
        expect(removal.text).toMatch(/^(-\s*\d+\s*-|\d{1,3})$/);
      } else if (removal.kind === 'markup') {
        expect(removal.text).toMatch(/^(\*\*)+$|^(<\/?p>)+$/);
        expect(raw[removal.line - 1]).toContain(removal.text.slice(0, 2));
      }
    }
    // Every other source line reappears in the model, apart from layout whitespace and markup.
    const kept = noSpace(cleanLines(seedText(slug)).lines.map((l) => l.text).join(''));
    const original = noSpace(
      raw
        .filter((_, i) => !plan.removed.some((r) => r.kind === 'page-number' && r.line === i + 1))
        .join('')
        .replace(/\*\*/g, '')
        .replace(/<\/?p>/g, ''),
    );
    expect(kept.replace(/〇/g, '0')).toBe(original.replace(/〇/g, '0'));
  });

  it('gives every unit a unique readable id and a citation naming the plan', () => {
    const units = allUnits(plan);
    const ids = units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of units) {
      expect(u.id).toMatch(/^[a-z0-9-]+$/);
      expect(u.citation.startsWith(citedTitle(plan.catalog))).toBe(true);
    }
  });

  it('a draft\'s citations name its status, so a copied clause never reads like a plan in force', () => {
    const units = allUnits(plan);
    const status = plan.catalog.status;
    for (const u of units) {
      if (status === '正式') expect(u.citation).not.toMatch(/征求意见稿|讨论稿/);
      else expect(u.citation.startsWith(`《${plan.catalog.title}（${status}）》`), u.citation).toBe(true);
    }
  });

  it('assigns every task clause and box item to exactly one area, and overview text to none', () => {
    for (const chapter of plan.chapters) {
      for (const u of [...chapter.units, ...chapter.sections.flatMap((s) => s.units)]) {
        if (chapter.role === 'tasks') expect(u.area, u.id).not.toBeNull();
        else expect(u.area, u.id).toBeNull();
      }
    }
    for (const item of boxItems(plan)) expect(item.area, item.id).not.toBeNull();
  });
});

describe('clause details', () => {
  it('cites 会宁 clause 5 of section 三（二） as printed', () => {
    const { plan } = ingestSeed('huining');
    const clause = plan.chapters[2].sections[1].units.find((u) => u.number === '5')!;
    expect(clause.id).toBe('c3s2-5');
    expect(clause.citation).toBe('《会宁县“十四五”残疾人保障和发展规划》三（二）5.');
    expect(clause.title).toBe('加快发展残疾人托养和照护服务。');
  });

  it('puts 中卫 专栏3 items 3–7 in the box although section （四） interrupts them', () => {
    const { plan } = ingestSeed('zhongwei');
    const box3 = plan.boxes.find((b) => b.number === '3')!;
    expect(box3.groups[0].items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const clause1 = plan.chapters[2].sections[3].units[0];
    // The body sentence broken by the box is joined again: 融 + 合发展.
    expect(clauseText(clause1)).toContain('推进医疗与康复融合发展');
    expect(clause1.lines).toContain(667);
  });

  it('keeps 中卫 专栏5 item 3 whole across the （六） heading printed inside it', () => {
    const { plan } = ingestSeed('zhongwei');
    const item = plan.boxes.find((b) => b.number === '5')!.groups[0].items[2];
    expect(clauseText(item)).toContain('开设残疾人高职专业');
    expect(plan.chapters[2].sections[5].heading).toBe('（六）大力推进无障碍环境建设。');
    expect(plan.chapters[2].sections[5].units[0].title).toBe('大力推进无障碍社会环境建设。');
  });

  it('recovers 磴口 section （五） whose number the extractor lost', () => {
    const { plan } = ingestSeed('dengkou');
    const section = plan.chapters[2].sections[4];
    expect(section.number).toBeNull();
    expect(section.impliedNumber).toBe('五');
    expect(section.title).toBe('保障残疾人享有平等权利');
    expect(section.units).toHaveLength(4);
  });

  it('splits 北海 专栏2 items printed as <p> blocks on one line', () => {
    const { plan } = ingestSeed('beihai');
    const items = plan.boxes[1].groups[0].items;
    expect(items[0].lines).toEqual([87]);
    expect(items[1].lines[0]).toBe(87);
    expect(clauseText(items[1])).toBe(
      '2.困难残疾人生活补贴和重度残疾人护理补贴。落实困难残疾人生活补贴和重度残疾人护理补贴标准动态调整机制。适时扩大视力残疾人等补贴范围。',
    );
  });

  it('turns **bold** clause titles into plain titles', () => {
    const { plan } = ingestSeed('beihai');
    const clause = plan.chapters[2].sections[0].units[6];
    expect(clause.title).toBe('落实伤残军人和伤残民警抚恤优待政策。');
    expect(clauseText(clause)).not.toContain('*');
  });

  it('normalises odd spacing', () => {
    const { plan } = ingestSeed('zhongwei');
    const text = plan.front.map(clauseText).join('') + clauseText(plan.chapters[0].units[1]);
    expect(text).toContain('二〇三五年远景目标纲要');
    expect(text).toContain('有10730名建档立卡残疾人全部脱贫');
  });
});

describe('indicator tables', () => {
  const rows = (slug: string) => ingestSeed(slug).plan.boxes.find((b) => b.table)!.table!.rows;

  it('parses 中卫 rows with categories split over lines and dashes', () => {
    const r = rows('zhongwei');
    expect(r[0]).toMatchObject({ category: '收入和就业', name: '残疾人家庭人均收入年均增速', canonical: 'income-growth', attribute: '预期性' });
    expect(r[0].baseline2020).toMatchObject({ text: '>8%', number: 8, op: '>' });
    expect(r[2]).toMatchObject({ category: '社会保障和基本公共服务', name: '符合条件的残疾人纳入最低生活保障比', unit: '%', canonical: 'dibao-coverage' });
    expect(r[2].baseline2020).toMatchObject({ text: '------', number: null });
    expect(r[10]).toMatchObject({ name: '困难重度残疾人家庭无障碍改造累计数', unit: '户', canonical: 'home-accessibility' });
    expect(r[10].target2025).toMatchObject({ number: 2000, op: null });
  });

  it('parses 会宁 text targets and full-width ＞', () => {
    const r = rows('huining');
    expect(r[0].target2025).toMatchObject({ text: '与国内生产总值增长基本同步', number: null });
    expect(r[0].baseline2020?.text).toBe('——');
    expect(r[6].baseline2020).toMatchObject({ text: '＞95', number: 95, op: '>' });
  });

  it('parses 磴口 one-cell-per-line rows and [n] cumulative figures', () => {
    const r = rows('dengkou');
    expect(r[1].baseline2020).toMatchObject({ text: '[700]', number: 700, cumulative: true });
    expect(r[1].target2025).toMatchObject({ text: '>[1000]', number: 1000, op: '>', cumulative: true });
    expect(r[5]).toMatchObject({ name: '残疾人基本养老保险参保率', canonical: 'pension-insurance' });
    expect(r[5].baseline2020?.number).toBe(87.05);
    expect(ingestSeed('dengkou').plan.boxes[0].notes[0].text).toBe('注：[ ]表示五年累计数。');
  });

  it('parses 北海 tab rows without a 2020 column and maps reworded names', () => {
    const r = rows('beihai');
    expect(r).toHaveLength(13);
    expect(r.every((row) => row.baseline2020 === null)).toBe(true);
    expect(r[3]).toMatchObject({ name: '困难残疾人生活补贴目标人群覆盖率', canonical: 'living-allowance-coverage' });
    expect(r[7].target2025.text).toBe('万');
    expect(r[9].target2025).toMatchObject({ number: 85, op: '>' });
  });
});

describe('responsibilities', () => {
  it('parses 宁夏 labelled notes into lead, partners and local bodies', () => {
    const clause = ingestSeed('ningxia-rural').plan.chapters[1].sections[1].units[0];
    expect(clause.responsibility).toMatchObject({
      lead: ['自治区民政厅'],
      partners: ['财政厅', '残联'],
      responsible: '各市、县〔区〕',
    });
  });

  it('parses 宁夏 notes whose bracket the extractor lost', () => {
    const clause = ingestSeed('ningxia-rural').plan.chapters[1].sections[3].units[2];
    expect(clause.number).toBe('10');
    expect(clause.responsibility?.lead).toEqual(['自治区人力资源社会保障厅', '农业农村厅']);
  });

  it('parses 磴口 narrative notes', () => {
    const clause = ingestSeed('dengkou').plan.chapters[2].sections[0].units[1];
    expect(clause.responsibility?.lead).toEqual(['民政局', '残联']);
    expect(clause.responsibility?.partners).toContain('医保局');
  });
});

it('catalogues all five seeds', () => {
  expect(catalog.map((e) => e.slug)).toEqual(['zhongwei', 'huining', 'ningxia-rural', 'dengkou', 'beihai']);
});

describe('area pages', () => {
  it('give a section interrupted by a 专栏 a continuation heading with its own id', () => {
    const { pages } = ingestSeed('huining');
    const jiuye = pages.find((p) => p.file === 'jiuye.mdx')!.content;
    const ids = [...jiuye.matchAll(/<ContainerHeading data=\{(\{.*?\})\} \/>/g)].map((m) => JSON.parse(m[1]));
    expect(new Set(ids.map((h) => h.id)).size).toBe(ids.length);
    const continued = ids.filter((h) => h.continued);
    expect(continued.length).toBeGreaterThan(0);
    for (const h of continued) expect(ids.some((first) => !first.continued && h.id.startsWith(`${first.id}-`))).toBe(true);
  });
});
