// The pure helpers in src/site/ that pages are built from.
import { describe, expect, it } from 'vitest';
import type { Clause, Plan } from '../../src/model/plan.ts';
import { catalogFacts, draftBadgeText, regionText } from '../../src/site/catalog.ts';
import { layoutBarChart } from '../../src/site/chart.ts';
import { compareIndicators, percentTargetGroups, unmappedIndicators, valueText } from '../../src/site/indicators.ts';
import { readAreas, readCanonicalIndicators, readCatalog, readPlan, readPlans, readTopics } from '../../src/site/load.ts';
import { planSlugFromPath } from '../../src/site/paths.ts';
import { planFragments, sourceEntries } from '../../src/model/plan-text.ts';
import { clauseGist, markTerms, splitLead } from '../../src/site/text.ts';
import { topicMatches } from '../../src/site/topics.ts';
import { placedUnits, unitHref } from '../../src/site/units.ts';

const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('text', () => {
  it('splits the lead sentence off only when the paragraph starts with it', () => {
    expect(splitLead('加强残疾人健康服务。全面推进。', '加强残疾人健康服务。')).toEqual({ lead: '加强残疾人健康服务。', rest: '全面推进。' });
    expect(splitLead('别的开头。', '加强残疾人健康服务。')).toEqual({ lead: null, rest: '别的开头。' });
    expect(splitLead('没有标题。', null)).toEqual({ lead: null, rest: '没有标题。' });
  });

  it('gives a clause gist: label + title and the next sentence', () => {
    const unit = { label: '16.', title: '加强残疾人健康服务。', paragraphs: ['加强残疾人健康服务。全面推进残疾人家庭医生签约服务。加强心理健康服务。'] } as Clause;
    expect(clauseGist(unit)).toEqual({ lead: '16.加强残疾人健康服务。', next: '全面推进残疾人家庭医生签约服务。' });
    const untitled = { label: '', title: null, paragraphs: ['第一句。第二句。'] } as Clause;
    expect(clauseGist(untitled)).toEqual({ lead: '第一句。', next: null });
  });

  it('marks matched terms, longest first', () => {
    expect(markTerms('落实护理补贴和两项补贴', ['补贴', '两项补贴'])).toEqual([
      { text: '落实护理', match: false },
      { text: '补贴', match: true },
      { text: '和', match: false },
      { text: '两项补贴', match: true },
    ]);
  });
});

describe('catalogue facts', () => {
  it('marks drafts in words and leaves out missing fields', () => {
    const beihai = readCatalog().find((e) => e.slug === 'beihai')!;
    expect(draftBadgeText(beihai.status)).toBe('草案：征求意见稿');
    expect(draftBadgeText('讨论稿')).toBe('草案：讨论稿');
    expect(draftBadgeText('正式')).toBeNull();
    expect(catalogFacts(beihai).map((f) => f.label)).toEqual(['标题', '地区', '层级', '类型', '状态']);
    const huining = readCatalog().find((e) => e.slug === 'huining')!;
    expect(catalogFacts(huining).find((f) => f.label === '日期')?.value).toBe('2022年6月30日');
    expect(regionText(huining)).toBe('甘肃省 白银市 会宁县');
  });
});

describe('source view', () => {
  it.each(readCatalog().map((e) => e.slug))('%s: holds every fragment of the model, sorted by first line', (slug) => {
    const plan = readPlan(slug);
    const entries = sourceEntries(plan);
    const lines = entries.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const text = (list: { text: string }[]) => noSpace(list.map((p) => p.text).join('')).split('').sort().join('');
    // Same characters as the fidelity view of the model (order differs where a 专栏 interrupts a clause).
    expect(text(entries.flatMap((e) => e.pieces))).toBe(text(planFragments(plan)));
  });

  it('marks incomplete units', () => {
    const plan = structuredClone(readPlan('huining')) as Plan;
    plan.front[0].incomplete = true;
    expect(sourceEntries(plan).find((e) => e.id === plan.front[0].id)?.incomplete).toBe(true);
  });
});

