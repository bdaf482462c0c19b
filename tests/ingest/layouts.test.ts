/**
 * Numbering and layout families: a real seed rewritten into another family ingests to the
 * same structure (counts, ids, clause texts apart from the labels); small plans cover the
 * layouts the seeds do not have, and hostile numbering.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, Clause, Plan } from '../../src/model/plan.ts';
import { clauseText, planFragments } from '../../src/model/plan-text.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';
import { ingestPlan } from '../../src/pipeline/ingest-plan.ts';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
import { catalog, curated, ingestSeed, seedText } from './helpers.ts';
import { circled, fullWidth, renumber, zh, type Renumbering } from './fixtures/renumber.ts';

const noSpace = (s: string) => s.replace(/\s+/g, '');

function ingestText(slug: string, text: string): Plan {
  const entry: CatalogEntry = { ...catalog.find((e) => e.slug === slug)!, source: `${slug}-layout.txt` };
  return ingestPlan(entry, new TextEncoder().encode(text), curated, 'test').plan;
}

const bodyUnits = (plan: Plan): Clause[] => plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]);
const boxItems = (plan: Plan): Clause[] => plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items));

/** Structure as ids and texts without labels; box ids mapped when the box numbering changed. */
function shape(plan: Plan, boxId: (id: string) => string = (id) => id) {
  return {
    chapters: plan.chapters.map((c) => c.id),
    sections: plan.chapters.flatMap((c) => c.sections.map((s) => s.id)),
    clauses: bodyUnits(plan).filter((u) => u.kind === 'clause').map((u) => [u.id, u.number, u.paragraphs.join('')]),
    paragraphs: bodyUnits(plan).filter((u) => u.kind !== 'clause').map((u) => [u.id, u.paragraphs.join('')]),
    boxes: plan.boxes.map((b) => boxId(b.id)),
    items: boxItems(plan).map((u) => [boxId(u.id), u.number, u.paragraphs.join('')]),
    rows: plan.boxes.flatMap((b) => b.table?.rows.map((r) => r.printed) ?? []),
  };
}

function expectFaithful(plan: Plan, text: string) {
  const source = noSpace(cleanLines(text).lines.map((l) => l.text).join(''));
  expect(noSpace(planFragments(plan).map((f) => f.text).join(''))).toBe(source);
}

const CASES: [string, string, Renumbering, ((id: string) => string)?][] = [
  ['第一章 / 第一节', 'huining', { chapter: (n) => `第${zh(n)}章 `, section: (n) => `第${zh(n)}节 ` }],
  ['第一章 / 第一节 (interleaved boxes)', 'zhongwei', { chapter: (n) => `第${zh(n)}章　`, section: (n) => `第${zh(n)}节` }],
  ['half-width (一) with full-width １．', 'huining', { section: (n) => `(${zh(n)})`, clause: (n) => `${fullWidth(n)}．`, item: (n) => `${n}.` }],
  ['一） sections, 1、 clauses', 'dengkou', { section: (n) => `${zh(n)}）`, clause: (n) => `${n}、` }],
  ['（1） clauses and items', 'zhongwei', { clause: (n) => `（${n}）` }],
  ['① clauses', 'zhongwei', { clause: (n) => circled(n), item: (n) => `${n}.` }],
  ['1) clauses, 一． chapters', 'ningxia-rural', { chapter: (n) => `${zh(n)}．`, clause: (n) => `${n})` }],
  ['专栏一', 'huining', { box: (n) => `专栏${zh(n)} ` }],
  ['专栏 1-1', 'dengkou', { box: (n) => `专栏 ${n}-1 ` }, (id) => id.replace(/^box(\d+)-1/, 'box$1')],
  ['专栏1：', 'zhongwei', { box: (n) => `专栏${n}：` }],
  ['第一部分 / 一、 sections / （1） clauses', 'dengkou', { chapter: (n) => `第${zh(n)}部分 `, section: (n) => `${zh(n)}、`, clause: (n) => `（${n}）` }],
];

describe.each(CASES)('a seed rewritten: %s', (_name, slug, how, boxId) => {
  const seed = ingestSeed(slug).plan;
  const text = renumber(seedText(slug), seed, how);
  const plan = ingestText(slug, text);

  it('changed the labels', () => {
    expect(text).not.toBe(seedText(slug));
  });

  it('ingests to the same chapters, sections, clauses, 专栏 items and ids, with the same texts', () => {
    expect(shape(plan, boxId)).toEqual(shape(seed));
  });

  it('holds exactly the cleaned source text', () => expectFaithful(plan, text));
});

