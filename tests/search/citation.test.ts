// Citations in, clause out (src/search/citation.ts): every printed citation of the real
// plans parses and resolves back to its own unit; the forms staff type; ordinary queries
// are not citations; hostile input; and the ref tables written by the build
// (dist/pagefind/refs/) exist and point at elements of the built pages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Area, Clause } from '../../src/model/plan.ts';
import {
  buildRefs,
  findPlans,
  numeral,
  parseCitation,
  plansTable,
  resolveCitation,
  resolveInPlans,
  stripRegionSuffix,
  type PlansTable,
  type RefTable,
} from '../../src/search/citation.ts';
import { DIST, builtPage, realCorpus, requireIndex } from './helpers.ts';

const corpus = realCorpus();
const areaSlugs = Object.fromEntries(corpus.areas.map((a) => [a.name, a.slug])) as Record<Area, string>;
const plans: PlansTable = plansTable(corpus.catalog);
const tables = new Map<string, RefTable>(corpus.plans.map((p) => [p.catalog.slug, buildRefs(p, areaSlugs)]));
const table = (slug: string) => tables.get(slug)!;

/** Parses, resolves in the (single best) plan named, returns the unit's id. */
function idOf(query: string): string | null {
  const parsed = parseCitation(query, plans);
  if (!parsed || !parsed.plans.length) return null;
  return resolveCitation(parsed, table(parsed.plans[0]))?.id ?? null;
}

describe('numerals and names', () => {
  it('reads Chinese and Arabic numbers', () => {
    expect([numeral('三'), numeral('十'), numeral('十二'), numeral('二十'), numeral('二十三'), numeral('12'), numeral('两')]).toEqual([3, 10, 12, 20, 23, 12, 2]);
    expect([numeral('十十'), numeral('三二'), numeral(''), numeral('abc')]).toEqual([null, null, null, null]);
  });
  it('strips region suffixes', () => {
    expect(stripRegionSuffix('北海市')).toBe('北海');
    expect(stripRegionSuffix('会宁县')).toBe('会宁');
    expect(stripRegionSuffix('宁夏回族自治区')).toBe('宁夏');
    expect(stripRegionSuffix('内蒙古自治区')).toBe('内蒙古');
    expect(stripRegionSuffix('广西壮族自治区')).toBe('广西');
    expect(stripRegionSuffix('新疆维吾尔自治区')).toBe('新疆');
    expect(stripRegionSuffix('巴彦淖尔市')).toBe('巴彦淖尔');
    expect(stripRegionSuffix('甘肃省')).toBe('甘肃');
    expect(stripRegionSuffix('北京')).toBe(null);
  });
  it('finds plans by title, name and region; the most specific name wins', () => {
    for (const e of corpus.catalog) {
      expect(findPlans(plans, e.title)).toEqual([e.slug]);
      expect(findPlans(plans, `《${e.title}》`)).toEqual([e.slug]);
      expect(findPlans(plans, e.shortName)).toEqual([e.slug]);
    }
    expect(findPlans(plans, '北海')).toEqual(['beihai']);
    expect(findPlans(plans, '会宁')).toEqual(['huining']);
    expect(findPlans(plans, '磴口')).toEqual(['dengkou']);
    expect(findPlans(plans, '巴彦淖尔市')).toEqual(['dengkou']);
    expect(findPlans(plans, '内蒙古')).toEqual(['dengkou']);
    expect(findPlans(plans, '白银')).toEqual(['huining']);
    // 宁夏 is the province-level plan's own name and 中卫's province: the own name wins.
    expect(findPlans(plans, '宁夏')).toEqual(['ningxia-rural']);
    expect(findPlans(plans, '宁夏回族自治区')).toEqual(['ningxia-rural']);
    expect(findPlans(plans, '中卫')).toEqual(['zhongwei']);
    expect(findPlans(plans, '上海')).toEqual([]);
  });
  it('returns every plan when a name is truly ambiguous', () => {
    const two = plansTable([
      ...corpus.catalog,
      { ...corpus.catalog.find((e) => e.slug === 'huining')!, slug: 'baiyin-other', title: '白银市某区残疾人事业发展规划', shortName: '某区', county: '某区' },
    ]);
    expect(findPlans(two, '白银')).toEqual(['huining', 'baiyin-other']);
    expect(findPlans(two, '会宁')).toEqual(['huining']);
  });
});

