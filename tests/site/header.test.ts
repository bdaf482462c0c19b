// The header on a phone: one compact bar (site name, 菜单, search box) whose navigation and
// display settings fold behind 菜单 — an accessible disclosure that Escape closes, putting
// focus back on the button. Heights measured in Chromium at 360 × 640 and at 320 × 256 (a
// 1280 px screen at 400 % zoom), in both modes (in 大字 the search box folds behind 菜单 too,
// so the bar stays one 66 px row); without JavaScript nothing is folded; the search page has
// one search box.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../e2e/support/browser';
import { DESKTOP, startSession, type SiteSession } from './browser';
import { PAGE_KINDS } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const PHONE_640 = { width: 360, height: 640 };
const ZOOM_400 = { width: 320, height: 256 };
const headerHeight = (page: Page) => page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

describe('the header on a phone', () => {
  it.each(Object.entries(PAGE_KINDS))('%s: at most 120 px tall at 360 × 640 and 128 px at 320 × 256, also in 大字', async (_kind, url) => {
    for (const storage of [{}, { 'display-text': 'large' }] as Record<string, string>[]) {
      for (const [size, max] of [
        [PHONE_640, 120],
        [ZOOM_400, 128],
      ] as const) {
        const page = await session.open(url, { ...size, storage });
        expect(await headerHeight(page), `${url} at ${size.width} × ${size.height} ${JSON.stringify(storage)}`).toBeLessThanOrEqual(max);
        await page.close();
      }
    }
  });

  it('in 大字 the bar is one row, and the search box is behind 菜单 with the navigation', async () => {
    const page = await session.open('/plans/huining/kangfu/', { ...ZOOM_400, storage: { 'display-text': 'large' } });
    const [name, button] = await Promise.all(['.site-name', '[data-menu-button]'].map((s) => page.locator(s).boundingBox()));
    expect(Math.abs(name!.y + name!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(2);
    expect(await visible(page, '#site-search')).toBe(false);
    await page.locator('[data-menu-button]').click();
    expect(await visible(page, '#site-search')).toBe(true);
    expect(await visible(page, '.site-nav a')).toBe(true);
    // Escape from the search box closes the menu and puts focus back on 菜单.
    await page.locator('#site-search').focus();
    await page.keyboard.press('Escape');
    expect(await visible(page, '#site-search')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).toBe(true);
    await page.close();
  });

  it('菜单 opens and closes the navigation and display settings; Escape closes it and focus returns', async () => {
    const page = await session.open('/plans/huining/kangfu/', PHONE_640);
    const button = page.locator('[data-menu-button]');
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-controls')).toBe('site-menu');
    expect(await visible(page, '.site-nav a')).toBe(false);
    expect(await visible(page, 'button[data-display="text"]')).toBe(false);
    // Keyboard: focus the button, Enter opens, Tab goes into the menu.
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await visible(page, '.site-nav a')).toBe(true);
    expect(await visible(page, 'button[data-display="text"]')).toBe(true);
    await page.keyboard.press('Tab'); // the header's search box comes first in reading order
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#site-menu'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await visible(page, '.site-nav a')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).toBe(true);
    // A click opens it too, and the open menu passes axe.
    await button.click();
    expect(await visible(page, '.site-nav a')).toBe(true);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it('on a wide screen nothing is folded and there is no 菜单 button', async () => {
    const page = await session.open('/plans/huining/kangfu/', DESKTOP);
    expect(await visible(page, '[data-menu-button]')).toBe(false);
    expect(await visible(page, '.site-nav a')).toBe(true);
    expect(await visible(page, 'button[data-display="text"]')).toBe(true);
    await page.close();
  });

  it('without JavaScript the navigation is open and the 菜单 button is not shown', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: PHONE_640 });
    const page = await context.newPage();
    await page.goto(session.server.url + '/plans/huining/kangfu/');
    expect(await visible(page, '[data-menu-button]')).toBe(false);
    expect(await visible(page, '.site-nav a')).toBe(true);
    await context.close();
  });

  it('the search page has one search box', async () => {
    const page = await session.open('/search/', PHONE_640);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    await page.close();
  });
});
