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

describe('touch targets', () => {
  // Buttons and navigation links everywhere; links inside running text are exempt.
  const selector = 'header, nav, .clause-meta, .display-toggles, form';
  it.each(pages)('%s: buttons and nav links ≥ 44×44 px at 360 px', async (_kind, url) => {
    const page = await session.open(url, PHONE);
    expect(await minTargetSize(page, selector, 44)).toEqual([]);
    await page.close();
  });
});
