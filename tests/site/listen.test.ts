// 朗读: clauses, 专栏 items and topic summaries read aloud by the browser's own speech.
// The tests replace the browser's voice list and speech output with recording stubs (headless
// Chromium has no voices); the page's own code does the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runAxe } from '../e2e/support/browser';
import { enhancedContrastViolations, startSession, type SiteSession, PHONE } from './browser';
import { readDist, readPlan } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

/**
 * Opens a page whose speechSynthesis lists a Chinese voice ('zh') or none ('none'). speak()
 * records each utterance and starts it; window.__endCurrent() ends the one being spoken.
 */
async function openWithVoices(path: string, voices: 'zh' | 'none', size = {}): Promise<Page> {
  const page = await session.open(path, size);
  await page.addInitScript((mode) => {
    const w = window as any;
    w.__spoken = [];
    w.__calls = [];
    const list = mode === 'zh' ? [{ name: '测试中文', lang: 'zh-CN', voiceURI: 'test-zh', localService: true, default: true }] : [];
    const s = window.speechSynthesis as any;
    s.getVoices = () => list;
    s.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang });
      w.__current = u;
      u.onstart?.(new Event('start') as any);
    };
    w.__endCurrent = () => {
      const u = w.__current;
      w.__current = null;
      u?.onend?.(new Event('end'));
    };
    s.cancel = () => {
      w.__calls.push('cancel');
      w.__current = null;
    };
    s.pause = () => w.__calls.push('pause');
    s.resume = () => w.__calls.push('resume');
  }, voices);
  await page.reload();
  return page;
}

/** The text the Custom Highlight API marks as the current sentence, or null. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as any).highlights.get('listen-sentence');
    return h ? [...h].map((r: Range) => r.toString()).join('') : null;
  });

const plan = readPlan('huining');
const clause = plan.chapters[2].sections[3].units.find((u) => u.id === 'c3s4-17')!;
const clauseText = clause.label + clause.paragraphs.join('');
/** The clause cut after 。！？；, as the page speaks it. */
const sentences = clauseText.match(/[^。！？；]*[。！？；]+[”’」』）)]*|[^。！？；]+$/g)!.map((s) => s.trim()).filter(Boolean);

