// The search page on a phone: the filters fold into a disclosure (closed below 600 px, open
// on wide screens, the count of active filters in its summary), and the first result of a
// question is on screen without scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../e2e/support/browser';
import { DESKTOP, startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const PHONE_640 = { width: 360, height: 640 };
const Q = '护理补贴';

async function searchFor(url: string, size: object, storage: Record<string, string> = {}, q = Q): Promise<Page> {
  const page = await session.open(url, { ...size, storage });
  await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q && !!document.querySelector('[data-result]'), q, {
    timeout: 20_000,
  });
  return page;
}

/** Where the first result is, in CSS px from the top of the window, with the page unscrolled. */
const firstResultBox = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('[data-result]')!.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), viewport: innerHeight, scrollY: scrollY };
  });

const filtersOpen = (page: Page) => page.locator('.search-filters').evaluate((d) => (d as HTMLDetailsElement).open);

describe('search filters on a phone', () => {
  it.each([
    ['normal', {}],
    ['大字', { 'display-text': 'large' }],
  ] as const)(`at 360 × 640 (%s) the filters are folded`, async (_label, storage) => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(Q)}`, PHONE_640, storage);
    expect(await filtersOpen(page)).toBe(false);
    expect(await page.locator('#search-province').isVisible()).toBe(false);
    await page.close();
  });

  it('the summary says how many filters are active; the filters stay in the URL', async () => {
    const url = `/search/?q=${encodeURIComponent(Q)}&area=baozhang&kind=${encodeURIComponent('正文')}`;
    const page = await searchFor(url, PHONE_640);
    expect(await filtersOpen(page)).toBe(false);
    expect((await page.locator('.search-filters > summary').textContent())?.trim()).toBe('筛选结果（已选 2 项）');
    const params = new URL(page.url()).searchParams;
    expect(params.get('area')).toBe('baozhang');
    expect(params.get('kind')).toBe('正文');
    // Opening the disclosure shows the chosen filters.
    await page.locator('.search-filters > summary').click();
    expect(await page.isChecked('#search-area-baozhang')).toBe(true);
    await page.close();
  });

  it('on a wide screen the filters start open', async () => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(Q)}`, DESKTOP);
    expect(await filtersOpen(page)).toBe(true);
    expect(await page.locator('#search-province').isVisible()).toBe(true);
    await page.close();
  });
});

// The first screen of a phone answers the question: the count (heard in the live region),
// what was searched, the topic as a compact card (its linked name and the first line of its
// summary; the whole summary is still in the card for screen readers), then the first clause
// in full. The search hint moved below the results; the label above the box is visually
// hidden (the page's heading stands there).
describe('the first result on the first screen of a phone', () => {
  const firstScreen = async (page: Page) =>
    page.evaluate(() => {
      const card = document.querySelector('[data-topic-card]');
      const result = document.querySelector('[data-result]')!;
      const hint = document.getElementById('search-hint')!;
      return {
        headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        card: card ? { bottom: card.getBoundingClientRect().bottom, text: card.textContent ?? '' } : null,
        cardBeforeResult: !!card && !!(card.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING),
        hintAfterResults: !!(document.querySelector('[data-results]')!.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING),
        status: document.querySelector('[role="status"][data-status]')?.textContent ?? '',
      };
    });

  it.each(['护理补贴多少钱', '护理补贴'])('%s: the first result is fully on screen at 360 × 640, after the topic card', async (q) => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, PHONE_640, {}, q);
    const box = await firstResultBox(page);
    const s = await firstScreen(page);
    console.log(`first result for ${q} at 360 × 640: ${box.top}–${box.bottom} px of ${box.viewport}`);
    expect(box.scrollY).toBe(0);
    expect(box.top).toBeGreaterThanOrEqual(s.headerBottom);
    expect(box.bottom).toBeLessThanOrEqual(box.viewport);
    // The topic card is first in reading order and on screen too; its link names the topic.
    expect(s.cardBeforeResult).toBe(true);
    expect(s.card!.bottom).toBeLessThanOrEqual(box.top);
    const link = page.locator('[data-topic-card] a');
    expect(await link.getAttribute('href')).toBe('/entitlements/huli-butie/');
    // Seen: 护理补贴; heard: 护理补贴：各地规划怎么说 (the rest is visually hidden on a phone).
    expect((await link.textContent())!.trim()).toBe('护理补贴：各地规划怎么说');
    expect(await link.locator('.topic-card-also').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    // The summary folds under 说明 beside the name; opened, it shows whole, nothing clipped.
    expect(s.card!.text).toContain('可以问当地残联或民政部门怎么申请');
    const more = page.locator('[data-topic-card] .topic-card-more');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('p').isVisible()).toBe(true);
    // The count is in the live region; the hint is still there, below the results.
    expect(s.status).toMatch(/^找到 \d+ 条/);
    expect(s.hintAfterResults).toBe(true);
    expect(await page.locator('#search-q').getAttribute('aria-describedby')).toBe('search-hint');
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it('on a wide screen the topic card shows its summary open', async () => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(Q)}`, DESKTOP);
    expect(await page.locator('[data-topic-card] .topic-card-more p').isVisible()).toBe(true);
    expect(await page.locator('[data-topic-card] .topic-card-more > summary').isVisible()).toBe(false);
    await page.close();
  });

  // 大字 at 360 × 640 cannot hold the header, box, count, card and a whole result on one
  // screen (every text ≥ 24 px). Measured: the first result starts at about 675–725 px (it was
  // at 1,787 px), so its title is reached with one short scroll; by keyboard it is the fifth
  // stop after the search box (搜索, 筛选结果, the topic, 说明, the result).
  it.each(['护理补贴多少钱', '护理补贴'])('%s in 大字: the first result starts within 1.2 screens and is the 5th tab stop after the box', async (q) => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, PHONE_640, { 'display-text': 'large' }, q);
    const box = await firstResultBox(page);
    console.log(`first result for ${q} at 360 × 640 in 大字: ${box.top}–${box.bottom} px of ${box.viewport}`);
    expect(box.top).toBeLessThanOrEqual(box.viewport * 1.2);
    await page.locator('#search-q').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-result]'))).toBe(true);
    await page.close();
  });
});
