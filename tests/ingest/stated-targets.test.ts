/**
 * Targets stated in prose (文中所述): which sentences give indicator rows and which do not,
 * on hand-written sentences of each form; then the real seeds (宁夏's 2025 goals, and a plan
 * whose table already has the measures its text repeats).
 */
import { describe, expect, it } from 'vitest';
import { PlanSchema, STATED_IN_TEXT, type Clause, type Indicator } from '../../src/model/plan.ts';
import { makeIndicatorCatalog } from '../../src/pipeline/indicators/indicator-catalog.ts';
import { findTargets, inTable, sentencesOf, statedIndicators } from '../../src/pipeline/targets/stated-targets.ts';
import { catalog, curated, ingestSeed, seedText } from './helpers.ts';

const brief = (sentence: string) => findTargets(sentence).map((t) => [t.name, t.number, t.unit, t.qualifier, t.year]);

describe('findTargets: sentences that state targets', () => {
  it('reads each measure after 到2025年 with its value and unit', () => {
    expect(brief('到2025年，残疾人城乡居民基本养老保险参保率达到90%，残疾人城乡居民基本医疗保险参保率达到95%。')).toEqual([
      ['残疾人城乡居民基本养老保险参保率', 90, '%', null, 2025],
      ['残疾人城乡居民基本医疗保险参保率', 95, '%', null, 2025],
    ]);
  });

  it('keeps what is written: the measure, verb and value, and 以上 as the qualifier', () => {
    const [t] = findTargets('到2025年，有需求的残疾人辅具适配率达到98.5%以上。');
    expect(t).toMatchObject({ name: '有需求的残疾人辅具适配率', number: 98.5, qualifier: '以上', valueText: '98.5%以上', written: '有需求的残疾人辅具适配率达到98.5%以上' });
  });

  it('splits a list of measures each named in full, and keeps a shared one as written', () => {
    expect(brief('到2025年，残疾人基本康复服务覆盖率和辅助器具适配率达到90%。')).toEqual([
      ['残疾人基本康复服务覆盖率', 90, '%', null, 2025],
      ['辅助器具适配率', 90, '%', null, 2025],
    ]);
    expect(brief('到2025年，困难残疾人生活补贴覆盖率、重度残疾人护理补贴覆盖率均达到100%。').map((r) => r[0])).toEqual(['困难残疾人生活补贴覆盖率', '重度残疾人护理补贴覆盖率']);
    expect(brief('到2025年，符合条件的残疾人纳入最低生活保障和“两项补贴”比例达到100%。')).toEqual([['符合条件的残疾人纳入最低生活保障和“两项补贴”比例', 100, '%', null, 2025]]);
  });

  it('reads 2025年前 / 到2023年底 / 到“十四五”末, 不低于 and 超过 before the number, counts and 左右', () => {
    const [low] = findTargets('2025年前，县级残联机关残疾人干部比例不低于15%。');
    expect(low).toMatchObject({ name: '县级残联机关残疾人干部比例', number: 15, qualifier: '不低于', year: 2025, valueText: '不低于15%' });
    expect(brief('到2023年底，全县残疾人托养服务机构达到12个左右，城乡残疾人职业技能培训人数超过1500人。')).toEqual([
      ['全县残疾人托养服务机构', 12, '个', '左右', 2023],
      ['城乡残疾人职业技能培训人数', 1500, '人', '超过', 2023],
    ]);
    expect(brief('至2025年残疾人社区文化体育活动参与率提升至60％。')).toEqual([['残疾人社区文化体育活动参与率', 60, '%', null, 2025]]);
    expect(brief('到“十四五”末，残疾人城乡居民基本医疗保险参保率稳定在97%以上。')).toEqual([['残疾人城乡居民基本医疗保险参保率', 97, '%', '以上', 2025]]);
  });

  it('names each of several targets after 、 or 和 without the joining mark, and reads full-width digits', () => {
    expect(brief('到2025年，残疾人基本康复服务覆盖率达到90%、残疾人城乡居民基本养老保险参保率达到95%和残疾人城乡居民基本医疗保险参保率达到96%。').map((r) => r[0])).toEqual([
      '残疾人基本康复服务覆盖率',
      '残疾人城乡居民基本养老保险参保率',
      '残疾人城乡居民基本医疗保险参保率',
    ]);
    const [t] = findTargets('到2025年，残疾人辅助器具适配率达到９８．５％以上。');
    expect(t).toMatchObject({ name: '残疾人辅助器具适配率', number: 98.5, unit: '%', valueText: '９８．５％以上' });
  });

  it('keeps a bracket inside the name and drops the words that only join it', () => {
    expect(brief('到2025年，同时使乡镇（街道）残疾人服务机构覆盖率达到80%。')).toEqual([['乡镇（街道）残疾人服务机构覆盖率', 80, '%', null, 2025]]);
  });
});

