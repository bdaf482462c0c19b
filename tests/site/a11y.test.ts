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
