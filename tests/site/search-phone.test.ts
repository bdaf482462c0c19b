// The search page on a phone: the filters fold into a disclosure (closed below 600 px, open
// on wide screens, the count of active filters in its summary), and the first result of a
// question is on screen without scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minTargetSize } from '../e2e/support/a11y';
import { runAxe } from '../e2e/support/browser';
import { DESKTOP, startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const PHONE_640 = { width: 360, height: 640 };
/** A 1280 × 1024 screen at 400 % zoom: 320 × 256 CSS px (WCAG 1.4.10). */
const ZOOM_400 = { width: 1280, height: 1024, zoom: 4 };
const LARGE = { 'display-text': 'large' };
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

  // 大字 at 360 × 640 (24 px text, 66 px targets): the whole first result is on the first
  // screen too. What gives way: the header bar is 81 px, the page heading is heard but not
  // seen, the count is one line, the topic card one row, the excerpt two lines, and what was
  // searched (查找：…；没有用到：…) is seen under the first result while a screen reader hears it
  // once, after the count, where it stands in the page.
  it.each(['护理补贴多少钱', '护理补贴'])('%s in 大字: the whole first result is on the first screen at 360 × 640, text ≥ 24 px, targets ≥ 60 px', async (q) => {
    const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, PHONE_640, LARGE, q);
    const box = await firstResultBox(page);
    const s = await firstScreen(page);
    console.log(`first result for ${q} at 360 × 640 in 大字: ${box.top}–${box.bottom} px of ${box.viewport}`);
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    expect(box.scrollY).toBe(0);
    expect(box.top).toBeGreaterThanOrEqual(s.headerBottom);
    expect(box.bottom).toBeLessThanOrEqual(box.viewport);
    expect(s.cardBeforeResult).toBe(true);
    expect(s.card!.bottom).toBeLessThanOrEqual(box.top);
    // Nothing was made to fit by shrinking: what is seen on the first screen is ≥ 24 px with
    // line height ≥ 1.5, and every control there is at least 60 × 60.
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const els = document.querySelectorAll('[data-status], [data-topic-card] h2, [data-topic-card] summary, [data-result]:first-child :is(h3, p), #search-q, .search-row button, .search-filters > summary');
      for (const el of Array.from(els)) {
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const ratio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size;
        if (size < 24 || (el.matches('p, h3, [data-status]') && ratio < 1.5)) out.push(`${el.tagName} ${size}px × ${ratio.toFixed(2)}`);
      }
      return { out, count: els.length };
    });
    expect(small.count).toBeGreaterThanOrEqual(9);
    expect(small.out).toEqual([]);
    expect(await minTargetSize(page, 'header, #search-app', 60)).toEqual([]);
    // By keyboard the first result is the fifth stop after the box (搜索, 筛选结果, the topic, 说明).
    await page.locator('#search-q').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-result]'))).toBe(true);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it('in 大字 what was searched is heard once after the count, and seen under the first result', async () => {
    const q = '护理补贴多少钱';
    const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, PHONE_640, LARGE, q);
    const line = (await page.locator('[data-understood]').textContent())!;
    expect(line).toMatch(/^查找：.*没有用到：多少钱。$/);
    // Heard: the heading, the count (live region), then the line, then the topic and the
    // results; the line once (the copy under the first result is hidden from screen readers).
    const heard = await page.locator('main').ariaSnapshot();
    expect(heard).toContain('heading "搜索规划" [level=1]');
    const at = (text: string) => heard.indexOf(text);
    expect(at('status: 找到 ')).toBeGreaterThan(at('heading "搜索规划"'));
    expect(at(line)).toBeGreaterThan(at('status: 找到'));
    expect(at('region "相关政策：')).toBeGreaterThan(at(line));
    expect(heard.split('没有用到：多少钱').length - 1).toBe(1);
    // Seen: the copy, whole, right under the first result and above the second.
    const seen = await page.evaluate(() => {
      const note = document.querySelector('.result-note')!;
      const [first, second] = Array.from(document.querySelectorAll('[data-result]'));
      const n = note.getBoundingClientRect();
      const hidden = document.querySelector('[data-understood]')!.getBoundingClientRect();
      return {
        text: note.textContent,
        ariaHidden: note.getAttribute('aria-hidden'),
        afterFirst: first.nextElementSibling === note && note.nextElementSibling === second,
        top: n.top,
        bottom: n.bottom,
        firstBottom: first.getBoundingClientRect().bottom,
        secondTop: second.getBoundingClientRect().top,
        fontSize: parseFloat(getComputedStyle(note).fontSize),
        lineHidden: hidden.width <= 1 && hidden.height <= 1,
      };
    });
    expect(seen.text).toBe(line);
    expect(seen.ariaHidden).toBe('true');
    expect(seen.afterFirst).toBe(true);
    expect(seen.top).toBeGreaterThanOrEqual(seen.firstBottom);
    expect(seen.bottom).toBeLessThanOrEqual(seen.secondTop);
    expect(seen.fontSize).toBeGreaterThanOrEqual(24);
    expect(seen.lineHidden).toBe(true);
    // Out of 大字 (the menu's button), the line is seen above the results again and the copy goes.
    const results = await page.locator('[data-result]').count();
    expect(results).toBeGreaterThan(1);
    await page.locator('[data-menu-button]').click();
    await page.locator('button[data-display="text"]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.text ?? null)).toBeNull();
    expect(await page.locator('[data-understood]').isVisible()).toBe(true);
    expect(await page.locator('.result-note').isVisible()).toBe(false);
    expect(await page.locator('[data-result]').count()).toBe(results);
    await page.close();
  });

  it('in 大字 a partial match still says, in the live region and on screen, which words no clause holds together', async () => {
    const q = '盲文驾驶怎么考';
    const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, PHONE_640, LARGE, q);
    const status = page.locator('[role="status"][data-status]');
    expect(await status.textContent()).toMatch(/^没有同时包含“盲文”“驾驶”的条款，下面是包含其中一部分的。/);
    expect(await status.isVisible()).toBe(true);
    expect(await status.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(30);
    expect(await page.locator('main').ariaSnapshot()).toContain('status: 没有同时包含“盲文”“驾驶”的条款');
    await page.close();
  });

  // 320 × 256 is a 1280 × 1024 screen at 400 % zoom: no whole screen of results fits under a
  // header, but the first result fits the window, and scrolled to it nothing covers it.
  it.each([
    ['normal', {}],
    ['大字', LARGE],
  ] as const)('at 400 %% zoom (320 × 256, %s) the whole first result fits the window and the header is at most 128 px', async (_label, storage) => {
    for (const q of ['护理补贴多少钱', '护理补贴']) {
      const page = await searchFor(`/search/?q=${encodeURIComponent(q)}`, ZOOM_400, storage, q);
      const headerHeight = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
      expect(headerHeight).toBeLessThanOrEqual(128);
      await page.evaluate(() => document.querySelector('[data-result]')!.scrollIntoView({ block: 'start', behavior: 'instant' }));
      const box = await firstResultBox(page);
      console.log(`first result for ${q} at 320 × 256 ${JSON.stringify(storage)}: ${box.bottom - box.top} px tall, header ${Math.round(headerHeight)} px`);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.viewport);
      // The header scrolls away with the page (not sticky), so it never covers the result.
      const covered = await page.evaluate(() => {
        const r = document.querySelector('[data-result]')!.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 10, r.top + 10);
        return !!hit && !hit.closest('[data-result]');
      });
      expect(covered).toBe(false);
      await page.close();
    }
  });
});
