// No sideways scrolling at 360 px and at 200 % zoom (WCAG 1.4.10), also in large-text
// mode; buttons and navigation links are at least 44×44 px (WCAG 2.5.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minTargetSize, noHorizontalScroll } from '../e2e/support/a11y';
import { PHONE, startSession, type SiteSession } from './browser';
import { PAGE_KINDS } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const pages = Object.entries(PAGE_KINDS);

describe.each([
  ['360 px', PHONE, {}],
  ['200% zoom (1280 px wide)', { width: 1280, height: 800, zoom: 2 }, {}],
  ['360 px, large text', PHONE, { 'display-text': 'large' }],
] as const)('no sideways scroll at %s', (_label, size, storage) => {
  it.each(pages)('%s', async (_kind, url) => {
    const page = await session.open(url, { ...size, storage });
    const result = await noHorizontalScroll(page);
    expect(result.ok, `scrollWidth ${result.scrollWidth} > ${result.clientWidth}: ${result.offenders.join(', ')}`).toBe(true);
    await page.close();
  });
});

/** The search page with results on it: the results, the topic card and 说明 are controls too. */
const SEARCH_QUERY = '护理补贴';
const withResults = (url: string) => (url === '/search/' ? `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` : url);

describe('touch targets', () => {
  // Buttons and navigation links everywhere; links inside running text are exempt.
  const selector = 'header, nav, .clause-meta, .display-toggles, form';
  it.each(pages)('%s: buttons and nav links ≥ 44×44 px at 360 px', async (_kind, url) => {
    const page = await session.open(url, PHONE);
    expect(await minTargetSize(page, selector, 44)).toEqual([]);
    expect((await minTargetSize(page, 'main', 44)).filter((t) => t.tag !== 'a')).toEqual([]);
    await page.close();
  });
});

// Outside 大字 every button, field, select and disclosure on the page, 菜单 and the navigation
// links behind it, and the links the header, navigation, clause actions and the search page
// (results, topic card) give as controls are at least 44 × 44 at 360 px: the menu and every
// disclosure open, so nothing folded is missed. (Links in running text and lists are exempt.)
describe('touch targets with the menu and every disclosure open (not 大字)', () => {
  const selector = 'header, nav, .clause-meta, .display-toggles, form, #search-app';
  it.each(pages)('%s: every control ≥ 44 × 44 px at 360 px', async (_kind, url) => {
    const page = await session.open(withResults(url), PHONE);
    if (url === '/search/') {
      await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q && !!document.querySelector('[data-result]'), SEARCH_QUERY, {
        timeout: 20_000,
      });
    }
    expect(await page.evaluate(() => document.documentElement.dataset.text ?? null)).toBeNull();
    await page.locator('[data-menu-button]').click();
    expect(await page.locator('.site-nav a').first().isVisible()).toBe(true);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const checked = await page.evaluate(
      (sel) => new Set(Array.from(document.querySelectorAll(sel)).flatMap((s) => Array.from(s.querySelectorAll('a[href], button, input, select, summary')))).size,
      selector,
    );
    expect(checked).toBeGreaterThan(8);
    expect(await minTargetSize(page, selector, 44)).toEqual([]);
    expect((await minTargetSize(page, 'main', 44)).filter((t) => t.tag !== 'a')).toEqual([]);
    await page.close();
  });
});