describe('findTargets: sentences that do not', () => {
  it.each([
    ['a past figure with its year', '2020年，残疾人基本康复服务覆盖率达到95%。'],
    ['a figure at the base year', '到2020年底，残疾人城乡居民基本养老保险参保率达到95%。'],
    ['a growth rate in the background', '“十三五”期间，残疾人家庭人均收入年均增长率为8.5%，高于全区平均水平。'],
    ['a change, not a level', '到2025年，残疾人城乡居民基本医疗保险参保率提高5个百分点。'],
    ['a goal with no number', '到2025年，残疾人基本康复服务覆盖率进一步提高，辅助器具适配水平明显提升。'],
    ['a figure with no target year', '残疾儿童少年接受义务教育比例达到98.04%，残疾人辅助器具适配率达到 98.31%。'],
    ['a figure already reached', '到2025年的目标中，残疾人城乡居民基本养老保险参保率已达到90%。'],
    ['a % whose measure is not a rate or share', '到2025年，残疾人参加职业培训达到80%。'],
  ])('%s', (_why, sentence) => {
    expect(findTargets(sentence)).toEqual([]);
  });

  it('stops at a past year named after the target year', () => {
    expect(brief('到2025年，残疾人城乡居民基本医疗保险参保率达到96%（2020年达到90%）。')).toEqual([['残疾人城乡居民基本医疗保险参保率', 96, '%', null, 2025]]);
  });
});

describe('sentencesOf', () => {
  it('splits after 。！？ and keeps the mark', () => {
    expect(sentencesOf('一是保障。二是就业！三是康复？（残联牵头）')).toEqual(['一是保障。', '二是就业！', '三是康复？', '（残联牵头）']);
  });
});

const clause = (id: string, paragraphs: string[], label = ''): Clause => ({
  id,
  kind: label ? 'clause' : 'paragraph',
  number: label ? label.replace(/\D/g, '') : null,
  label,
  title: null,
  paragraphs,
  area: null,
  areaReason: null,
  responsibility: null,
  citation: `《某县规划》${id}`,
  incomplete: false,
  lines: [10, 12],
  at: [0, 5],
});

const tableRow = (name: string, canonical: string | null): Indicator => ({
  id: `box1-r1`,
  number: '1',
  category: null,
  name,
  unit: '%',
  canonical,
  baseline2020: null,
  target2025: { text: '>90', number: 90, op: '>', cumulative: false },
  attribute: '约束性',
  printed: `1 ${name} % >90 约束性`,
  lines: [30],
});

const fixtureFile = {
  indicators: [
    { id: 'pension-insurance', name: '残疾人城乡居民基本养老保险参保率', category: '保障', unit: '%', aliases: ['残疾人城乡居民基本养老保险参保率', '残疾人基本养老保险参保率'] },
    { id: 'assistive-device-fitting', name: '残疾人辅助器具适配率', category: '保障', unit: '%', aliases: ['残疾人辅助器具适配率', '辅助器具适配率'] },
    { id: 'dibao', name: '纳入低保比例', category: '保障', unit: '%', aliases: ['纳入低保比例'] },
    { id: 'allowance', name: '补贴覆盖率', category: '保障', unit: '%', aliases: ['补贴覆盖率'] },
  ],
  combined: [{ name: '纳入低保和补贴比例', indicators: ['dibao', 'allowance'] }],
};
const fixtureCatalog = makeIndicatorCatalog(fixtureFile);