describe('citations print the numbering as the plan prints it', () => {
  const cite = (how: Renumbering) => {
    const seed = ingestSeed('huining').plan;
    const plan = ingestText('huining', renumber(seedText('huining'), seed, how));
    const clause = plan.chapters[2].sections[1].units.find((u) => u.number === '5')!;
    expect(clause.id).toBe('c3s2-5');
    return clause.citation.replace(/^《[^》]+》/, '');
  };
  it('第三章第二节5.', () => expect(cite({ chapter: (n) => `第${zh(n)}章 `, section: (n) => `第${zh(n)}节 ` })).toBe('第三章第二节5.'));
  it('三(二)５．', () => expect(cite({ section: (n) => `(${zh(n)})`, clause: (n) => `${fullWidth(n)}．`, item: (n) => `${n}.` })).toBe('三(二)５．'));
  it('三（二）⑤', () => expect(cite({ clause: circled, item: (n) => `${n}.` })).toBe('三（二）⑤'));
  it('第三部分二、（1）', () => {
    const seed = ingestSeed('dengkou').plan;
    const how: Renumbering = { chapter: (n) => `第${zh(n)}部分 `, section: (n) => `${zh(n)}、`, clause: (n) => `（${n}）` };
    const plan = ingestText('dengkou', renumber(seedText('dengkou'), seed, how));
    expect(plan.chapters[2].sections[1].units[0].citation).toMatch(/》第三部分二、（1）$/);
  });
  it('专栏一 items', () => {
    const seed = ingestSeed('huining').plan;
    const plan = ingestText('huining', renumber(seedText('huining'), seed, { box: (n) => `专栏${zh(n)} ` }));
    const box = plan.boxes.find((b) => b.id === 'box2')!;
    expect(box.number).toBe('二');
    expect(box.groups[0].items[0].citation).toMatch(/》专栏二 一、1\.$/);
  });
});

/** A small plan; `lines` after the title. */
const small = (...lines: string[]) => ['某县残疾人保障和发展“十四五”规划', ...lines].join('\n');

describe('layouts the seeds do not have', () => {
  it('takes a section title run into the text', () => {
    const text = small('一、保障措施', '（一）加强保障。各地要落实困难残疾人生活补贴。', '1.完善社会救助。加大救助力度。', '2.落实补贴。按时发放。');
    const plan = ingestText('huining', text);
    const section = plan.chapters[0].sections[0];
    expect(section.title).toBe('加强保障');
    expect(section.units.map((u) => [u.id, u.kind])).toEqual([
      ['c1s1-p1', 'paragraph'],
      ['c1s1-1', 'clause'],
      ['c1s1-2', 'clause'],
    ]);
    expect(clauseText(section.units[0])).toBe('各地要落实困难残疾人生活补贴。');
    expectFaithful(plan, text);
  });

  it('maps a four-level plan 第一章 > 第一节 > 一、 > （一） onto chapter, section, clause; （一） stays in the clause', () => {
    const text = small(
      '第一章 总体要求',
      '第一节 指导思想',
      '坚持以人民为中心。',
      '第二章 保障措施',
      '第一节 健全保障体系',
      '一、完善社会救助。',
      '（一）加大救助力度。做好低保。',
      '（二）落实补贴。按时发放。',
      '二、加强就业服务。开展培训。',
      '第二节 加强康复服务',
      '一、推进精准康复。开展服务。',
    );
    const plan = ingestText('huining', text);
    expect(plan.chapters.map((c) => [c.id, c.number, c.title])).toEqual([
      ['c1', '一', '总体要求'],
      ['c2', '二', '保障措施'],
    ]);
    const s1 = plan.chapters[1].sections[0];
    expect(s1.units.map((u) => [u.id, u.label])).toEqual([
      ['c2s1-1', '一、'],
      ['c2s1-2', '二、'],
    ]);
    expect(clauseText(s1.units[0])).toBe('一、完善社会救助。（一）加大救助力度。做好低保。（二）落实补贴。按时发放。');
    expect(s1.units[0].citation).toMatch(/》第二章第一节一、$/);
    expect(plan.chapters[1].sections[1].units[0].id).toBe('c2s2-1');
    expectFaithful(plan, text);
  });

  it('reads 一、 > （一） > 1. > （1）: （1） stays in the clause', () => {
    const text = small('一、保障措施', '（一）健全保障', '1.完善救助。', '（1）加大力度。', '（2）做好低保。', '2.落实补贴。');
    const plan = ingestText('huining', text);
    const units = plan.chapters[0].sections[0].units;
    expect(units.map((u) => u.id)).toEqual(['c1s1-1', 'c1s1-2']);
    expect(clauseText(units[0])).toBe('1.完善救助。（1）加大力度。（2）做好低保。');
  });

  it('keeps inline 一是…二是… and （1）…（2）… as text', () => {
    const text = small(
      '一、保障措施',
      '（一）健全保障',
      '1.完善救助。一是加大力度，二是做好低保，三是落实补贴。',
      '2.落实补贴。做到（1）按时发放，（2）足额发放。',
    );
    const plan = ingestText('huining', text);
    const units = plan.chapters[0].sections[0].units;
    expect(units.map((u) => u.id)).toEqual(['c1s1-1', 'c1s1-2']);
    expect(clauseText(units[1])).toBe('2.落实补贴。做到（1）按时发放，（2）足额发放。');
  });

  it('reads 第一章 with clauses directly under it, and 第一条 articles', () => {
    const text = small('第一章 总则', '第一条 为保障残疾人权益，制定本方案。', '第二条 本方案适用于全县。', '第二章 保障措施', '第三条 完善救助。');
    const plan = ingestText('huining', text);
    expect(plan.chapters[0].sections).toEqual([]);
    expect(plan.chapters.flatMap((c) => c.units.map((u) => [u.id, u.label]))).toEqual([
      ['c1-1', '第一条'],
      ['c1-2', '第二条'],
      ['c2-3', '第三条'],
    ]);
    expect(plan.chapters[1].units[0].citation).toMatch(/》第二章第三条$/);
  });
});