describe('every printed citation resolves to its own unit', () => {
  const units: { slug: string; c: Clause }[] = [];
  for (const plan of corpus.plans) {
    const slug = plan.catalog.slug;
    const all = [...plan.front, ...plan.chapters.flatMap((ch) => [...ch.units, ...ch.sections.flatMap((s) => s.units)]), ...plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items))];
    for (const c of all) units.push({ slug, c });
  }

  it(`covers all ${units.length} clauses, paragraphs and 专栏 items`, () => {
    expect(units.length).toBeGreaterThan(430);
    const failures: string[] = [];
    for (const { slug, c } of units) {
      const parsed = parseCitation(c.citation, plans);
      const ref = parsed && parsed.plans.length === 1 && parsed.plans[0] === slug ? resolveCitation(parsed, table(slug)) : null;
      if (ref?.id !== c.id) failures.push(`${slug} ${c.id} ${c.citation} → ${JSON.stringify(parsed)} → ${ref?.id}`);
      // Also without the title, and with the short name instead of it.
      const local = c.citation.replace(/^《[^》]*》/, '');
      const shortName = corpus.catalog.find((e) => e.slug === slug)!.shortName;
      if (idOf(`${shortName} ${local}`) !== c.id) failures.push(`${shortName} ${local}`);
      const noPlan = parseCitation(local, plans);
      if (!noPlan || resolveCitation(noPlan, table(slug))?.id !== c.id) failures.push(`(no plan) ${local}`);
    }
    expect(failures).toEqual([]);
  });

  it('the citation the table prints for every ref resolves to that ref (a number printed twice: to its first occurrence)', () => {
    const failures: string[] = [];
    const twice: string[] = [];
    for (const t of tables.values()) {
      for (const r of t.refs) {
        const parsed = parseCitation(`《${t.title}》${r.cite}`, plans);
        const got = parsed ? resolveCitation(parsed, t) : null;
        const first = t.refs.find((x) => x.cite === r.cite);
        if (first !== r) twice.push(`${t.slug} ${r.id}`);
        if (got !== first) failures.push(`${t.slug} ${r.id} ${r.cite} → ${got?.id}`);
      }
    }
    expect(failures).toEqual([]);
    // Only 北海's second chapter 四 (and its sections) cannot be named apart from the first.
    expect(twice).toEqual(['beihai c4-2', 'beihai c4-2s1', 'beihai c4-2s2', 'beihai c4-2s3', 'beihai c4-2s4']);
  });

  it('indicator rows resolve as 专栏N N.', () => {
    for (const plan of corpus.plans) {
      for (const box of plan.boxes.filter((b) => b.table)) {
        for (const row of box.table!.rows) {
          expect(idOf(`《${plan.catalog.title}》专栏${box.number} ${row.number}.`)).toBe(row.id);
        }
      }
    }
  });
});

