// A topic page (我能享受哪些政策 › topic): each plan's excerpts start at or before the matched
// words, a 专栏 title is not repeated, what the plan will do comes before its background,
// where to ask is said for every plan, and a province select filters the plans in place
// (without JavaScript every plan is listed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../e2e/support/browser';
import { startSession, PHONE, type SiteSession } from './browser';
import { readCatalog } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const URL_PATH = '/entitlements/liangxiang-butie/';

describe('topic page', () => {
  it('every excerpt shows a marked term; no sentence repeats its link; plan before background; where to ask', async () => {
    const page = await session.open(URL_PATH, PHONE);
    const items = await page.locator('#topic-plans li').evaluateAll((lis) =>
      lis.map((li) => ({
        link: li.querySelector('a')!.textContent!.trim(),
        excerpts: [...li.querySelectorAll(':scope > p:not(.meta)')].map((p) => ({ text: p.textContent!.trim(), marked: !!p.querySelector('mark') })),
      })),
    );
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      for (const e of item.excerpts) {
        expect(e.marked, e.text).toBe(true);
        expect(e.text).not.toBe(item.link);
      }
    }
    // 会宁: 规划要做的 before 背景.
    const huining = page.locator('section[aria-labelledby="huining"]');
    expect(await huining.locator('h4').allTextContents()).toEqual(['规划要做的', '背景：规划之前的情况']);
    for (const section of await page.locator('#topic-plans > section').all()) {
      expect(await section.locator('.topic-ask').textContent()).toMatch(/^去哪里问：.+。$/);
    }
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it('the province select shows one province\'s plans, says how many, and keeps the choice in the address', async () => {
    const page = await session.open(URL_PATH, PHONE);
    const sections = page.locator('#topic-plans > section');
    const all = await sections.count();
    const select = page.getByLabel('只看一个省（自治区、直辖市）');
    await select.selectOption('宁夏回族自治区');
    const visible = await sections.evaluateAll((s) => s.filter((x) => !(x as HTMLElement).hidden).map((x) => x.getAttribute('data-province')));
    const ningxia = readCatalog().filter((e) => e.province === '宁夏回族自治区').length;
    expect(visible).toEqual(Array(ningxia).fill('宁夏回族自治区'));
    expect(await page.locator('[data-region-count]').textContent()).toBe(`宁夏回族自治区：${ningxia} 份规划`);
    expect(await page.locator('[data-region-count]').getAttribute('role')).toBe('status');
    expect(new URL(page.url()).searchParams.get('province')).toBe('宁夏回族自治区');
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    // A shared link opens filtered; 全部省份 shows every plan again.
    const shared = await session.open(`${URL_PATH}?province=${encodeURIComponent('甘肃省')}`, PHONE);
    expect(await shared.locator('#topic-plans > section:not([hidden])').count()).toBe(1);
    await shared.getByLabel('只看一个省（自治区、直辖市）').selectOption('');
    expect(await shared.locator('#topic-plans > section:not([hidden])').count()).toBe(all);
    expect(new URL(shared.url()).searchParams.has('province')).toBe(false);
    await page.close();
    await shared.close();
  });

  it('without JavaScript there is no select and every plan is listed', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${session.server.url}${URL_PATH}?province=${encodeURIComponent('甘肃省')}`);
    expect(await page.locator('[data-region-filter]').isVisible()).toBe(false);
    const sections = page.locator('#topic-plans > section');
    expect(await sections.count()).toBeGreaterThan(1);
    for (const s of await sections.all()) expect(await s.isVisible()).toBe(true);
    await context.close();
  });
});
