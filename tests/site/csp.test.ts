// Safe by construction: every page carries a strict Content-Security-Policy, and in real
// Chromium, with the policy enforced, no page breaks it and no page asks anything of
// another site — with search, the finder, 朗读 and the display settings used on the way.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../e2e/support/browser';
import { DESKTOP, startSession, type SiteSession } from './browser';
import { PAGE_KINDS, htmlFiles, readDist } from './site';
import { PAGE_POLICY, cspDirectives } from '../../src/publish/csp.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const decodeAttr = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the policy in every built page', () => {
  const pages = htmlFiles();

  it('is strict: nothing wider than the site itself, the hashed pre-paint script and Pagefind’s WebAssembly', () => {
    const directives = new Map(cspDirectives(['x']));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", sha256('x'), "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(PAGE_POLICY).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|unsafe-hashes|\*|https?:|data:|blob:/);
  });

  it.each(pages)('%s: one CSP meta before any script, allowing each inline script by its hash, no inline styles or handlers', (file) => {
    const html = readDist(file);
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    expect(metas).toHaveLength(1);
    const policy = decodeAttr(metas[0][1]);
    expect(policy).toBe(PAGE_POLICY);
    // A meta policy covers only what the parser meets after it.
    expect(metas[0].index!).toBeLessThan(html.indexOf('<script'));
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    for (const text of inline) expect(scriptSrc).toContain(sha256(text));
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    expect(html).not.toMatch(/javascript:/);
  });
});

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

interface Watched {
  page: Page;
  /** Requests to any origin but the site's. */
  offSite: string[];
  /** securitypolicyviolation events and CSP console errors, each described. */
  violations: string[];
  /** Requests the site answered with an error (a missing icon, script or index file). */
  missing: string[];
}

/** A page that enforces the CSP, recording every request and every violation. */
async function watchedPage(opts: { voices?: boolean } = {}): Promise<Watched> {
  const page = await newPage(session.browser, { ...DESKTOP, bypassCSP: false });
  const offSite: string[] = [];
  const violations: string[] = [];
  const missing: string[] = [];
  // The page itself may be the 404 page; anything it loads must be there.
  page.context().on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) missing.push(`${r.status()} ${r.url()}`);
  });
  // Every request of the context: the page's, its frames' and Pagefind's worker's.
  page.context().on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(session.server.url + '/')) offSite.push(url);
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (/Content.Security.Policy|EvalError|WebAssembly/i.test(String(e))) violations.push(`error: ${e}`);
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  if (opts.voices) {
    // Headless Chromium has no voices: give speechSynthesis a Chinese one that records,
    // so 朗读 runs its whole path (listen.js itself is not replaced).
    await page.addInitScript(() => {
      const w = window as any;
      w.__spoken = [];
      const s = window.speechSynthesis as any;
      s.getVoices = () => [{ name: '测试中文', lang: 'zh-CN', voiceURI: 'test-zh', localService: true, default: true }];
      s.speak = (u: SpeechSynthesisUtterance) => {
        w.__spoken.push(u.text);
        u.onstart?.(new Event('start') as any);
      };
      s.cancel = () => {};
    });
  }
  return { page, offSite, violations, missing };
}

async function visit(w: Watched, path: string) {
  const response = await w.page.goto(session.server.url + path, { waitUntil: 'networkidle' });
  expect(response, path).not.toBeNull();
}

function expectClean(w: Watched) {
  expect(w.violations).toEqual([]);
  expect(w.offSite).toEqual([]);
  expect(w.missing).toEqual([]);
}

describe('in Chromium, with the policy enforced', () => {
  it.each(Object.entries(PAGE_KINDS))('%s (%s): no violation, no request off the site, the pre-paint script ran', async (_kind, path) => {
    const w = await watchedPage();
    await visit(w, path);
    expectClean(w);
    // The hashed inline script ran: it marks the page as having JavaScript.
    expect(await w.page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    await w.page.close();
  });

  it('search: Pagefind’s worker and WebAssembly run and find clauses', async () => {
    const w = await watchedPage();
    await visit(w, `/search/?q=${encodeURIComponent('护理补贴')}`);
    await w.page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await w.page.locator('[data-result]').count()).toBeGreaterThan(0);
    // And a second query typed in the box.
    await w.page.locator('#search-q').fill('盲道');
    await w.page.locator('#search-q').press('Enter');
    await w.page.waitForFunction(() => document.getElementById('search-app')?.dataset.searchedQuery === '盲道', null, { timeout: 20_000 });
    expectClean(w);
    await w.page.close();
  });

  it('the finder: answers change the topics and fetch the chosen plan’s clauses', async () => {
    const w = await watchedPage();
    await visit(w, '/finder/?region=huining&who=child&need=school');
    await expect.poll(() => w.page.locator('li[data-topic] .finder-clauses a.item-link').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await w.page.getByRole('checkbox', { name: '需要轮椅、助听器等辅助器具' }).check();
    await expect.poll(() => w.page.url()).toContain('need=aids');
    expectClean(w);
    await w.page.close();
  });

  it('朗读 reads a clause aloud', async () => {
    const w = await watchedPage({ voices: true });
    await visit(w, '/plans/huining/kangfu/');
    await w.page.locator('article', { has: w.page.locator('[data-clause]') }).first().getByRole('button', { name: '朗读' }).click();
    await expect.poll(() => w.page.evaluate(() => (window as any).__spoken.length)).toBeGreaterThan(0);
    expectClean(w);
    await w.page.close();
  });

  it('the display settings: 大字 and 高对比度 apply, and the pre-paint script restores them on the next page', async () => {
    const w = await watchedPage();
    await visit(w, '/plans/beihai/');
    await w.page.getByRole('button', { name: '大字' }).click();
    await w.page.getByRole('button', { name: '高对比度' }).click();
    await visit(w, '/about/');
    expect(await w.page.evaluate(() => [document.documentElement.dataset.text, document.documentElement.dataset.contrast])).toEqual(['large', 'high']);
    expectClean(w);
    await w.page.close();
  });
});