describe('forms staff type', () => {
  it.each([
    ['北海 第三章（二）2', 'c4s2-2'], // 北海 prints 一、二、四、四: the third chapter is the one printed 四
    ['北海市 三（二）2.', 'c4s2-2'],
    ['北海 四（二）2', 'c4s2-2'],
    ['北海 四（一）第1段', 'c4-2s1-p1'], // the second chapter printed 四
    ['北海 四（一）', 'c4s1'],
    ['《会宁县“十四五”残疾人保障和发展规划》三（二）5.', 'c3s2-5'],
    ['会宁县“十四五”残疾人保障和发展规划 三（二）5', 'c3s2-5'],
    ['《会宁县"十四五"残疾人保障和发展规划》三(二)5.', 'c3s2-5'],
    ['会宁 三（二）5', 'c3s2-5'],
    ['会宁三(二)5', 'c3s2-5'],
    ['会宁 第三章 第二节 5', 'c3s2-5'],
    ['会宁 第三章第二节第5条', 'c3s2-5'],
    ['会宁 三（二）（5）', 'c3s2-5'],
    ['会宁 三、（二）5．', 'c3s2-5'],
    ['会宁　三（二）５．', 'c3s2-5'],
    ['会宁 三 5', 'c3s2-5'], // clause numbers run on through the chapter
    ['会宁 （二）5', 'c3s2-5'],
    ['三（二）5 会宁', 'c3s2-5'],
    ['会宁 专栏3', 'box3'],
    ['会宁 专栏三', 'box3'],
    ['会宁 专栏 3', 'box3'],
    ['会宁县 专栏2 一、3.', 'box2-1-3'],
    ['会宁县专栏2一、3.', 'box2-1-3'],
    ['会宁县 专栏２ 一、３．', 'box2-1-3'],
    ['会宁 专栏2 二、', 'box2-2'],
    ['会宁 专栏8 三、第1段', 'box8-3-p1'],
    ['会宁 专栏4 5', 'box4-5'],
    ['北海 专栏5 2.', 'box5-2'],
    ['北海 专栏1 3.', 'box1-r3'],
    ['会宁 一、第2段', 'c1-p2'],
    ['会宁 正文前第3段', 'front-p3'],
    ['宁夏 二（一）', 'c2s1'],
    ['宁夏 二（一）1', 'c2s1-1'],
    ['磴口 三（五）2', 'c3s5-2'], // section number implied (lost in extraction)
    ['磴口 第三章', 'c3'],
    ['中卫市规划 四（三）1', 'c4s3-p1'], // an unnumbered section: 1 is its first paragraph
    ['中卫 三（一）1', 'c3s1-p1'],
    ['中卫市 三（九）4', 'c3s9-4'],
    ['中卫 专栏5 三、2', 'box5-3-2'],
    ['zhongwei 专栏6 6', 'box6-6'],
  ])('%s → %s', (query, id) => {
    expect(idOf(query)).toBe(id);
  });

  it('parses the numbering the same way in every spelling', () => {
    const p = (q: string) => parseCitation(q, plans)?.path;
    expect(p('北海 第三章（二）2')).toEqual({ ch: 3, sec: 2, no: 2 });
    expect(p('北海 三（二）2.')).toEqual({ ch: 3, sec: 2, no: 2 });
    expect(p('北海 三(二)2．')).toEqual({ ch: 3, sec: 2, no: 2 });
    expect(p('北海 三（二）（2）')).toEqual({ ch: 3, sec: 2, no: 2 });
    expect(p('会宁 专栏２ 一、３．')).toEqual({ box: 2, grp: 1, no: 3 });
    expect(p('磴口 第五章')).toEqual({ ch: 5 });
  });

  it('a citation naming no plan, or an unknown one, resolves in every plan that has the unit', () => {
    const parsed = parseCitation('《…规划》第四章（一）3', plans)!;
    expect(parsed.planText).toBe('...规划');
    expect(parsed.plans).toEqual([]);
    expect(parsed.path).toEqual({ ch: 4, sec: 1, no: 3 });
    expect(resolveInPlans(parsed, [...tables.values()]).map((h) => `${h.slug}#${h.ref.id}`)).toEqual(['beihai#c4s1-3']);
    const partTitle = parseCitation('《会宁县残疾人规划》三（二）5', plans)!;
    expect(partTitle.plans).toEqual(['huining']);
    const any = parseCitation('专栏2 一、3.', plans)!;
    expect(resolveInPlans(any, [...tables.values()]).map((h) => h.slug)).toEqual(['huining']);
  });

  it('a citation naming a unit that does not exist resolves to null', () => {
    for (const q of ['会宁 三（二）99', '会宁 三（九）1', '磴口 第五章', '会宁 专栏12', '会宁 专栏2 三、1', '北海 专栏2 一、1', '会宁 专栏2 3', '中卫 三 1', '会宁 正文前第99段']) {
      const parsed = parseCitation(q, plans);
      expect(parsed, q).not.toBeNull();
      expect(resolveCitation(parsed!, table(parsed!.plans[0])), q).toBeNull();
    }
  });
});

