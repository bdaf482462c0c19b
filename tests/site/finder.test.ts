// 我可以关注哪些政策 (/finder/): the rules on the real content/finder.yaml, the checks that
// reject a broken copy, the per-plan JSON, and the page in Chromium — without JavaScript,
// with it, by keyboard alone, at 360 px and in the display modes.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { noHorizontalScroll } from '../e2e/support/a11y';
import { runAxe } from '../e2e/support/browser';
import { finderRegionLists, readFinderFile } from '../../src/site/finder-data.ts';
import { MAX_REGION_RADIOS, regionInSteps, answersToSearch, applicableTopics, countMessage, coveringPlans, parseAnswers, type Answers, type FinderConfig, type FinderPlanData } from '../../src/site/finder.ts';
import { readCatalog, readTopics } from '../../src/site/load.ts';
import { DESKTOP, PHONE, enhancedContrastViolations, startSession, type SiteSession } from './browser';
import { idsOf, readDist, requireDist } from './site';
import { citedTitle } from '../../src/model/cited-title.ts';

const topics = () => readTopics();
const slugs = () => topics().map((t) => t.slug);
const config = (): FinderConfig => readFinderFile(process.cwd(), 'content/finder.yaml', slugs(), readCatalog());
const listed = (answers: Answers) => applicableTopics(config(), slugs(), answers).topics.map((t) => t.slug);

describe('rules (content/finder.yaml)', () => {
  it('asks at most five questions; the region options are the catalogue plus 不确定', () => {
    const c = config();
    expect(c.questions.length).toBeLessThanOrEqual(5);
    expect(c.questions.map((q) => q.id)).toEqual(['region', 'who', 'type', 'grade', 'need']);
    expect(c.questions[0].options.map((o) => o.value)).toEqual([...readCatalog().map((e) => e.slug), 'unsure']);
  });

  it('lists every topic until a topic question is answered (不确定 does not count)', () => {
    expect(listed({})).toEqual(slugs());
    expect(listed({ region: ['huining'], who: ['unsure'], type: ['unsure'] })).toEqual(slugs());
    expect(applicableTopics(config(), slugs(), {}).all).toBe(true);
  });

  it('maps answers to topics, with the reason', () => {
    const aids = applicableTopics(config(), slugs(), { need: ['aids'] });
    expect(aids.all).toBe(false);
    expect(aids.topics[0]).toEqual({ slug: 'fuzhu-qiju', reasons: ['家里的情况：需要轮椅、助听器等辅助器具'], always: false });
    expect(listed({ who: ['child'], need: ['school'] })).toEqual(expect.arrayContaining(['ertong-kangfu', 'jiaoyu-zizhu']));
    expect(listed({ grade: ['1-2'] })).toEqual(expect.arrayContaining(['huli-butie', 'liangxiang-butie']));
    expect(listed({ type: ['vision'] })).toEqual(expect.arrayContaining(['mangren-anmo', 'shouyu-mangwen']));
    expect(listed({ type: ['hearing'] })).toContain('shouyu-mangwen');
    expect(listed({ type: ['vision'] })).not.toContain('ertong-kangfu');
    // A rule with two conditions needs both.
    expect(listed({ type: ['mental'] })).not.toContain('huli-butie');
    expect(listed({ type: ['mental'], grade: ['3-4'] })).toContain('huli-butie');
    // Topics for everyone come after the ones the answers brought up.
    const result = applicableTopics(config(), slugs(), { need: ['aids'] }).topics;
    expect(result.filter((t) => t.always).map((t) => t.slug)).toEqual(expect.arrayContaining(['canjiren-zheng', 'falv-yuanzhu']));
    expect(result.findIndex((t) => t.always)).toBe(1);
    expect(countMessage({ all: false, topics: result })).toBe(`根据您的选择，有 ${result.length} 项政策可能适用。`);
  });

  it('every question but the region changes the list, and every topic can be listed', () => {
    const c = config();
    const base = listed({ who: ['unsure'], type: ['unsure'], grade: ['unsure'] });
    for (const q of c.questions.filter((x) => !x.catalog)) {
      const changes = q.options.some((o) => o.value !== 'unsure' && listed({ [q.id]: [o.value] }).join() !== base.join());
      expect(changes, q.id).toBe(true);
    }
    const reachable = new Set(c.questions.flatMap((q) => q.options.flatMap((o) => listed({ [q.id]: [o.value], ...(q.id === 'grade' ? {} : { grade: ['3-4'] }) }))));
    expect([...reachable].sort()).toEqual([...slugs()].sort());
  });

  it('a plan is covered by the plans of the regions around it, nearest first', () => {
    const places = [
      { slug: 'prov', province: '甲省' },
      { slug: 'city', province: '甲省', city: '乙市' },
      { slug: 'county', province: '甲省', city: '乙市', county: '丙县' },
      { slug: 'other-county', province: '甲省', city: '丁市', county: '戊县' },
      { slug: 'other-prov', province: '己省' },
    ];
    expect(coveringPlans(places, 'county')).toEqual(['county', 'city', 'prov']);
    expect(coveringPlans(places, 'other-county')).toEqual(['other-county', 'prov']);
    expect(coveringPlans(places, 'prov')).toEqual(['prov']);
    expect(coveringPlans(readCatalog(), 'zhongwei')).toEqual(['zhongwei', 'ningxia-rural']);
    expect(coveringPlans(readCatalog(), 'nope')).toEqual([]);
  });

  it('reads answers from the URL and writes them back in a stable order', () => {
    const c = config();
    const answers = parseAnswers(c, '?need=care&region=huining&need=aids&who=child&who=older&type=nope&grade=1-2&x=1');
    expect(answers).toEqual({ region: ['huining'], who: ['child'], grade: ['1-2'], need: ['care', 'aids'] });
    expect(answersToSearch(c, answers)).toBe('?region=huining&who=child&grade=1-2&need=care&need=aids');
    expect(answersToSearch(c, {})).toBe('');
  });
});