describe('statedIndicators', () => {
  const units = [
    clause('c1-p1', ['“十三五”时期，残疾人基本养老保险参保率达到85%。', '到2025年，残疾人基本养老保险参保率达到95%，辅助器具适配率达到90%以上。']),
    clause('c2s1-3', ['加强康复。到2023年，残疾人基本养老保险参保率达到92%。'], '3.'),
  ];

  it('gives each target a row marked 文中所述, with its clause, citation, sentence and canonical id', () => {
    const rows = statedIndicators(units, [], fixtureCatalog);
    expect(rows.map((r) => [r.id, r.name, r.canonical, r.target.text, r.target.op, r.year, r.clause])).toEqual([
      ['c1-p1-t1', '残疾人基本养老保险参保率', 'pension-insurance', '95%', null, 2025, 'c1-p1'],
      ['c1-p1-t2', '辅助器具适配率', 'assistive-device-fitting', '90%以上', '≥', 2025, 'c1-p1'],
      ['c2s1-3-t1', '残疾人基本养老保险参保率', 'pension-insurance', '92%', null, 2023, 'c2s1-3'],
    ]);
    for (const r of rows) {
      expect(r.origin).toBe(STATED_IN_TEXT);
      expect(r.citation).toBe(units.find((u) => u.id === r.clause)!.citation);
      expect(r.lines).toEqual([10, 12]);
      expect(units.find((u) => u.id === r.clause)!.label + units.find((u) => u.id === r.clause)!.paragraphs.join('')).toContain(r.sentence);
      expect(r.sentence).toContain(r.written);
    }
    expect(rows[0].sentence).toBe('到2025年，残疾人基本养老保险参保率达到95%，辅助器具适配率达到90%以上。');
    expect(rows[2].sentence).toBe('到2023年，残疾人基本养老保险参保率达到92%。');
  });

  it('makes a row per indicator of a name the catalogue lists as combined, each left to a table that has it', () => {
    const units = [clause('c1-p3', ['到2025年，纳入低保和补贴比例达到100%。'])];
    expect(statedIndicators(units, [], fixtureCatalog).map((r) => [r.id, r.name, r.canonical, r.target.text])).toEqual([
      ['c1-p3-t1-1', '纳入低保和补贴比例', 'dibao', '100%'],
      ['c1-p3-t1-2', '纳入低保和补贴比例', 'allowance', '100%'],
    ]);
    expect(statedIndicators(units, [tableRow('纳入低保比例', 'dibao')], fixtureCatalog).map((r) => r.canonical)).toEqual(['allowance']);
  });

  it('the catalogue refuses a combined name that is an alias, lists an unknown indicator, or is listed twice', () => {
    const entry = fixtureFile.combined[0];
    expect(() => makeIndicatorCatalog({ ...fixtureFile, combined: [{ ...entry, name: '补贴覆盖率' }] })).toThrow(/also an alias of allowance/);
    expect(() => makeIndicatorCatalog({ ...fixtureFile, combined: [{ ...entry, indicators: ['dibao', 'nothing'] }] })).toThrow(/lists nothing/);
    expect(() => makeIndicatorCatalog({ ...fixtureFile, combined: [entry, entry] })).toThrow(/listed twice/);
  });

  it('leaves a 2025 measure to the plan’s own table (same canonical id or same name), but not another year', () => {
    const rows = statedIndicators(units, [tableRow('残疾人城乡居民基本养老保险参保率', 'pension-insurance')], fixtureCatalog);
    expect(rows.map((r) => r.id)).toEqual(['c1-p1-t2', 'c2s1-3-t1']);
    expect(inTable({ name: '某项覆盖率', canonical: null, year: 2025 }, [tableRow('某项 覆盖率', null)])).toBe(true);
    expect(inTable({ name: '某项覆盖率', canonical: null, year: 2024 }, [tableRow('某项覆盖率', null)])).toBe(false);
    expect(inTable({ name: '另一项覆盖率', canonical: null, year: 2025 }, [tableRow('某项覆盖率', null)])).toBe(false);
  });
});