describe('units and links', () => {
  it('links area clauses to their area page and overview text to the overview page', () => {
    const plan = readPlan('huining');
    const placed = placedUnits(plan);
    expect(unitHref(plan, placed.find((p) => p.unit.id === 'c3s4-17')!)).toBe('/plans/huining/kangfu/#c3s4-17');
    expect(unitHref(plan, placed.find((p) => p.unit.id === 'front-p1')!)).toBe('/plans/huining/#front-p1');
  });

  it('reads the plan slug from a page path', () => {
    expect(planSlugFromPath('/plans/ningxia-rural/')).toBe('ningxia-rural');
    expect(planSlugFromPath('/areas/kangfu/')).toBeNull();
  });
});

describe('indicators', () => {
  const comparisons = compareIndicators(readPlans(), readCanonicalIndicators());

  it('compares every canonical indicator across the plans that have a table', () => {
    expect(comparisons.map((c) => c.indicator.id)).toEqual(readCanonicalIndicators().map((i) => i.id));
    const dibao = comparisons.find((c) => c.indicator.id === 'dibao-coverage')!;
    expect(dibao.plans.map((p) => p.plan.slug)).toEqual(['zhongwei', 'huining', 'dengkou', 'beihai']);
    expect(valueText(dibao.plans[3].row!.baseline2020)).toBe('原文无此列');
    expect(valueText({ text: '——', number: null, op: null, cumulative: false })).toBe('未填');
  });

  it('lists rows without a canonical indicator under their plan', () => {
    const plans = readPlans().map((p) => structuredClone(p) as Plan);
    const row = plans[1].boxes.find((b) => b.table)!.table!.rows[0];
    row.canonical = null;
    expect(unmappedIndicators(plans)).toEqual([{ plan: plans[1].catalog, rows: [row] }]);
    expect(unmappedIndicators(readPlans())).toEqual([]);
  });

  it('charts numeric % targets only, inside the drawing', () => {
    const groups = percentTargetGroups(comparisons, (e) => e.shortName);
    expect(groups.every((g) => readCanonicalIndicators().find((i) => i.name === g.label)?.unit === '%')).toBe(true);
    const pension = groups.find((g) => g.label === '残疾人城乡居民基本养老保险参保率')!;
    expect(pension.bars.map((b) => b.text)).toEqual(['>90%', '>90%', '>90%', '100%']);
    const chart = layoutBarChart(groups);
    for (const bar of chart.groups.flatMap((g) => g.bars)) {
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.scaleX + chart.scaleWidth + 0.1);
      expect(bar.textX).toBeLessThan(chart.width);
      expect(bar.y + bar.height).toBeLessThanOrEqual(chart.height);
    }
  });
});

describe('entitlement topics', () => {
  const topics = readTopics();

  it('cover the topics people look for, in plain words with who to ask', () => {
    const names = topics.map((t) => t.name).join(' ');
    for (const needed of ['两项补贴', '低保', '护理补贴', '辅助器具', '残疾儿童康复救助', '托养照护', '教育资助', '就业创业补贴', '无障碍改造', '信息消费', '法律援助', '意外伤害保险', '残疾人证', '家庭医生', '盲人按摩', '手语']) {
      expect(names).toContain(needed);
    }
    for (const t of topics) {
      expect(t.summary, t.slug).toMatch(/残联|民政|部门|中心|学校/);
      expect(t.summary, t.slug).toMatch(/当地/);
      expect(t.slug).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });

  it('find clauses for every topic, grouped by plan in catalogue order', () => {
    const plans = readPlans();
    for (const t of topics) {
      const groups = topicMatches(t, plans);
      expect(groups.length, t.slug).toBeGreaterThan(0);
      const order = readCatalog().map((e) => e.slug);
      const slugs = groups.map((g) => g.plan.slug);
      expect(slugs).toEqual(order.filter((s) => slugs.includes(s)));
      for (const m of groups.flatMap((g) => g.matches)) expect(m.sentences.length, `${t.slug} ${m.placed.unit.id}`).toBeGreaterThan(0);
    }
    const xinxi = topics.find((t) => t.slug === 'xinxi-chuxing')!;
    expect(xinxi.terms).toEqual(expect.arrayContaining(['信息消费', '公共交通', '乘坐']));
  });

  it('areas come from content/areas.yaml', () => {
    expect(readAreas().map((a) => a.name)).toEqual(['保障', '就业', '康复', '教育', '无障碍', '组织']);
  });
});
