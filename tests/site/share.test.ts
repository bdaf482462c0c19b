// Sharing a page: the title and share metadata a chat app shows under a pasted link name
// the plan, its status and what the page holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type SiteSession } from './browser';
import { decodeEntities, htmlFiles, readDist, readPlan } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

/** What a link preview reads: <title>, description, og:title, og:description. */
async function shareMeta(page: Page) {
  return page.evaluate(() => {
    const meta = (sel: string) => document.querySelector(`meta[${sel}]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('name="description"'),
      ogTitle: meta('property="og:title"'),
      ogDescription: meta('property="og:description"'),
    };
  });
}

describe('share metadata', () => {
  it("a draft plan's area page names the plan, its status and the area", async () => {
    const plan = readPlan('beihai');
    expect(plan.catalog.status).toBe('征求意见稿');
    const page = await session.open('/plans/beihai/kangfu/');
    const m = await shareMeta(page);
    const named = `${plan.catalog.title}（征求意见稿）`;
    for (const text of [m.title, m.description, m.ogTitle, m.ogDescription]) {
      expect(text).toContain(named);
      expect(text).toContain('康复');
    }
    expect(m.title).toBe(`${named}：康复、健康与残疾预防 | 残疾人规划检索`);
    expect(m.ogTitle).toBe(`${named}：康复、健康与残疾预防`);
    // The description says in words that it is not a plan in force.
    expect(m.description).toContain('不是正式印发的规划');
    expect(m.ogDescription).toBe(m.description);
    await page.close();
  });

  it("a final plan's pages name the plan and what the page holds, and no status", async () => {
    const plan = readPlan('huining');
    for (const [path, about] of [
      ['/plans/huining/', '概览和目录'],
      ['/plans/huining/kangfu/', '康复'],
      ['/plans/huining/source/', '原文全文'],
    ]) {
      const page = await session.open(path);
      const m = await shareMeta(page);
      for (const text of [m.title, m.description, m.ogTitle, m.ogDescription]) {
        expect(text, path).toContain(plan.catalog.title);
        expect(text, path).not.toMatch(/征求意见稿|讨论稿|草案/);
      }
      expect(m.title, path).toContain(about);
      expect(m.ogTitle, path).toContain(about);
      await page.close();
    }
  });

  it('every page has a non-empty description, og:title and og:description', () => {
    const missing: string[] = [];
    for (const file of htmlFiles()) {
      const html = readDist(file);
      const content = (re: RegExp) => decodeEntities(re.exec(html)?.[1] ?? '').trim();
      if (content(/<meta name="description" content="([^"]*)"/).length < 10) missing.push(`${file}: description`);
      if (!content(/<meta property="og:title" content="([^"]*)"/)) missing.push(`${file}: og:title`);
      if (content(/<meta property="og:description" content="([^"]*)"/).length < 10) missing.push(`${file}: og:description`);
    }
    expect(missing).toEqual([]);
  });
});

/** Replaces navigator.share before the page's scripts run: a recording stub, or none at all. */
async function openWithShare(path: string, share: 'present' | 'absent'): Promise<Page> {
  const page = await session.open(path);
  await page.addInitScript((mode) => {
    if (mode === 'absent') {
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
      return;
    }
    (window as any).__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        (window as any).__shared.push(data);
        return Promise.resolve();
      },
    });
  }, share);
  await page.reload();
  return page;
}

describe('分享', () => {
  const plan = readPlan('huining');
  const clause = plan.chapters[2].sections[3].units.find((u) => u.id === 'c3s4-17')!;

  it('opens the system share sheet with the clause citation and its permalink where the browser has one', async () => {
    const page = await openWithShare('/plans/huining/kangfu/', 'present');
    const article = page.locator('article', { has: page.locator(`#${clause.id}`) });
    const button = article.getByRole('button', { name: '分享' });
    // Which clause the button shares is part of its accessible description.
    expect(await button.getAttribute('aria-describedby')).toBe(`${clause.id}-cite`);
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as any).__shared.length)).toBe(1);
    expect(await page.evaluate(() => (window as any).__shared[0])).toEqual({
      title: clause.citation,
      text: clause.citation,
      url: `${session.server.url}/plans/huining/kangfu/#${clause.id}`,
    });
    // 分享本页 shares the page itself, named by its title.
    await page.getByRole('button', { name: '分享本页' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__shared.length)).toBe(2);
    expect(await page.evaluate(() => (window as any).__shared[1])).toEqual({
      title: await page.title(),
      url: `${session.server.url}/plans/huining/kangfu/`,
    });
    await page.close();
  });

  it('copies the link, visibly and audibly, where the browser has no share sheet', async () => {
    const page = await openWithShare('/plans/huining/kangfu/', 'absent');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    const article = page.locator('article', { has: page.locator(`#${clause.id}`) });
    await article.getByRole('button', { name: '分享' }).click();
    const url = `${session.server.url}/plans/huining/kangfu/#${clause.id}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    // Seen on the button, heard through the live region.
    await expect.poll(() => article.locator('button[data-share]').textContent()).toBe('已复制链接');
    await expect.poll(() => page.locator('#live-status').textContent()).toContain('已复制链接');
    await expect.poll(() => article.locator('button[data-share]').textContent(), { timeout: 5000 }).toBe('分享');

    await page.getByRole('button', { name: '分享本页' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${session.server.url}/plans/huining/kangfu/`);
    await page.close();
  });

  it('the share buttons are not shown without JavaScript', async () => {
    const page = await session.browser.newPage({ javaScriptEnabled: false });
    await page.goto(session.server.url + '/plans/huining/kangfu/');
    expect(await page.locator('button[data-share]').first().isVisible()).toBe(false);
    expect(await page.locator('[data-clause]').first().isVisible()).toBe(true);
    await page.close();
  });
});