describe('the seeds', () => {
  const ningxia = catalog.find((e) => e.source.startsWith('002_'))!;
  const { plan } = ingestSeed(ningxia.slug);

  it('宁夏: its 2025 goals are rows stated in the text, with values, ids and the citation of their paragraph', () => {
    const rows = plan.statedIndicators;
    expect(rows.map((r) => [r.name, r.target.number, r.unit, r.year, r.canonical])).toEqual([
      // One share of three indicators (content/indicators.yaml, combined): a row for each.
      ['符合条件的残疾人纳入最低生活保障和“两项补贴”比例', 100, '%', 2025, 'dibao-coverage'],
      ['符合条件的残疾人纳入最低生活保障和“两项补贴”比例', 100, '%', 2025, 'living-allowance-coverage'],
      ['符合条件的残疾人纳入最低生活保障和“两项补贴”比例', 100, '%', 2025, 'nursing-allowance-coverage'],
      ['残疾人城乡居民基本养老保险参保率', 90, '%', 2025, 'pension-insurance'],
      ['残疾人城乡居民基本医疗保险参保率', 95, '%', 2025, 'medical-insurance'],
      ['适龄残疾儿童少年义务教育入学率', 98, '%', 2025, 'compulsory-education'],
      ['残疾人基本康复服务覆盖率', 90, '%', 2025, 'rehabilitation-coverage'],
      ['辅助器具适配率', 90, '%', 2025, 'assistive-device-fitting'],
      ['困难重度残疾人家庭无障碍改造率', 80, '%', 2025, null],
      ['乡镇（街道）残疾人服务机构覆盖率', 80, '%', 2025, null],
    ]);
    // The paragraph that states them: its citation, its source lines, the sentence as printed.
    const source = seedText(ningxia.slug).split('\n');
    const paragraph = plan.chapters.flatMap((c) => c.units).find((u) => u.id === rows[0].clause)!;
    for (const r of rows) {
      expect(r.origin).toBe('文中所述');
      expect(r.clause).toBe(paragraph.id);
      expect(r.citation).toBe(paragraph.citation);
      expect(r.citation).toMatch(/^《“十四五”时期巩固拓展残疾人脱贫攻坚成果同乡村振兴有效衔接实施方案》一、第\d+段$/);
      expect(r.lines).toEqual(paragraph.lines);
      expect(r.sentence.startsWith('通过实施“1+5”专项行动')).toBe(true);
      expect(r.sentence).toContain(`${r.written}，`);
      expect(source[r.lines.at(-1)! - 1]).toContain(r.written);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.slice(0, 4).map((r) => r.id.slice(r.clause.length))).toEqual(['-t1-1', '-t1-2', '-t1-3', '-t2']);
    expect(PlanSchema.parse(plan).statedIndicators).toEqual(rows);
  });

  it('a plan whose table has the measures its text repeats gets no row for them (the table wins)', () => {
    for (const entry of catalog) {
      const p = ingestSeed(entry.slug).plan;
      const table = p.boxes.flatMap((b) => b.table?.rows ?? []);
      for (const r of p.statedIndicators) expect(inTable(r, table), `${entry.slug} ${r.id} ${r.name}`).toBe(false);
    }
    // 磴口's text repeats its table's 康复, 辅具 and 义务教育 targets: all of them left to its table.
    const dengkou = ingestSeed('dengkou').plan;
    const said = dengkou.chapters
      .flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)])
      .flatMap((u) => u.paragraphs.flatMap((p) => sentencesOf(p)).flatMap((s) => findTargets(s)));
    expect(said.map((t) => curated.indicators.canonicalId(t.name))).toEqual(expect.arrayContaining(['rehabilitation-coverage', 'assistive-device-fitting', 'compulsory-education']));
    expect(dengkou.statedIndicators.filter((r) => r.canonical !== null)).toEqual([]);
  });
});