describe('hostile numbering', () => {
  const refused = (text: string) => {
    try {
      ingestText('huining', text);
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };

  it('keeps chapters that jump or repeat as printed', () => {
    const text = small('第一章 总体要求', '坚持以人民为中心。', '第三章 保障措施', '做好保障。', '第三章 保障措施', '加强组织。');
    const plan = ingestText('huining', text);
    expect(plan.chapters.map((c) => [c.id, c.number])).toEqual([
      ['c1', '一'],
      ['c3', '三'],
      ['c3-2', '三'],
    ]);
  });

  it('keeps a clause number that jumps as printed, not merged into the clause before', () => {
    const text = small('一、保障措施', '（一）健全保障', '1.完善救助。', '2.落实补贴。', '4.加强服务。');
    const units = ingestText('huining', text).chapters[0].sections[0].units;
    expect(units.map((u) => [u.id, u.label])).toEqual([
      ['c1s1-1', '1.'],
      ['c1s1-2', '2.'],
      ['c1s1-4', '4.'],
    ]);
  });

  it('refuses a clause number printed twice, naming file and line', () => {
    const message = refused(small('一、保障措施', '（一）健全保障', '1.完善救助。', '2.落实补贴。', '2.加强服务。'));
    expect(message).toMatch(/^huining-layout\.txt:6: two units would get the id "c1s1-2"/);
  });

  it('refuses a section number printed twice, naming file and line', () => {
    const message = refused(small('第一章 保障措施', '第一节 健全保障', '1.完善救助。', '第一节 加强服务', '1.做好康复。'));
    expect(message).toMatch(/^huining-layout\.txt:5: two units would get the id "c1s1"/);
  });

  it('refuses text with no chapter heading of any family', () => {
    expect(refused(small('各地要落实补贴。', '（1）按时发放。'))).toMatch(/^huining-layout\.txt:1: no chapter heading/);
  });
});

describe('paragraph ends decided from the text, not only from line lengths', () => {
  // A hard-wrapped notice: 28-character lines, as a PDF of an A4 page gives them.
  const wrapped = [
    '某县人民政府办公室',
    '关于印发《某县“十四五”残疾人保障和',
    '发展规划》的通知',
    '各乡镇人民政府，县直各有关部门，县残联、',
    '县民政局、县人社局：',
    '现将《某县“十四五”残疾人保障和发展规划》印发给你',
    '们，请结合实际，认真遵照执行。',
    '某县人民政府办公室',
    '2022年6月30日',
    '一、发展基础',
    '“十三五”时期，全县残疾人事业取得了长足进展，残疾人',
    '生活水平明显提高，基本公共服务不断完善，社会环境日益',
    '改善。',
    '“十四五”时期是全面建设社会主义现代化国家的开局起步',
    '期。',
    '二、主要任务',
    '1.加强残疾人社会保障。落实困难残疾人生活补贴和重度残疾人护理补贴制度。',
  ].join('\n');
  const front = (plan: Plan) => plan.front.map((u) => u.paragraphs.join(''));

  it('a notice title broken inside 《》 is one paragraph; so is an addressee list up to its colon', () => {
    const plan = ingestText('huining', wrapped);
    expect(front(plan)).toEqual([
      '某县人民政府办公室',
      '关于印发《某县“十四五”残疾人保障和发展规划》的通知',
      '各乡镇人民政府，县直各有关部门，县残联、县民政局、县人社局：',
      '现将《某县“十四五”残疾人保障和发展规划》印发给你们，请结合实际，认真遵照执行。',
      '某县人民政府办公室',
      '2022年6月30日',
    ]);
    expectFaithful(plan, wrapped);
  });

  it('in hard-wrapped body text a short line that ends a sentence ends the paragraph', () => {
    const plan = ingestText('huining', wrapped);
    expect(plan.chapters[0].units.map((u) => u.paragraphs.join(''))).toEqual([
      '“十三五”时期，全县残疾人事业取得了长足进展，残疾人生活水平明显提高，基本公共服务不断完善，社会环境日益改善。',
      '“十四五”时期是全面建设社会主义现代化国家的开局起步期。',
    ]);
  });

  // One paragraph a line (the text layer joined each paragraph), broken only at page ends.
  const perLine = (a: string, b: string) =>
    [
      '一、总体要求',
      `${'以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心的发展思想，推动残疾人事业高质量发展，'.repeat(3)}为建设美丽家园贡献力量。`,
      a,
      b,
      '二、主要任务',
      `1.加强残疾人社会保障。${'落实困难残疾人生活补贴和重度残疾人护理补贴制度，完善残疾人社会救助体系。'.repeat(3)}`,
      `2.促进残疾人就业。${'落实按比例安排残疾人就业制度，扶持残疾人自主创业和灵活就业。'.repeat(3)}`,
    ].join('\n');

  it('with one paragraph a line, a sentence end at a line end ends the paragraph', () => {
    const text = perLine(`通过实施专项行动，到2025年，${'残疾人生活水平与社会平均水平差距进一步缩小，'.repeat(3)}残疾人获得感更加充实。`, '');
    const plan = ingestText('huining', text);
    const paragraphs = plan.chapters[0].units.map((u) => u.paragraphs.join(''));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/贡献力量。$/);
    expect(paragraphs[1]).toMatch(/^通过实施/);
  });

  it('with one paragraph a line, a page break inside a sentence joins the two lines', () => {
    const text = perLine(`通过实施专项行动，到2025年，${'残疾人生活水平与社会平均水平差距进一步缩小，'.repeat(3)}残疾人`, '获得感更加充实。');
    const plan = ingestText('huining', text);
    const paragraphs = plan.chapters[0].units.map((u) => u.paragraphs.join(''));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toMatch(/残疾人获得感更加充实。$/);
    expectFaithful(plan, text);
  });
});