describe('content/finder.yaml is checked at build time', () => {
  const broken = (edit: (text: string) => string): (() => FinderConfig) => {
    const root = mkdtempSync(path.join(tmpdir(), 'finder-'));
    mkdirSync(path.join(root, 'content'));
    copyFileSync('content/finder.yaml', path.join(root, 'content/finder.yaml'));
    const file = path.join(root, 'content/finder.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = edit(text);
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    return () => readFinderFile(root, 'content/finder.yaml', slugs(), readCatalog());
  };

  it('names the file and the rule with an unknown topic slug', () => {
    const load = broken((t) => t.replace('topics: [fuzhu-qiju]', 'topics: [fuzhu]'));
    expect(load).toThrow(/^content\/finder\.yaml: rules\[\d+\]\.topics\[0\]: unknown topic slug "fuzhu"/);
  });

  it('names the file and the rule with an unknown option', () => {
    const load = broken((t) => t.replace('when: { need: [aids] }', 'when: { need: [aid] }'));
    expect(load).toThrow(/^content\/finder\.yaml: rules\[\d+\]\.when\.need\[0\]: unknown option "aid" of question need/);
  });

  it('names an unknown question, a topic no rule lists, and a malformed entry', () => {
    expect(broken((t) => t.replace('when: { who: [child] }', 'when: { age: [child] }'))).toThrow(/content\/finder\.yaml: rules\[\d+\]\.when\.age: unknown question "age"/);
    expect(broken((t) => t.replace('topics: [mangren-anmo, shouyu-mangwen, fuzhu-qiju]', 'topics: [shouyu-mangwen, fuzhu-qiju]'))).toThrow(
      /content\/finder\.yaml: rules: no rule lists topic mangren-anmo/,
    );
    expect(broken((t) => t.replace('{ value: 1-2,', '{ value: 一二级,'))).toThrow(/content\/finder\.yaml: questions\.3\.options\.0\.value: option values are short lowercase ASCII/);
  });

  it('every topic in content/entitlements.yaml names who to ask', () => {
    const raw = parse(readFileSync('content/entitlements.yaml', 'utf8')) as { topics: { slug: string; ask?: string[] }[] };
    for (const t of raw.topics) expect(t.ask?.length, t.slug).toBeGreaterThan(0);
  });
});

describe('/finder/<plan>.json', () => {
  beforeAll(() => {
    requireDist();
  });

  it('exists for every plan; every clause links to an anchor that exists on its page', () => {
    const fileFor = (href: string) => `${href.split('#')[0].replace(/^\//, '')}index.html`;
    let checked = 0;
    for (const entry of readCatalog()) {
      const data = JSON.parse(readDist(`finder/${entry.slug}.json`)) as FinderPlanData;
      expect(data.slug).toBe(entry.slug);
      for (const [slug, clauses] of Object.entries(data.topics)) {
        expect(slugs(), slug).toContain(slug);
        for (const c of clauses) {
          expect(c.cite.startsWith(citedTitle(entry)), c.cite).toBe(true);
          expect(idsOf(readDist(fileFor(c.href))), c.href).toContain(c.href.split('#')[1]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('/finder/ in Chromium', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  const visibleTopics = (page: Page) => page.locator('#finder-results > li[data-topic]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.topic));
  const choose = (page: Page, legend: string, label: string) =>
    page.getByRole('group', { name: legend }).getByRole(legend === '家里有下面这些情况吗？' ? 'checkbox' : 'radio', { name: label }).check();

  it('without JavaScript lists every topic with its summary and link, and hides the questions', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/finder/?need=aids`);
    const items = page.locator('#finder-results > li[data-topic]');
    expect(await items.count()).toBe(topics().length);
    for (const t of topics()) {
      const li = page.locator(`li[data-topic="${t.slug}"]`);
      expect(await li.isVisible(), t.slug).toBe(true);
      expect((await li.textContent())?.replace(/\s+/g, '')).toContain(t.summary.replace(/\s+/g, ''));
      expect(await li.getByRole('link', { name: t.name }).getAttribute('href')).toBe(`/entitlements/${t.slug}/`);
      expect(await li.textContent()).toContain(t.ask.join('、'));
    }
    expect(await page.locator('#finder-form').isVisible()).toBe(false);
    expect(await page.locator('noscript').count()).toBe(1);
    await context.close();
  });

  it('updates the list, the URL and the live region as answers change', async () => {
    const page = await session.open('/finder/');
    await expect.poll(() => page.locator('#finder-count').textContent()).toBe(`您还没有选择具体情况，下面列出全部 ${topics().length} 项政策。`);
    await choose(page, '家里有下面这些情况吗？', '需要轮椅、助听器等辅助器具');
    await expect.poll(() => visibleTopics(page)).toEqual(listed({ need: ['aids'] }));
    expect(await visibleTopics(page)).toContain('fuzhu-qiju');
    expect(new URL(page.url()).search).toBe('?need=aids');
    await expect.poll(() => page.locator('#finder-count').textContent()).toBe(`根据您的选择，有 ${listed({ need: ['aids'] }).length} 项政策可能适用。`);
    expect(await page.locator('#finder-count').getAttribute('role')).toBe('status');
    await expect.poll(() => page.locator('li[data-topic="fuzhu-qiju"] .finder-why').textContent()).toContain('需要轮椅、助听器等辅助器具');

    // A child who goes to school.
    await choose(page, '是谁需要帮助？', '儿童');
    await choose(page, '家里有下面这些情况吗？', '在上学');
    const expected = listed({ who: ['child'], need: ['school', 'aids'] });
    await expect.poll(() => visibleTopics(page)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['jiaoyu-zizhu', 'ertong-kangfu']));
    expect(expected).not.toContain('mangren-anmo');
    expect(new URL(page.url()).search).toBe('?who=child&need=school&need=aids');

    // 全部清空 brings back every topic and a bare URL.
    await page.getByRole('button', { name: '全部清空' }).click();
    await expect.poll(() => visibleTopics(page)).toEqual(slugs());
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('restores answers from the URL and shows the chosen plan’s clauses with working anchors', async () => {
    const page = await session.open('/finder/?region=huining&who=child&need=school');
    expect(await page.getByRole('radio', { name: /会宁县/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '儿童' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '在上学' }).isChecked()).toBe(true);
    await expect.poll(() => visibleTopics(page)).toEqual(listed({ region: ['huining'], who: ['child'], need: ['school'] }));
    expect(await page.locator('#finder-summary').textContent()).toBe('您的回答——地区：甘肃省 白银市 会宁县；需要帮助的人：儿童；家里的情况：在上学');

    const li = page.locator('li[data-topic="jiaoyu-zizhu"]');
    await expect.poll(() => li.locator('.finder-clauses a.item-link').count()).toBeGreaterThan(0);
    expect(await li.locator('h4').first().textContent()).toContain('会宁县的规划怎么写');
    const data = JSON.parse(readDist('finder/huining.json')) as FinderPlanData;
    const clauses = data.topics['jiaoyu-zizhu'];
    const links = li.locator('.finder-clauses a.item-link');
    expect(await links.count()).toBe(Math.min(clauses.length, 6));
    for (let i = 0; i < (await links.count()); i++) {
      const href = (await links.nth(i).getAttribute('href'))!;
      expect(href).toBe(clauses[i].href);
      expect(await li.textContent()).toContain(`出处：${clauses[i].cite}`);
      const [pathname, id] = href.split('#');
      expect(idsOf(readDist(`${pathname.replace(/^\//, '')}index.html`)), href).toContain(id);
    }
    // Following a link lands on the clause.
    const first = clauses[0];
    await links.first().click();
    await page.waitForURL((u) => u.hash === `#${first.href.split('#')[1]}`);
    expect(await page.locator(`[id="${first.href.split('#')[1]}"][data-clause]`).count()).toBe(1);
    await page.close();
  });

  it('shows who to ask: the bodies the clause names, or else the topic’s own list', async () => {
    const page = await session.open('/finder/?region=ningxia-rural&who=adult');
    const data = JSON.parse(readDist('finder/ningxia-rural.json')) as FinderPlanData;
    const named = data.topics['jiuye-chuangye'].flatMap((c) => c.lead_bodies);
    expect(named.length).toBeGreaterThan(0);
    const ask = page.locator('li[data-topic="jiuye-chuangye"] .finder-ask');
    await expect.poll(() => ask.textContent()).toContain(named[0]);
    expect(await ask.textContent()).toContain('可以问：');
    // A topic whose clauses name no body keeps the topic's list.
    const fuzhu = topics().find((t) => t.slug === 'fuzhu-qiju')!;
    await choose(page, '家里有下面这些情况吗？', '需要轮椅、助听器等辅助器具');
    await expect.poll(() => page.locator('li[data-topic="fuzhu-qiju"] .finder-clauses a').count()).toBeGreaterThan(0);
    expect((await page.locator('li[data-topic="fuzhu-qiju"] .finder-ask').textContent())?.trim()).toBe(`可以问：${fuzhu.ask.join('、')}`);
    await page.close();
  });

  it('with a city chosen, also shows its province’s plan', async () => {
    const page = await session.open('/finder/?region=zhongwei&who=adult');
    const li = page.locator('li[data-topic="jiuye-chuangye"]');
    await expect.poll(() => li.locator('h4').allTextContents()).toEqual(['中卫市的规划怎么写', '宁夏回族自治区的规划怎么写']);
    await page.close();
  });

  it('with the region 不确定, shows every plan’s clauses grouped by plan', async () => {
    const page = await session.open('/finder/?region=unsure&grade=1-2');
    const li = page.locator('li[data-topic="liangxiang-butie"]');
    await expect.poll(() => li.locator('h4').count()).toBeGreaterThan(1);
    const withClauses = readCatalog().filter((e) => (JSON.parse(readDist(`finder/${e.slug}.json`)) as FinderPlanData).topics['liangxiang-butie']);
    expect(await li.locator('h4').count()).toBe(withClauses.length);
    await page.close();
  });

  it('works by keyboard alone: Tab to the questions, answer with Space and arrows, reach the results', async () => {
    const page = await session.open('/finder/');
    const active = () => page.evaluate(() => { const e = document.activeElement as HTMLInputElement; return { name: e.name, value: e.value, tag: e.tagName.toLowerCase(), id: e.id }; });
    // Tab until the first question's first radio.
    for (let i = 0; i < 40 && (await active()).name !== 'region'; i++) await page.keyboard.press('Tab');
    expect(await active()).toMatchObject({ name: 'region', value: readCatalog()[0].slug });
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown'); // moves to and selects the second plan
    expect(await active()).toMatchObject({ name: 'region', value: readCatalog()[1].slug });
    await page.keyboard.press('Tab'); // next question: who
    expect(await active()).toMatchObject({ name: 'who', value: 'child' });
    await page.keyboard.press('Space');
    // Skip to the checkboxes and tick the first two situations.
    for (let i = 0; i < 10 && (await active()).name !== 'need'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe(`?region=${readCatalog()[1].slug}&who=child&need=dibao&need=rural`);
    // Then the 看结果 button takes focus to the results.
    for (let i = 0; i < 10 && (await active()).tag !== 'button'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await active()).id).toBe('results');
    await expect.poll(() => visibleTopics(page)).toEqual(listed({ who: ['child'], need: ['dibao', 'rural'] }));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li[data-topic]')?.getAttribute('data-topic'))).toBe(listed({ who: ['child'], need: ['dibao', 'rural'] })[0]);
    await page.close();
  });

  const answered = '/finder/?region=unsure&who=adult&type=hearing&grade=1-2&need=dibao&need=aids';
  const chosen = '/finder/?region=ningxia-rural&who=child&type=vision&grade=1-2&need=school';
  const ready = (page: Page) => expect.poll(() => page.locator('.finder-clauses a.item-link').count()).toBeGreaterThan(0);

  it.each([
    ['desktop', DESKTOP, {}, answered],
    ['360 px', PHONE, {}, answered],
    ['360 px, one plan', PHONE, {}, chosen],
    ['360 px, large text', PHONE, { 'display-text': 'large' }, answered],
    ['360 px, high contrast', PHONE, { 'display-contrast': 'high' }, chosen],
  ] as const)('with answers and clauses, axe finds no violations at %s, and nothing scrolls sideways', async (_label, size, storage, url) => {
    const page = await session.open(url, { ...size, storage });
    await ready(page);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    expect(await enhancedContrastViolations(page), 'text below 7:1').toEqual([]);
    const scroll = await noHorizontalScroll(page);
    expect(scroll.ok, `scrollWidth ${scroll.scrollWidth} > ${scroll.clientWidth}: ${scroll.offenders.join(', ')}`).toBe(true);
    await page.close();
  });

  it('with answers, axe finds no violations in the dark scheme with high contrast and large text', async () => {
    const page = await session.open(answered, { ...PHONE, storage: { 'display-text': 'large', 'display-contrast': 'high' } });
    await page.emulateMedia({ colorScheme: 'dark' });
    await ready(page);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    expect(await enhancedContrastViolations(page), 'text below 7:1').toEqual([]);
    await page.close();
  });

  it('loads only site.js and its own small module, both from this site', () => {
    const html = readDist('finder/index.html');
    const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('/site.js');
    expect(scripts).toHaveLength(2);
    expect(scripts[1]).toMatch(/^\/_astro\/[^/]+\.js$/);
    expect(readDist(scripts[1].slice(1)).length).toBeLessThan(8000);
  });
});

describe('region question size', () => {
  it(`the five seeds (at most MAX_REGION_RADIOS plans) get one radio per plan, and no per-province lists`, () => {
    expect(readCatalog().length).toBeLessThanOrEqual(MAX_REGION_RADIOS);
    expect(regionInSteps(readCatalog().length)).toBe(false);
    expect(regionInSteps(MAX_REGION_RADIOS + 1)).toBe(true);
    const html = readDist('finder/index.html');
    for (const e of readCatalog()) expect(html).toContain(`name="region" value="${e.slug}"`);
    expect(html).not.toContain('id="finder-province"');
    expect(existsSync(path.join(requireDist(), 'finder', 'regions'))).toBe(false);
    // Each plan's data names its province, so a link to a large catalogue's finder finds the province.
    expect((JSON.parse(readDist('finder/huining.json')) as FinderPlanData).province).toBe('gansu');
  });

  it('a large catalogue is listed by province, each plan once, same-place plans told apart', () => {
    const entry = (slug: string, province: string, city?: string) => ({ ...readCatalog()[0], slug, province, city, county: undefined, shortName: `${slug}简称` });
    const lists = finderRegionLists([entry('a', '甘肃省'), entry('b', '宁夏回族自治区'), entry('c', '甘肃省', '白银市'), entry('d', '甘肃省', '白银市')]);
    expect(lists.map((l) => l.province)).toEqual(['gansu', 'ningxia']);
    expect(lists[0].plans.map((p) => [p.slug, p.label])).toEqual([
      ['a', '甘肃省'],
      ['c', '甘肃省 白银市（c简称）'],
      ['d', '甘肃省 白银市（d简称）'],
    ]);
    expect(coveringPlans(lists[0].plans, 'c')).toEqual(['c', 'a']);
  });
});

describe('entry points', () => {
  it('the home page and the site navigation link to /finder/', () => {
    const home = readDist('index.html');
    expect(home).toContain('<a href="/finder/">不知道搜什么？回答几个问题，看看可以关注哪些政策</a>');
    const header = home.slice(home.indexOf('<header'), home.indexOf('</header>'));
    expect(header).toContain('href="/finder/"');
  });
});
