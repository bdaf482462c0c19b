// The little JavaScript there is: copying a citation, remembering display settings;
// and reading without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type SiteSession } from './browser';
import { readPlan } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

describe('复制引用', () => {
  it('puts the citation and the full permalink URL on the clipboard', async () => {
    const page = await session.open('/plans/huining/kangfu/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    const clause = readPlan('huining').chapters[2].sections[3].units.find((u) => u.id === 'c3s4-17')!;
    const article = page.locator('article', { has: page.locator(`#${clause.id}`) });
    await article.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${clause.citation} ${session.server.url}/plans/huining/kangfu/#${clause.id}`,
    );
    // Screen readers hear that it worked.
    await expect.poll(() => page.locator('#live-status').textContent()).toContain('已复制');
    await page.close();
  });

  it('a draft plan\'s copied citation names its status', async () => {
    const page = await session.open('/plans/beihai/baozhang/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    const plan = readPlan('beihai');
    expect(plan.catalog.status).not.toBe('正式');
    const article = page.locator('article', { has: page.locator('[data-clause]') }).first();
    await article.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^《/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.startsWith(`《${plan.catalog.title}（${plan.catalog.status}）》`), text).toBe(true);
    // The 出处 line under the clause says it too.
    expect(await article.locator('.source').first().textContent()).toContain(`（${plan.catalog.status}）》`);
    await page.close();
  });

  it('selects the citation when the clipboard is not available', async () => {
    const page = await session.open('/plans/dengkou/baozhang/');
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const article = page.locator('article').first();
    await article.getByRole('button', { name: '复制引用' }).click();
    const citation = await article.locator('.citation').textContent();
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(citation);
    await expect.poll(() => page.locator('#live-status').textContent()).toContain('Ctrl+C');
    await page.close();
  });
});

describe('display settings', () => {
  it('large text survives a reload and is applied before first paint', async () => {
    const page = await session.open('/plans/beihai/');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.getByRole('button', { name: '大字' }).click();
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before * 1.3);
    // On reload, record the root attribute at the moment <body> is parsed, before first paint.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          (window as any).__bodyStartText = document.documentElement.dataset.text ?? 'none';
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as any).__bodyStartText)).toBe('large');
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(after);
    // And on another page of the site.
    await page.goto(session.server.url + '/indicators/');
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    await page.close();
  });

  it('high contrast switches to black on white and is remembered', async () => {
    const page = await session.open('/');
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await page.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('pages read fine: citation visible, JS-only buttons hidden', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(session.server.url + '/plans/huining/kangfu/');
    expect(await page.locator('.citation').first().isVisible()).toBe(true);
    expect(await page.locator('.permalink').first().isVisible()).toBe(true);
    expect(await page.locator('.copy-button').first().isVisible()).toBe(false);
    expect(await page.locator('.display-toggles').isVisible()).toBe(false);
    // The search box still works as a plain GET form.
    await page.fill('#site-search', '护理补贴');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=护理补贴');
    expect(await page.locator('noscript').count()).toBe(1);
    await context.close();
  });
});