describe('line breaks inside one sentence (continuesAcross)', () => {
  it('an open bracket or quote, a list comma, or punctuation that cannot start a paragraph', async () => {
    const { continuesAcross, leavesOpen } = await import('../../src/pipeline/structure/patterns.ts');
    expect(leavesOpen('关于印发《会宁县“十四五”残疾人保障和')).toBe(true);
    expect(leavesOpen('关于印发《会宁县“十四五”残疾人保障和发展规划》的通知')).toBe(false);
    expect(continuesAcross('各市、县（区）残联、', '局、教育局')).toBe(true);
    expect(continuesAcross('残疾人生活补贴', '，重度残疾人护理补贴')).toBe(true);
    expect(continuesAcross('社会环境日益改善。', '“十四五”时期')).toBe(false);
    expect(continuesAcross('（县残联牵头）', '2.促进就业')).toBe(false);
  });
});

describe('titles of 专栏 items', () => {
  it('a numbered item leads with its title; an unnumbered one starts with a sentence and has none (会宁 专栏8 三、)', () => {
    const plan = ingestSeed('huining').plan;
    const items = boxItems(plan);
    const plain = items.filter((u) => u.number === null);
    expect(plain.map((u) => u.id)).toContain('box8-3-p1');
    for (const u of plain) expect(u.title, u.id).toBeNull();
    expect(items.find((u) => u.id === 'box8-1-1')?.title).toBe('道路交通无障碍。');
  });
});
