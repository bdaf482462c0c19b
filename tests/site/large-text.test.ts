// 大字 as a real large-text mode (MIIT 适老化 rules for elder mode) and reading on a
// 320 px screen: in 大字 body text is at least 24 CSS px (18 pt) with line height ≥ 1.5 and
// every control is at least 60 × 60 px; at 320 px and at 400 % zoom nothing scrolls
// sideways in either mode; the WCAG 1.4.12 text-spacing override loses no text and no
// control. Measured in Chromium on one page of every kind.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minTargetSize, noHorizontalScroll } from '../e2e/support/a11y';
import { PHONE, startSession, type SiteSession } from './browser';
import { PAGE_KINDS } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const LARGE = { 'display-text': 'large' };
/** The search page with results on it: its result list is body text too. */
const SEARCH_QUERY = '护理补贴';
const pages = Object.entries(PAGE_KINDS).map(([kind, url]): [string, string] => [kind, url === '/search/' ? `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` : url]);

/** A 1280 × 1024 screen at 400 % zoom: 320 × 256 CSS px (WCAG 1.4.10). */
const ZOOM_400 = { width: 1280, height: 1024, zoom: 4 };
const NARROW = { width: 320, height: 640 };

/** WCAG 1.4.12: the spacing a reader's own stylesheet may set. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }
p { margin-bottom: 2em !important }`;

async function openPage(url: string, size: object, storage: Record<string, string>): Promise<Page> {
  const page = await session.open(url, { ...PHONE, ...size, storage });
  if (url.startsWith('/search/?q=')) {
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q && !!document.querySelector('[data-result]'), SEARCH_QUERY, {
      timeout: 20_000,
    });
  }
  return page;
}

/** Body text below 24 px or with line height under 1.5 (p, li, clause text, search results). */
const smallBodyText = (page: Page) =>
  page.evaluate(() => {
    const els = document.querySelectorAll('main p, main li, main dd, [data-clause], .clause-text, [data-result], footer p');
    const out: string[] = [];
    for (const el of Array.from(els)) {
      if (!el.checkVisibility() || el.closest('.visually-hidden') || !(el.textContent ?? '').trim()) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const ratio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size;
      if (size < 24 || ratio < 1.5) out.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px × ${ratio.toFixed(2)}: ${(el.textContent ?? '').trim().slice(0, 20)}`);
    }
    return out.slice(0, 10);
  });

/** Elements that hide part of their content (overflow hidden/clip and content larger than the box). */
const clippedContent = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      const clipsX = /hidden|clip/.test(style.overflowX);
      const clipsY = /hidden|clip/.test(style.overflowY);
      if (!clipsX && !clipsY) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden text (1 px boxes) is for screen readers and meant to be clipped.
      if (r.width <= 1 || r.height <= 1) continue;
      if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
    }
    return out;
  });

/** Visible controls that are cut off or stick out beyond the viewport's width. */
const controlsOutOfView = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll('button, select, input:not([type="hidden"]), summary, nav a'))) {
      if (!el.checkVisibility({ visibilityProperty: true } as any)) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      if (r.left < -1 || r.right > width + 1) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 20)}” ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
    return out;
  });

describe('大字: body text ≥ 24 px with line height ≥ 1.5 at 360 px', () => {
  it.each(pages)('%s', async (_kind, url) => {
    const page = await openPage(url, {}, LARGE);
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    expect(await smallBodyText(page)).toEqual([]);
    await page.close();
  });
});

describe('大字: buttons, fields, menu and navigation links ≥ 60 × 60 px', () => {
  const selector = 'header, nav, .clause-meta, .display-toggles, form, #search-app';
  it.each(pages)('%s (360 px, menu and filters open)', async (_kind, url) => {
    const page = await openPage(url, {}, LARGE);
    await page.locator('[data-menu-button]').click();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await minTargetSize(page, selector, 60)).toEqual([]);
    // Every other button, field, select and disclosure on the page too (朗读, 分享本页, the
    // finder's questions, province filters …); links in running text and lists are exempt.
    expect((await minTargetSize(page, 'main', 60)).filter((t) => t.tag !== 'a')).toEqual([]);
    await page.close();
  });
});

describe.each([
  ['320 px', NARROW, {}],
  ['320 px, 大字', NARROW, LARGE],
  ['400% zoom', ZOOM_400, {}],
  ['400% zoom, 大字', ZOOM_400, LARGE],
] as const)('no sideways scroll at %s', (_label, size, storage) => {
  it.each(pages)('%s', async (_kind, url) => {
    const page = await openPage(url, size, storage);
    const result = await noHorizontalScroll(page);
    expect(result.ok, `scrollWidth ${result.scrollWidth} > ${result.clientWidth}: ${result.offenders.join(', ')}`).toBe(true);
    await page.close();
  });
});

describe.each([
  ['360 px', {}],
  ['360 px, 大字', LARGE],
] as const)('text-spacing override (WCAG 1.4.12) at %s loses no text and no control', (_label, storage) => {
  it.each(pages)('%s', async (_kind, url) => {
    const page = await openPage(url, {}, storage);
    await page.addStyleTag({ content: TEXT_SPACING });
    expect(await clippedContent(page), 'clipped content').toEqual([]);
    expect(await controlsOutOfView(page), 'controls out of view').toEqual([]);
    const result = await noHorizontalScroll(page);
    expect(result.ok, `scrollWidth ${result.scrollWidth} > ${result.clientWidth}: ${result.offenders.join(', ')}`).toBe(true);
    await page.close();
  });
});
