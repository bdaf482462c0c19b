// Questions typed the way families speak, on the built search page in real Chromium: the
// question finds clauses, the topic it names comes first as a card, a question no clause
// answers in full shows the partial line, a question with nothing to search says what to do,
// and the page stays accessible at 360 px with the card on it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../e2e/support/a11y.ts';
import { launchBrowser, newPage, runAxe } from '../e2e/support/browser.ts';
import { startStaticServer, type StaticServer } from '../e2e/support/server.ts';
import { openBuiltSearch, type BuiltSearch } from '../../src/search/node.ts';
import { plansInScope } from '../../src/search/params.ts';
import { beyondPlace, withPlace } from '../../src/search/places.ts';
import { looserButtonText, partialLine } from '../../src/search/explain.ts';
import { readReportSettings } from '../../src/site/load.ts';
import { searchReportHref } from '../../src/site/report-link.ts';
import { DIST, ROOT, requireIndex } from './helpers.ts';

const PHONE = { width: 360, height: 800 };

let server: StaticServer;
let browser: Browser;
let search: BuiltSearch;
beforeAll(async () => {
  requireIndex();
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
  search = await openBuiltSearch(ROOT);
});
afterAll(async () => {
  await search?.close();
  await browser?.close();
  await server?.close();
});

async function ask(q: string, size = { width: 1280, height: 900 }): Promise<Page> {
  const page = await newPage(browser, size);
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    (q) =>
      (document.getElementById('search-q') as HTMLInputElement | null)?.value === q &&
      document.getElementById('search-app')?.dataset.searchedQuery === q,
    q,
    { timeout: 20_000 },
  );
  return page;
}