describe('朗读', () => {
  it('reads a clause sentence by sentence in zh-CN, highlighting the current one, with 暂停/继续 and 停止', async () => {
    expect(sentences.length).toBeGreaterThan(1);
    const page = await openWithVoices('/plans/huining/kangfu/', 'zh');
    const article = page.locator('article', { has: page.locator(`#${clause.id}`) });
    const copyBefore = await page.locator(`#${clause.id}`).textContent();
    const listen = article.getByRole('button', { name: '朗读' });
    // Which clause it reads is in its description (the citation).
    expect(await listen.getAttribute('aria-describedby')).toBe(`${clause.id}-cite`);
    await listen.click();

    await expect.poll(() => page.evaluate(() => (window as any).__spoken.length)).toBe(1);
    expect(await highlighted(page)).toBe(sentences[0]);
    await expect.poll(() => article.locator('.listen-button').textContent()).toBe('暂停');
    expect(await article.getByRole('button', { name: '停止' }).isVisible()).toBe(true);

    // Pause and resume.
    await article.getByRole('button', { name: '暂停' }).click();
    expect(await article.locator('.listen-button').textContent()).toBe('继续');
    await article.getByRole('button', { name: '继续' }).click();
    expect(await page.evaluate(() => (window as any).__calls)).toEqual(['pause', 'resume']);

    // Each sentence in order, then the controls return to 朗读.
    for (let i = 1; i < sentences.length; i++) {
      await page.evaluate(() => (window as any).__endCurrent());
      expect(await highlighted(page)).toBe(sentences[i]);
    }
    await page.evaluate(() => (window as any).__endCurrent());
    const spoken = await page.evaluate(() => (window as any).__spoken);
    expect(spoken.map((s: { text: string }) => s.text)).toEqual(sentences);
    expect(new Set(spoken.map((s: { lang: string }) => s.lang))).toEqual(new Set(['zh-CN']));
    expect(await article.locator('.listen-button').textContent()).toBe('朗读');
    expect(await article.locator('.listen-stop').isVisible()).toBe(false);
    expect(await highlighted(page)).toBeNull();
    // The clause's text, and so what copying it gives, is unchanged.
    expect(await page.locator(`#${clause.id}`).textContent()).toBe(copyBefore);
    expect(copyBefore).toBe(clauseText);
    await page.close();
  });

  it('停止 stops the voice and the highlight; 朗读 on another clause stops the first', async () => {
    const page = await openWithVoices('/plans/huining/kangfu/', 'zh');
    const articles = page.locator('article.clause');
    await articles.nth(0).getByRole('button', { name: '朗读' }).click();
    await expect.poll(() => articles.nth(0).locator('.listen-button').textContent()).toBe('暂停');
    await articles.nth(1).getByRole('button', { name: '朗读' }).click();
    await expect.poll(() => articles.nth(1).locator('.listen-button').textContent()).toBe('暂停');
    expect(await articles.nth(0).locator('.listen-button').textContent()).toBe('朗读');
    await articles.nth(1).getByRole('button', { name: '停止' }).click();
    expect(await page.evaluate(() => (window as any).__calls)).toContain('cancel');
    expect(await highlighted(page)).toBeNull();
    expect(await articles.nth(1).locator('.listen-button').textContent()).toBe('朗读');
    // Focus goes back to the button that stays.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('listen-button');
    await page.close();
  });

  it('says in words when the browser has no Chinese voice', async () => {
    const page = await openWithVoices('/plans/huining/kangfu/', 'none');
    const article = page.locator('article', { has: page.locator(`#${clause.id}`) });
    await article.getByRole('button', { name: '朗读' }).click();
    await expect.poll(() => article.locator('.listen-button').textContent(), { timeout: 5000 }).toBe('本浏览器没有中文语音');
    await expect.poll(() => page.locator('#live-status').textContent()).toContain('没有中文语音');
    expect(await page.evaluate(() => (window as any).__spoken.length)).toBe(0);
    await page.close();
  });

  it('reads a topic summary and a 专栏 item; keyboard operable; 44 × 44 px at 360 px', async () => {
    const page = await openWithVoices('/entitlements/liangxiang-butie/', 'zh', PHONE);
    const button = page.locator('.listen-controls .listen-button');
    expect(await button.getAttribute('aria-describedby')).toBe('topic-name');
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as any).__spoken.length)).toBe(1);
    const summary = (await page.locator('[data-listen]').textContent())!.trim();
    expect(summary.startsWith(await page.evaluate(() => (window as any).__spoken[0].text))).toBe(true);
    expect(await button.textContent()).toBe('暂停');
    await page.close();

    // A 专栏 item on an area page has the same controls.
    const item = readPlan('huining').boxes.flatMap((b) => b.groups.flatMap((g) => g.items)).find((u) => u.area === '康复')!;
    const area = await openWithVoices('/plans/huining/kangfu/', 'zh', PHONE);
    const itemButton = area.locator('article', { has: area.locator(`#${item.id}`) }).getByRole('button', { name: '朗读' });
    const itemBox = (await itemButton.boundingBox())!;
    expect(itemBox.width).toBeGreaterThanOrEqual(44);
    expect(itemBox.height).toBeGreaterThanOrEqual(44);
    await area.close();
  });

  it('/boxes/ reads each 专栏 group\'s list of projects, the button naming the plan and the group', async () => {
    const page = await openWithVoices('/boxes/', 'zh', PHONE);
    const lists = page.locator('ul[data-listen]');
    expect(await lists.count()).toBeGreaterThan(10);
    const first = lists.first();
    const button = page.locator('.listen-controls .listen-button').first();
    const [planId, groupId] = (await button.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${planId}"]`).evaluate((e) => e.tagName)).toBe('H3');
    expect(await page.locator(`[id="${groupId}"]`).evaluate((e) => e.tagName)).toBe('H4');
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as any).__spoken.length)).toBe(1);
    // One project a sentence, in the list's order.
    const items = (await first.locator('li').allTextContents()).map((t) => t.trim());
    expect(await page.evaluate(() => (window as any).__spoken[0].text)).toBe(items[0]);
    await page.evaluate(() => (window as any).__endCurrent());
    expect(await highlighted(page)).toBe(items[1]);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it.each([
    ['default', {}],
    ['large text', { 'display-text': 'large' }],
    ['high contrast', { 'display-contrast': 'high' }],
  ])('while reading, axe finds no violations (%s, 360 px)', async (_mode, storage) => {
    for (const path of ['/plans/beihai/kangfu/', '/entitlements/liangxiang-butie/']) {
      const page = await openWithVoices(path, 'zh', { ...PHONE, storage });
      await page.locator('.listen-button').first().click();
      await expect.poll(() => page.locator('.listen-button').first().textContent()).toBe('暂停');
      const { violations, summary } = await runAxe(page);
      expect(violations, `${path}: ${summary}`).toEqual([]);
      expect(await enhancedContrastViolations(page), 'text below 7:1').toEqual([]);
      await page.close();
    }
  });

  it('loads only on pages with text to read, deferred', () => {
    for (const file of ['plans/huining/index.html', 'plans/huining/kangfu/index.html', 'entitlements/liangxiang-butie/index.html', 'boxes/index.html']) {
      expect(readDist(file), file).toContain('<script src="/listen.js" defer></script>');
    }
    for (const file of ['index.html', 'search/index.html', 'plans/huining/source/index.html', 'indicators/index.html']) {
      expect(readDist(file), file).not.toContain('listen.js');
    }
  });
});
