// The pure helpers in src/site/ that pages are built from.
import { describe, expect, it } from 'vitest';
import type { Clause, Plan } from '../../src/model/plan.ts';
import { catalogFacts, draftBadgeText, OFFICIAL_LINK_TEXT, regionText } from '../../src/site/catalog.ts';
import { layoutBarChart, roundUp } from '../../src/site/chart.ts';
import { compareIndicators, percentTargetGroups, STATED_BAR_MARK, targetChartSets, unmappedIndicators, valueText } from '../../src/site/indicators.ts';
import { readAreas, readBackgroundChapters, readCanonicalIndicators, readCatalog, readPlan, readPlans, readTopics } from '../../src/site/load.ts';
import { planSlugFromPath } from '../../src/site/paths.ts';
import { planFragments, sourceEntries } from '../../src/model/plan-text.ts';
import { clauseGist, markTerms, sentencesWith, shortenAround, splitLead } from '../../src/site/text.ts';
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

  it('cuts a long sentence so that it still shows the words it was chosen for', () => {
    const head = '以习近平新时代中国特色社会主义思想为指导，认真贯彻全国巩固拓展残疾人脱贫攻坚成果工作会议精神，'.repeat(2);
    const sentence = `${head}到2025年，符合条件的残疾人纳入最低生活保障和“两项补贴”比例达到100%，残疾人城乡居民基本养老保险参保率达到90%。`;
    expect(sentence.length).toBeGreaterThan(120);
    const cut = shortenAround(sentence, ['两项补贴'], 120);
    expect(cut.startsWith('……符合条件的残疾人')).toBe(true);
    expect(cut).toContain('两项补贴');
    expect(cut.length).toBeLessThanOrEqual(124);
    // A match in the first part: cut at the end as before.
    expect(shortenAround(`落实两项补贴。${head}${head}`, ['两项补贴'], 60).startsWith('落实两项补贴')).toBe(true);
    // Every topic excerpt of the real plans holds one of its topic's terms.
    const plans = readPlans();
    for (const t of readTopics()) {
      for (const m of topicMatches(t, plans).flatMap((g) => g.matches)) {
        for (const s of m.sentences) expect(t.terms.some((term) => s.includes(term)), `${t.slug} ${m.placed.unit.id}: ${s}`).toBe(true);
      }
    }
    expect(sentencesWith('短句。', ['短句'])).toEqual(['短句。']);
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
    // The document's own date is 印发日期, never a bare 日期 that could be either date.
    expect(catalogFacts(huining).find((f) => f.label === '印发日期')?.value).toBe('2022年6月30日');
    expect(catalogFacts({ ...huining, published: '2022-07-05' }).map((f) => f.label)).not.toContain('日期');
    expect(regionText(huining)).toBe('甘肃省 白银市 会宁县');
    // The seeds' catalogue does not know 发布日期 or the official address yet: nothing is shown.
    expect(readCatalog().every((e) => e.published === undefined && e.officialUrl === undefined)).toBe(true);
    expect(catalogFacts(huining).map((f) => f.label)).not.toContain('官方原文');
    // When a person adds them, the plan page lists both, the address as a link.
    const known = { ...huining, published: '2022-07-05', officialUrl: 'https://www.example.gov.cn/huining/plan.html' };
    const facts = catalogFacts(known);
    expect(facts.find((f) => f.label === '发布日期')?.value).toBe('2022年7月5日');
    expect(facts.find((f) => f.label === '官方原文')).toEqual({ label: '官方原文', value: OFFICIAL_LINK_TEXT, href: known.officialUrl });
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

  it('compares every canonical indicator across the plans that have a table or state 2025 targets in their text', () => {
    expect(comparisons.map((c) => c.indicator.id)).toEqual(readCanonicalIndicators().map((i) => i.id));
    const dibao = comparisons.find((c) => c.indicator.id === 'dibao-coverage')!;
    // ningxia-rural has no table: it is compared by the targets its text states (文中所述).
    expect(dibao.plans.map((p) => p.plan.slug)).toEqual(['zhongwei', 'huining', 'ningxia-rural', 'dengkou', 'beihai']);
    expect(valueText(dibao.plans[4].row!.baseline2020)).toBe('原文无此列');
    // Its 低保 and 两项补贴 share is stated for three indicators (content/indicators.yaml, combined).
    for (const id of ['dibao-coverage', 'living-allowance-coverage', 'nursing-allowance-coverage']) {
      const entry = comparisons.find((c) => c.indicator.id === id)!.plans.find((p) => p.plan.slug === 'ningxia-rural')!;
      expect(entry, id).toMatchObject({ row: null, stated: { canonical: id, name: '符合条件的残疾人纳入最低生活保障和“两项补贴”比例', target: { number: 100 } } });
    }
    const pension = comparisons.find((c) => c.indicator.id === 'pension-insurance')!;
    const ningxia = pension.plans.find((p) => p.plan.slug === 'ningxia-rural')!;
    expect(ningxia.row).toBeNull();
    expect(ningxia.stated).toMatchObject({ name: '残疾人城乡居民基本养老保险参保率', year: 2025, target: { number: 90 } });
    // A plan's table row comes first: no entry carries both.
    for (const c of comparisons) for (const p of c.plans) expect(p.row !== null && p.stated !== null, `${c.indicator.id} ${p.plan.slug}`).toBe(false);
    expect(valueText({ text: '——', number: null, op: null, cumulative: false })).toBe('未填');
  });

  it('lists rows without a canonical indicator under their plan', () => {
    const plans = readPlans().map((p) => structuredClone(p) as Plan);
    const row = plans[1].boxes.find((b) => b.table)!.table!.rows[0];
    row.canonical = null;
    const stated = (p: Plan) => p.statedIndicators.filter((s) => s.canonical === null);
    expect(unmappedIndicators(plans)).toEqual([
      { plan: plans[0], rows: [], stated: stated(plans[0]) },
      { plan: plans[1], rows: [row], stated: [] },
      { plan: plans[2], rows: [], stated: stated(plans[2]) },
    ]);
    // Every table row is mapped; the unmapped ones are targets stated in the text.
    const real = unmappedIndicators(readPlans());
    expect(real.flatMap((u) => u.rows)).toEqual([]);
    expect(real.flatMap((u) => u.stated.map((s) => `${u.plan.catalog.slug} ${s.name}`))).toEqual([
      'zhongwei 县级及以上残联机关干部队伍中残疾人比例',
      'ningxia-rural 困难重度残疾人家庭无障碍改造率',
      'ningxia-rural 乡镇（街道）残疾人服务机构覆盖率',
    ]);
  });

  it('charts shares of 100, growth rates and counts on separate scales, labels clear of gridlines', () => {
    const sets = targetChartSets(comparisons, (e) => e.shortName);
    expect(sets.map((s) => s.scale)).toEqual(['share', 'growth', 'count']);
    const growth = sets.find((s) => s.scale === 'growth')!;
    expect(growth.groups.map((g) => g.label)).toEqual(['残疾人家庭人均收入年均增长']);
    expect(sets.find((s) => s.scale === 'share')!.groups.map((g) => g.label)).not.toContain('残疾人家庭人均收入年均增长');
    const counts = sets.find((s) => s.scale === 'count')!;
    expect(counts.groups.map((g) => g.label)).toEqual(['城乡残疾人职业技能培训人数（人）', '困难重度残疾人家庭无障碍改造数（户）']);
    expect(counts.groups[0].bars.map((b) => b.text)).toEqual(['1500人', '500人']);
    expect([roundUp(10), roundUp(7.5), roundUp(12), roundUp(2000), roundUp(0)]).toEqual([10, 10, 20, 2000, 1]);

    const growthChart = layoutBarChart(growth.groups, { scale: 'growth' });
    expect(growthChart.max).toBe(10);
    expect(growthChart.ticks.map((t) => t.label)).toEqual(['0%', '5%', '10%']);
    // 10% growth fills the growth scale; on the share scale it would be a tenth.
    expect(growthChart.groups[0].bars[0].width).toBeCloseTo(growthChart.scaleWidth, 0);
    const countChart = layoutBarChart(counts.groups, { scale: 'count' });
    expect(countChart.ticks).toEqual([]);
    // Each count indicator on its own scale: its largest bar is the full width.
    for (const g of countChart.groups) expect(Math.max(...g.bars.map((b) => b.width))).toBeGreaterThan(countChart.scaleWidth / 2);

    for (const [set, chart] of sets.map((s) => [s, layoutBarChart(s.groups, { scale: s.scale })] as const)) {
      const font = 14;
      for (const g of chart.groups) {
        // No gridline crosses a group's label line, nor the scale labels above the chart.
        const labelTop = g.labelY - font;
        for (const line of chart.gridlines) expect(line.y2 < labelTop || line.y1 > g.labelY + 4, `${set.scale} ${g.label}`).toBe(true);
        for (const bar of g.bars) {
          expect(bar.x + bar.width).toBeLessThanOrEqual(chart.scaleX + chart.scaleWidth + 0.1);
          // The value fits after its bar (CJK 1 em, ASCII about 0.6 em).
          const ems = [...bar.text].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.6 : 1), 0);
          expect(bar.textX + ems * font, `${set.scale} ${bar.text}`).toBeLessThanOrEqual(chart.width);
        }
      }
      for (const line of chart.gridlines) expect(line.y1).toBeGreaterThan(13);
    }
  });

  it('charts numeric % targets only, inside the drawing', () => {
    const groups = percentTargetGroups(comparisons, (e) => e.shortName);
    expect(groups.every((g) => readCanonicalIndicators().find((i) => i.name === g.label)?.unit === '%')).toBe(true);
    const pension = groups.find((g) => g.label === '残疾人城乡居民基本养老保险参保率')!;
    expect(pension.bars.map((b) => b.text)).toEqual(['>90%', '>90%', '90%', '>90%', '100%']);
    // A bar whose target is stated in the text says so in its label.
    expect(pension.bars.map((b) => b.label)).toEqual(['中卫市', '会宁县', `宁夏回族自治区${STATED_BAR_MARK}`, '磴口县', '北海市']);
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

  it('list what a plan will do before its background, without repeating a 专栏 title, and say who is responsible', () => {
    const plans = readPlans();
    const words = readBackgroundChapters();
    const topic = topics.find((t) => t.slug === 'liangxiang-butie')!;
    const groups = topicMatches(topic, plans, words);
    const huining = groups.find((g) => g.plan.slug === 'huining')!;
    // The 编制背景 paragraph (2020 figures) comes after the task clauses and the 专栏 item.
    expect(huining.matches.at(-1)!.background).toBe(true);
    expect(huining.matches.at(-1)!.placed.unit.citation).toMatch(/一、第1段$/);
    expect(huining.matches.slice(0, -1).every((m) => !m.background)).toBe(true);
    for (const g of groups) {
      const flags = g.matches.map((m) => m.background);
      expect(flags, g.plan.slug).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    }
    // A 专栏 item whose title is the matched sentence: the title is the link, not repeated.
    const item = huining.matches.find((m) => m.placed.place === 'box')!;
    expect(item.lead).toBe('2.困难残疾人生活补贴和重度残疾人护理补贴。');
    expect(item.sentences[0]).toBe(item.lead);
    expect(item.excerpt).not.toContain(item.lead);
    // Bodies the plan names as responsible (宁夏's clause names them), lead bodies first.
    const ningxia = groups.find((g) => g.plan.slug === 'ningxia-rural')!;
    const notes = ningxia.matches.flatMap((m) => (m.placed.unit.responsibility ? [m.placed.unit.responsibility] : []));
    expect(notes.length).toBeGreaterThan(0);
    expect(ningxia.bodies.slice(0, notes[0].lead.length)).toEqual(notes[0].lead);
    // Without background words nothing is background (the order is the source's).
    expect(topicMatches(topic, plans).flatMap((g) => g.matches).every((m) => !m.background)).toBe(true);
  });

  it('areas come from content/areas.yaml', () => {
    expect(readAreas().map((a) => a.name)).toEqual(['保障', '就业', '康复', '教育', '无障碍', '组织']);
  });
});
