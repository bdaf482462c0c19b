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
