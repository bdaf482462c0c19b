// Keyboard only: from page load, Tab reaches the skip link, the search box, both
// display toggles and a clause's copy button, every stop shows a focus indicator,
// and the skip link moves focus into <main>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusOrder } from '../e2e/support/a11y';
import { PHONE, startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

describe('keyboard', () => {
  it('Tab reaches skip link, search, toggles and a copy button, with visible focus', async () => {
    const page = await session.open('/plans/huining/kangfu/');
    const order = await focusOrder(page, 80);
    expect(order[0]).toMatchObject({ tag: 'a', text: '跳到正文', href: '#main' });
    const find = (pred: (e: (typeof order)[number]) => boolean) => order.findIndex(pred);
    const search = find((e) => e.tag === 'input' && e.id === 'site-search');
    const large = find((e) => e.tag === 'button' && e.text === '大字');
    const contrast = find((e) => e.tag === 'button' && e.text === '高对比度');
    const copy = find((e) => e.tag === 'button' && e.text === '复制引用');
    const permalink = find((e) => e.tag === 'a' && e.text === '本条链接');
    for (const [name, index] of Object.entries({ search, large, contrast, copy, permalink })) {
      expect(index, `${name} not reached by Tab: ${order.map((e) => e.text || e.tag).join(' | ')}`).toBeGreaterThan(0);
    }
    // Header before content, and the page's first clause before its copy button.
    expect(Math.max(search, large, contrast)).toBeLessThan(permalink);
    expect(permalink).toBeLessThan(copy);
    const invisible = order.filter((e) => !e.focusVisible);
    expect(invisible, 'focus without a visible indicator').toEqual([]);
    await page.close();
  });

  it('Enter on the skip link moves focus into main', async () => {
    const page = await session.open('/plans/huining/kangfu/', PHONE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    // The skip link is visible while focused.
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 20).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.close();
  });

  it('toggles work from the keyboard and report their state', async () => {
    const page = await session.open('/');
    const large = page.locator('button[data-display="text"]');
    await large.focus();
    await page.keyboard.press('Enter');
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    await page.keyboard.press('Space');
    expect(await large.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.dataset.text ?? null)).toBeNull();
    await page.close();
  });
});
