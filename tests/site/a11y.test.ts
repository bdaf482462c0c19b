// axe-core on every kind of page, at desktop width and at 360 px, in the default,
// dark, large-text and high-contrast displays; plus the 7:1 body-text contrast bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../e2e/support/browser';
import { DESKTOP, PHONE, enhancedContrastViolations, startSession, type SiteSession } from './browser';
import { PAGE_KINDS } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const pages = Object.entries(PAGE_KINDS);

describe.each([
  ['desktop', DESKTOP],
  ['360 px', PHONE],
] as const)('axe at %s', (_label, size) => {
  it.each(pages)('%s has no violations', async (_kind, url) => {
    const page = await session.open(url, size);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    expect(await enhancedContrastViolations(page), 'text below 7:1').toEqual([]);
    await page.close();
  });
});

describe('display modes', () => {
  const modes = {
    'large text': { storage: { 'display-text': 'large' } },
    'high contrast': { storage: { 'display-contrast': 'high' } },
    'large text + high contrast, dark scheme': { storage: { 'display-text': 'large', 'display-contrast': 'high' }, dark: true },
    'dark scheme': { storage: {}, dark: true },
    'high contrast, dark scheme': { storage: { 'display-contrast': 'high' }, dark: true },
  } as const;
  const sample = ['/', '/plans/beihai/kangfu/', '/indicators/', '/entitlements/liangxiang-butie/'];

  for (const [mode, opts] of Object.entries(modes)) {
    it.each(sample)(`${mode}: %s has no violations`, async (url) => {
      const page = await session.open(url, { ...PHONE, storage: opts.storage });
      if ('dark' in opts && opts.dark) {
        await page.emulateMedia({ colorScheme: 'dark' });
      }
      const attrs = await page.evaluate(() => [document.documentElement.dataset.text ?? null, document.documentElement.dataset.contrast ?? null]);
      expect(attrs).toEqual([opts.storage['display-text' as keyof typeof opts.storage] ?? null, opts.storage['display-contrast' as keyof typeof opts.storage] ?? null]);
      const { violations, summary } = await runAxe(page);
      expect(violations, summary).toEqual([]);
      expect(await enhancedContrastViolations(page), 'text below 7:1').toEqual([]);
      await page.close();
    });
  }
});

// Every kind of page in 大字 and in 高对比度 (and both together), at 360 px with the menu open
// and at desktop width; the search page with results, its topic card and the 大字 note.
describe.each([
  ['大字', { 'display-text': 'large' }],
  ['高对比度', { 'display-contrast': 'high' }],
  ['大字 + 高对比度', { 'display-text': 'large', 'display-contrast': 'high' }],
] as const)('axe in %s', (_mode, storage) => {
  const SEARCH_QUERY = '护理补贴多少钱';
  it.each(pages)('%s has no violations (360 px, menu open; desktop)', async (_kind, url) => {
    for (const size of [PHONE, DESKTOP]) {
      const search = url === '/search/';
      const page = await session.open(search ? `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` : url, { ...size, storage });
      if (search) {
        await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q && !!document.querySelector('[data-result]'), SEARCH_QUERY, {
          timeout: 20_000,
        });
      }
      const attrs = await page.evaluate(() => ({ text: document.documentElement.dataset.text, contrast: document.documentElement.dataset.contrast }));
      expect(attrs).toEqual({ text: storage['display-text' as keyof typeof storage], contrast: storage['display-contrast' as keyof typeof storage] });
      if (size === PHONE) await page.locator('[data-menu-button]').click();
      const { violations, summary } = await runAxe(page);
      expect(violations, `${size.width} px: ${summary}`).toEqual([]);
      expect(await enhancedContrastViolations(page), `text below 7:1 at ${size.width} px`).toEqual([]);
      await page.close();
    }
  });
});
