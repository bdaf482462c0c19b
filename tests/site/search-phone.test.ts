// The search page on a phone: the filters fold into a disclosure (closed below 600 px, open
// on wide screens, the count of active filters in its summary), so the first result of a
// question is on screen without scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const PHONE_640 = { width: 360, height: 640 };
const Q = '护理补贴';

async function searchFor(url: string, size: object, storage: Record<string, string> = {}): Promise<Page> {
  const page = await session.open(url, { ...size, storage });
  await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q && !!document.querySelector('[data-result]'), Q, {
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
  // Folding the filters saves their 5 fieldsets, but the first clause result still starts
  // below the fold (908–1175 px normal, 1787–2285 px in 大字, measured at 360 × 640): the
  // topic card for 护理补贴 (335 px), the search hint, status and 查找 lines come first.
  // Until those are compacted on phones the position is measured and printed, not asserted.
  it.each([
    ['normal', {}],
    ['大字', { 'display-text': 'large' }],
  ] as const)(`at 360 × 640 (%s) the filters are folded; where the first result for ${Q} is`, async (label, storage) => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(Q)}`, PHONE_640, storage);
    expect(await filtersOpen(page)).toBe(false);
    expect(await page.locator('#search-province').isVisible()).toBe(false);
    const box = await firstResultBox(page);
    console.log(`first result at 360 × 640 (${label}): ${box.top}–${box.bottom} px of ${box.viewport}`);
    expect(box.scrollY).toBe(0);
    await page.close();
  });
  it.todo(`at 360 × 640 the first result for ${Q} is fully on screen without scrolling (needs a compact topic card, hint and status lines on phones)`);

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