describe('not citations', () => {
  it.each([
    '护理补贴',
    '残疾证怎么办',
    '我家孩子是自闭症能去哪里上学',
    '2025年',
    '十四五',
    '“十四五”',
    '一级残疾',
    '三级四级',
    '第一次',
    '北海',
    '北海市',
    '《会宁县“十四五”残疾人保障和发展规划》',
    '会宁 护理补贴',
    '三',
    '三 5',
    '5.',
    '（2）',
    '12345',
    '会宁 12345',
    '二〇二五',
    '第十四个五年规划',
    '专栏',
    '三（二）5 护理补贴',
    '十一五',
  ])('%s', (q) => {
    expect(parseCitation(q, plans)).toBeNull();
  });

  it('hostile input never throws', () => {
    const inputs = [
      '',
      ' ',
      '《》',
      '《》三（二）5',
      '《',
      '》',
      '<script>alert(1)</script>',
      '<script>',
      '0'.repeat(10000),
      '三（二）'.repeat(5000),
      '专栏'.repeat(3000),
      '《'.repeat(2000) + '三（二）5',
      '会宁'.repeat(1000),
      '\u0000\uffff\ud800',
      '专栏99999999999999999999',
      '第九十九章（九十九）999',
      '((((((((((((',
    ];
    for (const q of inputs) {
      expect(() => parseCitation(q, plans)).not.toThrow();
      const parsed = parseCitation(q, plans);
      expect(() => parsed && resolveInPlans(parsed, [...tables.values()])).not.toThrow();
    }
    expect(parseCitation('<script>', plans)).toBeNull();
    expect(parseCitation('《》', plans)).toBeNull();
    expect(parseCitation('0'.repeat(10000), plans)).toBeNull();
    expect(() => resolveCitation({ ch: 3 }, { v: 1, slug: 'x', title: 'x', refs: [] })).not.toThrow();
    expect(resolveCitation({ ch: 3 }, null as unknown as RefTable)).toBeNull();
  });
});

describe('built ref files (dist/pagefind/refs/)', () => {
  requireIndex();
  const dir = join(DIST, 'pagefind', 'refs');
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));

  it('hold one table per plan and the plans table, equal to what the code builds', () => {
    expect(read('plans.json')).toEqual(plans);
    for (const [slug, t] of tables) {
      expect(existsSync(join(dir, `${slug}.json`)), slug).toBe(true);
      expect(read(`${slug}.json`)).toEqual(t);
    }
  });

  it('every URL points at an element id that exists in the built page', () => {
    const missing: string[] = [];
    let n = 0;
    for (const slug of tables.keys()) {
      const t: RefTable = read(`${slug}.json`);
      for (const r of t.refs) {
        n++;
        const [path, id] = r.url.split('#');
        const page = builtPage(path);
        if (!page || !page.byId.has(id)) missing.push(`${slug} ${r.u} ${r.cite} ${r.url}`);
      }
    }
    expect(n).toBeGreaterThanOrEqual(600);
    expect(missing).toEqual([]);
  });

  it('clause and item URLs are the search records’ URLs', () => {
    const recordUrl = new Map(corpus.records.map((r) => [`${r.slug} ${r.id}`, r.url]));
    for (const t of tables.values()) {
      for (const r of t.refs.filter((x) => ['front', 'clause', 'paragraph', 'item', 'row'].includes(x.u))) {
        expect(r.url, `${t.slug} ${r.id}`).toBe(recordUrl.get(`${t.slug} ${r.id}`));
      }
    }
  });
});
