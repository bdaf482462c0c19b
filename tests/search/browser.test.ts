// The search page in real Chromium on the built site: typing, filters, the URL, history,
// following a result to its clause with the words highlighted, accessibility and reflow.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minTargetSize, noHorizontalScroll } from '../e2e/support/a11y.ts';
import { launchBrowser, newPage, runAxe } from '../e2e/support/browser.ts';
import { startStaticServer, type StaticServer } from '../e2e/support/server.ts';
import { openBuiltSearch } from '../../src/search/node.ts';
import { plansInScope } from '../../src/search/params.ts';
import { DIST, ROOT, requireIndex } from './helpers.ts';

const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  requireIndex();
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, size = DESKTOP): Promise<Page> {
  const page = await newPage(browser, size);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no smooth scrolling to wait for
  await page.goto(server.url + path);
  return page;
}

/** Waits until the results for `q` are on the page. */
async function resultsFor(page: Page, q: string) {
  await page.waitForFunction(
    (q) => {
      const input = document.getElementById('search-q') as HTMLInputElement | null;
      const status = document.querySelector('[data-status]')?.textContent ?? '';
      const app = document.getElementById('search-app');
      // The results on show must be this query's, not the previous one's still on screen.
      return input?.value === q && /找到|没有/.test(status) && !!app?.dataset.searched && app.dataset.searchedQuery === q;
    },
    q,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(50);
  return page.locator('[data-result]');
}

/** Opens the filters: folded on phones, already open on wide screens (a click there would close them). */
async function openFilters(page: Page) {
  const filters = page.locator('.search-filters');
  if (!(await filters.evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('.search-filters > summary').click();
}

const CLAUSE_HREF = /^\/plans\/[a-z][a-z0-9-]*\/([a-z]+\/)?#[a-z0-9-]+$/;

describe('search page', () => {
  it('a result address opened on a cold cache fetches each search file once (the preloads are used, not doubled)', async () => {
    const page = await newPage(browser, PHONE);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === server.url) fetched.push(url.pathname + url.search);
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('护理补贴')}`);
    expect(await (await resultsFor(page, '护理补贴')).count()).toBeGreaterThan(0);
    const preloaded = await page.$$eval('link[rel=preload], link[rel=modulepreload]', (ls) =>
      ls.map((l) => {
        const url = new URL((l as HTMLLinkElement).href);
        return url.pathname + url.search;
      }),
    );
    const script = await page.$eval('script[type=module][src]', (s) => new URL((s as HTMLScriptElement).src).pathname);
    // The files whose names are fixed, and those the index build adds (src/search/search-preloads.ts):
    // the page's module script and its imports, Pagefind's entry file under its cache tag and its metadata.
    expect(preloaded).toEqual(expect.arrayContaining(['/pagefind/lexicon.json', '/pagefind/pagefind.js', '/pagefind/wasm.unknown.pagefind', script]));
    expect(preloaded.filter((p) => /^\/pagefind\/pagefind-entry\.json\?ts=[0-9a-f]+$/.test(p))).toHaveLength(1);
    expect(preloaded.filter((p) => /^\/pagefind\/pagefind\.zxx_[0-9a-f]+\.pf_meta$/.test(p))).toHaveLength(1);
    expect(preloaded.some((p) => p.startsWith('/_astro/') && p !== script), 'the chunk the page script imports').toBe(true);
    for (const p of preloaded) expect(fetched, `${p} is what the page then loads`).toContain(p);
    // Pagefind asked for its entry file under the preloaded address (metaCacheTag), not under a timestamp of its own.
    expect(fetched.filter((p) => p.startsWith('/pagefind/pagefind-entry.json'))).toHaveLength(1);
    const twice = fetched.filter((p, i) => fetched.indexOf(p) !== i);
    expect(twice).toEqual([]);
    await page.close();
  });

  it('the first results of a result address come without any Intl.Segmenter (its first one costs tens of ms: ICU loads its data)', async () => {
    // Neither pagefind.js (told a language tag it cannot segment by, search-app.ts) nor the
    // page (its text-fragment segmenter is made when a result is followed) creates one first.
    const page = await newPage(browser, PHONE);
    await page.addInitScript(`{
      const Segmenter = Intl.Segmenter;
      window.__segmenters = [];
      Intl.Segmenter = function (...args) { window.__segmenters.push(JSON.stringify(args)); return new Segmenter(...args); };
      Intl.Segmenter.prototype = Segmenter.prototype;
    }`);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('两项补贴')}`);
    expect(await (await resultsFor(page, '两项补贴')).count()).toBeGreaterThan(0);
    expect(await page.evaluate('window.__segmenters')).toEqual([]);
    await page.close();
  });

  it('typing a query shows clause results with highlighted words, without losing focus', async () => {
    const page = await open('/search/');
    await page.locator('#search-q').click();
    await page.keyboard.type('护理补贴', { delay: 30 });
    const results = await resultsFor(page, '护理补贴');
    expect(await results.count()).toBeGreaterThanOrEqual(5);
    for (const r of await results.all()) {
      expect(await r.locator('a[href]').first().getAttribute('href')).toMatch(CLAUSE_HREF);
      expect(await r.locator('mark').first().textContent()).toBe('护理补贴');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect(await page.locator('[role="status"][data-status]').textContent()).toMatch(/找到 \d+ 条/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('护理补贴');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Excerpts carry no inserted spaces between Chinese words.
    expect(await results.first().locator('.result-excerpt').textContent()).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    await page.close();
  });

  it('applies aliases: 自闭症 finds and marks 孤独症; a draft plan carries a text badge', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('自闭症')}`);
    const results = await resultsFor(page, '自闭症');
    expect(await results.count()).toBeGreaterThan(0);
    expect(await results.first().locator('mark').first().textContent()).toBe('孤独症');
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('护理补贴')}&plan=beihai`);
    const draft = await resultsFor(page, '护理补贴');
    expect(await draft.first().locator('.badge-draft').textContent()).toMatch(/草案：(讨论稿|征求意见稿)/);
    await page.close();
  });

  it('finds exactly what the CLI finds (so Pagefind does not re-segment queries on this zh-CN page)', async () => {
    // With <html lang="zh-CN"> at init, pagefind.js would cut every token again with
    // Intl.Segmenter (两项补贴 → 两 项 补贴) and find other records than Node does.
    const node = await openBuiltSearch(ROOT, DIST);
    const page = await open('/search/');
    try {
      for (const q of ['两项补贴', '残疾人证', '辅助器具适配', '孤独症儿童']) {
        await page.fill('#search-q', q);
        await resultsFor(page, q);
        const o = await node.engine.search(q, { plans: plansInScope(node.facets, {}) });
        const shown = await page.locator('[data-result] a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(shown, q).toEqual(o.hits.map((h) => h.url));
        // Each link says what the clause is about; plan and citation number sit on the line below.
        const titles = await page.locator('[data-result] .result-title a').allTextContents();
        expect(titles, q).toEqual(o.hits.map((h) => h.about));
        expect(titles.some((t) => t.startsWith('《')), q).toBe(false);
        const meta = await page.locator('[data-result] .result-meta').first().textContent();
        expect(meta, q).toContain(o.hits[0].plan);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    } finally {
      await page.close();
      await node.close();
    }
  });

  it('a one-character query still returns results', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('盲')}`);
    expect(await (await resultsFor(page, '盲')).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('filters narrow the results and go into the URL', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('康复')}`);
    const all = await (await resultsFor(page, '康复')).count();
    await openFilters(page);
    await page.locator('label[for="search-area-kangfu"]').click();
    await page.waitForURL(/area=kangfu/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-result] .result-meta')].every((m) => m.textContent?.includes('康复领域')));
    const metas = await page.locator('[data-result] .result-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.includes('康复领域'))).toBe(true);
    // The plan list is the chosen province's, fetched when it is chosen (the page lists no plan).
    expect(await page.locator('#search-plan').isDisabled()).toBe(true);
    await page.selectOption('#search-province', '甘肃省');
    await page.waitForFunction(() => !(document.getElementById('search-plan') as HTMLSelectElement).disabled);
    await page.selectOption('#search-plan', 'huining');
    await page.waitForURL(/plan=huining/);
    expect(new URL(page.url()).searchParams.get('province')).toBe('甘肃省');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-result] .result-plan')].every((m) => m.textContent === '会宁县'));
    const plans = await page.locator('[data-result] .result-plan').allTextContents();
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.length).toBeLessThanOrEqual(all);
    expect(new Set(plans)).toEqual(new Set(['会宁县']));
    await page.close();
  });

  it('lists no plan until a province is chosen, then that province’s plans, fetched from its file', async () => {
    const page = await newPage(browser, DESKTOP);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => document.getElementById('search-app')?.classList.contains('ready'));
    await openFilters(page);
    const plan = page.locator('#search-plan');
    // Until then the select says why it is off, and so does the line both selects name.
    expect(await plan.isDisabled()).toBe(true);
    expect(await plan.locator('option').allTextContents()).toEqual(['请先选择省份']);
    expect(await plan.getAttribute('aria-describedby')).toBe('search-plan-status');
    expect(await page.locator('#search-province').getAttribute('aria-describedby')).toBe('search-plan-status');
    expect(await page.locator('#search-plan-status').textContent()).toContain('先选择省份');
    expect(fetched.filter((p) => p.startsWith('/data/search-plans/'))).toEqual([]);
    // By keyboard: an arrow key on the province select chooses the first province (宁夏, two plans).
    await page.locator('#search-province').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-province').inputValue()).toBe('宁夏回族自治区');
    await page.waitForFunction(() => !(document.getElementById('search-plan') as HTMLSelectElement).disabled);
    expect(fetched.filter((p) => p.startsWith('/data/search-plans/'))).toEqual(['/data/search-plans/ningxia.json']);
    expect(await plan.locator('option').allTextContents()).toEqual(['全部规划', '中卫市', '宁夏回族自治区']);
    expect(await page.locator('#search-plan-status').textContent()).toContain('宁夏回族自治区有 2 份规划');
    await page.waitForURL(/province=/);
    await page.keyboard.press('Tab'); // to the plan select, now on
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-plan');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/plan=zhongwei/);
    const url = new URL(page.url());
    expect(url.searchParams.get('province')).toBe('宁夏回族自治区');
    await page.waitForFunction(() => !!document.getElementById('search-app')?.dataset.searched);
    // Another province: its own plans, none chosen; none: the list goes again.
    await page.selectOption('#search-province', '甘肃省');
    await page.waitForFunction(() => [...(document.getElementById('search-plan') as HTMLSelectElement).options].some((o) => o.value === 'huining'));
    expect(await plan.inputValue()).toBe('');
    await page.waitForURL((u) => !u.searchParams.has('plan'));
    await page.selectOption('#search-province', '');
    expect(await plan.isDisabled()).toBe(true);
    await page.close();
  });

  it('an older link with only ?plan=<slug> finds the plan’s province, shows the plan chosen and searches it', async () => {
    const page = await newPage(browser, DESKTOP);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('护理补贴')}&plan=beihai`);
    const results = await resultsFor(page, '护理补贴');
    expect(await results.count()).toBeGreaterThan(0);
    expect(new Set(await page.locator('[data-result] .result-plan').allTextContents())).toEqual(new Set(['北海市']));
    expect(await page.locator('#search-province').inputValue()).toBe('广西壮族自治区');
    expect(await page.locator('#search-plan').inputValue()).toBe('beihai');
    expect(await page.locator('#search-plan').isDisabled()).toBe(false);
    // The plan's province was looked up, then its list; the address now names both.
    expect(fetched).toContain('/data/search-plans/plan/beihai.json');
    expect(fetched).toContain('/data/search-plans/guangxi.json');
    const url = new URL(page.url());
    expect(url.searchParams.get('province')).toBe('广西壮族自治区');
    expect(url.searchParams.get('plan')).toBe('beihai');
    // An address with both needs no look-up.
    const again = await newPage(browser, DESKTOP);
    const more: string[] = [];
    again.on('request', (r) => more.push(new URL(r.url()).pathname));
    await again.goto(page.url());
    await resultsFor(again, '护理补贴');
    expect(await again.locator('#search-plan').inputValue()).toBe('beihai');
    expect(more.filter((p) => p.startsWith('/data/search-plans/'))).toEqual(['/data/search-plans/guangxi.json']);
    // 清除筛选 clears both, and the plan list says again to choose a province.
    await openFilters(again);
    await again.locator('[data-clear]').click();
    await again.waitForURL((u) => !u.searchParams.has('plan') && !u.searchParams.has('province'));
    expect(await again.locator('#search-plan').isDisabled()).toBe(true);
    await again.close();
    await page.close();
  });

  it('restores query and filters from the URL; back and forward restore earlier states', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('补贴')}&area=baozhang`);
    await resultsFor(page, '补贴');
    expect(await page.inputValue('#search-q')).toBe('补贴');
    expect(await page.isChecked('#search-area-baozhang')).toBe(true);
    const metas = await page.locator('[data-result] .result-meta').allTextContents();
    expect(metas.every((m) => m.includes('保障领域'))).toBe(true);

    await openFilters(page);
    await page.locator('label[for="search-kind-专栏"]').click();
    await page.waitForURL(/kind=/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-result] .result-meta')].every((m) => m.textContent?.includes('专栏')));

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('kind='));
    await page.waitForFunction(() => !(document.getElementById('search-kind-专栏') as HTMLInputElement).checked);
    expect(await page.isChecked('#search-area-baozhang')).toBe(true);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-result] .result-meta')].some((m) => !m.textContent?.includes('专栏')));

    await page.goForward();
    await page.waitForFunction(() => (document.getElementById('search-kind-专栏') as HTMLInputElement).checked);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('专栏');
    await page.close();
  });

  it('following a result lands on the clause, with the words highlighted', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('护理补贴')}`);
    const link = (await resultsFor(page, '护理补贴')).first().locator('a[href]').first();
    const href = (await link.getAttribute('href'))!;
    const id = href.split('#')[1];
    await Promise.all([page.waitForURL((u) => u.pathname === href.split('#')[0]), link.click()]);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    const clause = page.locator(`[id="${id}"]`);
    expect(await clause.getAttribute('data-clause')).not.toBeNull();
    await page.waitForTimeout(300);
    const box = await clause.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    expect(box.top).toBeLessThan(box.height);
    expect(box.bottom).toBeGreaterThan(0);
    // Highlighted: the clause looks different from the same clause opened without the
    // search's text fragment (Chromium paints ::target-text on the matched words).
    const highlighted = await clause.screenshot();
    const plain = await open(href);
    await plain.waitForTimeout(300);
    const unhighlighted = await plain.locator(`[id="${id}"]`).screenshot();
    expect(highlighted.equals(unhighlighted)).toBe(false);
    await plain.close();
    await page.close();
  });

  it('works by keyboard: from the search box, Tab reaches the filters and the results', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('盲文')}`);
    await resultsFor(page, '盲文');
    await page.focus('#search-q');
    const seen: string[] = [];
    // On a wide screen the filters start open, so their controls come before the results.
    for (let i = 0; i < 30 && !seen.includes('a@result:true'); i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement!;
          return `${el.tagName.toLowerCase()}${el.closest('[data-result]') ? '@result' : ''}:${el.matches(':focus-visible')}`;
        }),
      );
    }
    expect(seen).toContain('summary:true');
    expect(seen).toContain('a@result:true');
    await page.keyboard.press('Enter'); // on the first result link
    await page.waitForURL(/\/plans\//);
    await page.close();
  });

  for (const [label, size] of [
    ['360 px', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`has no axe violations with results and open filters, and 44 px targets (${label})`, async () => {
      const page = await open(`/search/?q=${encodeURIComponent('护理补贴')}&plan=beihai`, size);
      await resultsFor(page, '护理补贴');
      await openFilters(page);
      const { violations, summary } = await runAxe(page);
      expect(violations, summary).toEqual([]);
      expect(await minTargetSize(page, '#search-app')).toEqual([]);
      await page.close();
    });
  }

  it('has no sideways scroll at 360 px with results and open filters', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('残疾儿童 康复')}`, PHONE);
    await resultsFor(page, '残疾儿童 康复');
    await openFilters(page);
    const r = await noHorizontalScroll(page);
    expect(r.ok, r.offenders.join(', ')).toBe(true);
    await page.close();
  });

  it('without JavaScript, says so and links to the area pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('护理补贴')}`);
    expect(await page.locator('#search-app').isVisible()).toBe(false);
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/JavaScript/);
    expect(await page.locator('main a[href^="/areas/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