const hrefs = (page: Page) => page.locator('[data-result] h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('questions on the search page', () => {
  it.each([
    ['我家孩子是自闭症能去哪里上学', 'teshu-jiaoyu'],
    ['残疾证怎么办', 'canjiren-zheng'],
    ['重度残疾护理补贴多少钱', 'huli-butie'],
    ['辅助器具免费吗', 'fuzhu-qiju'],
    ['残疾人坐公交免费吗', 'xinxi-chuxing'],
    ['残疾老人没人照顾怎么办', 'tuoyang'],
    ['助听器怎么领', 'fuzhu-qiju'],
    ['轮椅去哪里申请', 'fuzhu-qiju'],
  ])('%s: the %s topic first, then the clauses the CLI finds', async (q, topic) => {
    const page = await ask(q);
    const cards = page.locator('[data-topic-card]');
    expect(await cards.first().getAttribute('data-topic-card')).toBe(topic);
    // The card comes before the results in reading order, with its summary and a working link.
    const link = cards.first().locator('a');
    expect(await link.getAttribute('href')).toBe(`/entitlements/${topic}/`);
    expect((await cards.first().locator('p').first().textContent())!.length).toBeGreaterThan(20);
    const order = await page.evaluate(() => {
      const card = document.querySelector('[data-topic-card]')!;
      const result = document.querySelector('[data-result]')!;
      return card.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    // The same clauses as `npm run search`: one engine, one dictionary, on both sides.
    const outcome = await search.engine.search(q, { plans: plansInScope(search.facets, {}) });
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(await hrefs(page)).toEqual(outcome.hits.map((h) => h.url));
    // What was searched and what was left out, in words.
    expect(await page.locator('[data-understood]').textContent()).toMatch(/^查找：.*没有用到：/);
    await page.close();
  });

  it('a plan\'s clauses that hold the words but are not on the named topic wait behind a button that says so', async () => {
    const q = '残疾人被欺负了找谁';
    const page = await ask(q);
    const outcome = await search.engine.search(q, { plans: plansInScope(search.facets, {}) });
    expect(outcome.partial).toBe(false);
    expect(outcome.looser).toBeGreaterThan(0);
    // The count stays one short line; the button names what it adds.
    expect(await page.locator('[data-status]').textContent()).toMatch(/^找到 \d+ 条(，先显示 \d+ 条)?。$/);
    const more = page.locator('[data-more]');
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe(looserButtonText(false, outcome.looser));
    const before = await page.locator('[data-result]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-result]').length > n, before);
    expect(await page.locator('[data-result]').count()).toBeGreaterThan(before);
    await page.close();
  });

  it('a question no clause answers in full says so in one line, and still lists the best partial matches', async () => {
    // Every word is in the plans, but no clause holds 盲文 and 驾驶 together.
    const q = '盲文驾驶怎么考';
    const page = await ask(q);
    const outcome = await search.engine.search(q, { plans: plansInScope(search.facets, {}) });
    expect(outcome.partial).toBe(true);
    const status = await page.locator('[data-status]').textContent();
    expect(status).toContain(partialLine(outcome.plan));
    expect(status).toMatch(/^没有同时包含“盲文”“驾驶”的条款，下面是包含其中一部分的。/);
    expect(await page.locator('[data-result]').count()).toBeGreaterThan(0);
    // The weaker matches kept behind them are offered for what they are: fewer of the words,
    // never "every word" after a line that said no clause holds them all.
    expect(outcome.looser).toBeGreaterThan(0);
    const more = page.locator('[data-more]');
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe(looserButtonText(true, outcome.looser));
    expect(await more.textContent()).not.toMatch(/全部词语/);
    const help = page.locator('[data-help]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/finder/', '/entitlements/']);
    // …and, after the results, a way to tell us what was searched: the words curators turn
    // into vocabulary.
    const tellUs = page.locator('[data-ask]');
    expect(await tellUs.isVisible()).toBe(true);
    expect(await tellUs.locator('a').getAttribute('href')).toBe(searchReportHref(readReportSettings().href, q));
    expect(await tellUs.textContent()).toMatch(/告诉我们你搜了什么/);
    const below = await page.evaluate(() => {
      const results = document.querySelector('[data-results]')!.getBoundingClientRect();
      return document.querySelector('[data-ask]')!.getBoundingClientRect().top >= results.bottom;
    });
    expect(below).toBe(true);
    await page.close();
  });

  it('a question with nothing to search for says what to type, and offers the finder', async () => {
    const page = await ask('怎么办呢');
    expect(await page.locator('[data-status]').textContent()).toMatch(/提问用的词/);
    expect(await page.locator('[data-result]').count()).toBe(0);
    expect(await page.locator('[data-help]').isVisible()).toBe(true);
    // Nothing was searched, so there is nothing to tell us about.
    expect(await page.locator('[data-ask]').isVisible()).toBe(false);
    await page.close();
  });

  it('a pasted citation: that clause is the first result, its link goes to the clause', async () => {
    const page = await ask('《会宁县“十四五”残疾人保障和发展规划》三（二）5.');
    expect(await page.locator('[data-status]').textContent()).toMatch(/^找到出处：《会宁县/);
    const href = (await hrefs(page))[0]!;
    expect(href).toBe('/plans/huining/baozhang/#c3s2-5');
    await page.goto(server.url + href);
    expect(await page.locator('[id="c3s2-5"][data-clause]').count()).toBe(1);
    await page.close();
  });

  it('a word typed with a pinyin slip is searched as the word meant, and the line says so; the sound table loads only then', async () => {
    const fetched: string[] = [];
    const page = await newPage(browser, { width: 1280, height: 900 });
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('护理补贴怎么申请')}`);
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.searchedQuery === '护理补贴怎么申请', null, { timeout: 20_000 });
    expect(fetched).not.toContain('/pagefind/sounds.txt');
    // Typed into the same page, as a person corrects nothing and goes on.
    const q = '重度残疾人户理补帖怎么申情';
    await page.fill('#search-q', q);
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, q, { timeout: 20_000 });
    expect(fetched).toContain('/pagefind/sounds.txt');
    expect(await page.locator('[data-understood]').textContent()).toMatch(/^“户理”当作“护理”、“补帖”当作“补贴”、“申情”当作“申请”（读音相同；加引号可按原样查）；查找：/);
    const outcome = await search.engine.search(q, { plans: plansInScope(search.facets, {}) });
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(await hrefs(page)).toEqual(outcome.hits.map((h) => h.url));
    await page.close();
  });
  it('a county named in the question (with its suffix, or without it as a word of its own) picks its plan, on a phone, and the line says so (and when its plan holds nothing, every plan); other questions fetch no place file', async () => {
    const fetched: string[] = [];
    const page = await newPage(browser, PHONE);
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('残疾证怎么办')}`);
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.searchedQuery === '残疾证怎么办', null, { timeout: 20_000 });
    expect(fetched.filter((f) => f.startsWith('/pagefind/refs/places/'))).toEqual([]);
    const q = '会宁县老人护理补贴怎么申请';
    await page.fill('#search-q', q);
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, q, { timeout: 20_000 });
    expect(fetched.filter((f) => f.startsWith('/pagefind/refs/places/')).length).toBe(1);
    expect(await page.locator('[data-understood]').textContent()).toMatch(/^“会宁县”：只查会宁县的规划（加引号可在全部规划中查这个词）。查找：/);
    // The address and the box keep the question as typed; the results are the CLI's.
    expect(new URL(page.url()).searchParams.get('q')).toBe(q);
    expect(await page.inputValue('#search-q')).toBe(q);
    const { state } = await withPlace({ q, filters: {} }, search.places, search.facets.provinces);
    const outcome = await search.engine.search(state.q, { filters: state.filters, plans: plansInScope(search.facets, state.filters) });
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(await hrefs(page)).toEqual(outcome.hits.map((h) => h.url));
    expect(new Set(await page.locator('[data-result] .result-plan').allTextContents())).toEqual(new Set(['会宁县']));
    const reflow = await noHorizontalScroll(page);
    expect(reflow.ok, reflow.offenders.join(', ')).toBe(true);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    // Without its suffix, as a word of its own, the county's name picks its plan too.
    const bare = '会宁 老人护理补贴怎么申请';
    await page.fill('#search-q', bare);
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, bare, { timeout: 20_000 });
    expect(await page.locator('[data-understood]').textContent()).toMatch(/^“会宁”：只查会宁县的规划/);
    expect(new Set(await page.locator('[data-result] .result-plan').allTextContents())).toEqual(new Set(['会宁县']));
    // The place's plan holds nothing for the question: every plan is searched, as by the CLI, and the line says so first.
    const missed = '中卫市导盲犬';
    await page.fill('#search-q', missed);
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, missed, { timeout: 20_000 });
    expect(await page.locator('[data-understood]').textContent()).toMatch(/^“中卫市”：中卫市的规划里没有找到，下面是其他地方规划中的结果。/);
    const named = await withPlace({ q: missed, filters: {} }, search.places, search.facets.provinces);
    const wider = beyondPlace({ q: missed, filters: {} }, named.place!);
    const everywhere = await search.engine.search(wider.q, { filters: wider.filters, plans: plansInScope(search.facets, wider.filters) });
    expect(everywhere.hits.length).toBeGreaterThan(0);
    expect(await hrefs(page)).toEqual(everywhere.hits.map((h) => h.url));
    expect(await page.locator('[data-result] .result-plan').allTextContents()).not.toContain('中卫市');
    await page.close();
  });
  it('exact phrases in quotes still match exactly', async () => {
    const page = await ask('"护理补贴"');
    const texts = await page.locator('[data-result] .result-excerpt').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('护理补贴');
    await page.close();
  });

  it('at 360 px with a topic card: no axe violations, no sideways scroll, the card link reachable by keyboard', async () => {
    const page = await ask('残疾证怎么办', PHONE);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    const reflow = await noHorizontalScroll(page);
    expect(reflow.ok, reflow.offenders.join(', ')).toBe(true);
    await page.locator('#search-q').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('[data-topic-card]'));
    }
    expect(reached).toBe(true);
    await page.close();
  });
});
