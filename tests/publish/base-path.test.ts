// The whole site under a sub-path: BASE_PATH=/plans/ builds every link, script, form,
// search index address and finder data address under /plans/, and in Chromium, served
// there, every kind of page loads with nothing outside it, search and the finder included.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../e2e/support/browser';
import { startServer, type RunningServer } from '../../src/publish/serve.ts';
import { siteAddress } from '../../src/publish/site-address.ts';
import { DESKTOP } from '../site/browser';
import { PAGE_KINDS, distFiles } from '../site/site';

const BASE = '/plans/';
let out: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // Inside the project: Astro builds to an outDir outside it by way of .astro/, which it
  // then deletes (and with it the generated types tsc reads).
  out = path.resolve('node_modules/.cache/base-path-site');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Vitest puts its own Vite values (BASE_URL=/, MODE=test, NODE_ENV=test …) into process.env;
  // the build must not inherit them, or Astro would read BASE_URL from there.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)));
  env.BASE_PATH = BASE;
  // Asynchronous, so the test worker stays responsive to vitest during the minute it takes.
  const run = (args: string[]) => promisify(execFile)('npx', args, { env, maxBuffer: 64 * 1024 * 1024 });
  // The plans are already ingested (npm test builds first); the site, index and publish files go to `out`.
  await run(['astro', 'build', '--outDir', out]);
  await run(['tsx', 'scripts/build-index.ts', '--dist', out]);
  await run(['tsx', 'scripts/build-publish.ts', '--dist', out]);
  server = await startServer({ root: out, base: BASE });
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const htmlFiles = () => distFiles(out).filter((f) => f.endsWith('.html'));
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');

describe('the built files', () => {
  it('every address a page links, loads or submits to is under the base path', () => {
    const outside: string[] = [];
    for (const file of htmlFiles()) {
      for (const m of read(file).matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) if (!m[1].startsWith(BASE)) outside.push(`${file}: ${m[1]}`);
    }
    expect(outside).toEqual([]);
  });

  it('canonical links, the sitemap and robots.txt carry the base path', () => {
    const origin = siteAddress().origin;
    expect(read('plans/huining/index.html')).toContain(`<link rel="canonical" href="${origin}${BASE}plans/huining/">`);
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBe(htmlFiles().length - 1);
    for (const loc of locs) expect(loc.startsWith(`${origin}${BASE}`), loc).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${origin}${BASE}sitemap.xml`);
    expect(read('_headers')).toContain(`${BASE}_astro/*`);
  });

  it('the finder’s data links clauses under the base path', () => {
    const data = JSON.parse(read('finder/huining.json'));
    const hrefs = Object.values(data.topics as Record<string, { href: string }[]>).flat().map((c) => c.href);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith(`${BASE}plans/huining/`), h).toBe(true);
  });
});

interface Watched {
  page: Page;
  /** Requests outside the base path, and responses that failed. */
  problems: string[];
}

async function watched(): Promise<Watched> {
  const page = await newPage(browser, { ...DESKTOP, bypassCSP: false });
  const problems: string[] = [];
  page.context().on('request', (r) => {
    if (!r.url().startsWith(server.url + BASE)) problems.push(`outside ${BASE}: ${r.url()}`);
  });
  page.context().on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/404.html')) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return { page, problems };
}

describe('in Chromium, served under the base path', () => {
  it.each(Object.entries(PAGE_KINDS).filter(([kind]) => kind !== '404'))('%s loads with everything it needs from under the base path', async (_kind, p) => {
    const w = await watched();
    const r = await w.page.goto(server.url + BASE + p.slice(1), { waitUntil: 'networkidle' });
    expect(r?.status()).toBe(200);
    expect(await w.page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    // The stylesheet applied (the skip link is moved off screen by it).
    expect(await w.page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  it('search finds clauses and its results lead to them', async () => {
    const w = await watched();
    await w.page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('护理补贴')}`, { waitUntil: 'networkidle' });
    await w.page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 20_000 });
    const first = w.page.locator('[data-result] a[href]').first();
    const href = (await first.getAttribute('href'))!;
    expect(href.startsWith(`${BASE}plans/`), href).toBe(true);
    await first.click();
    await w.page.waitForURL((u) => u.pathname === href.split('#')[0]);
    expect(await w.page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  it('the search page fetches a plan’s province and its province’s plan list under the base path', async () => {
    const w = await watched();
    const fetched: string[] = [];
    w.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // An older link with the plan alone: its province is looked up, then the province's list.
    await w.page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('护理补贴')}&plan=beihai`, { waitUntil: 'networkidle' });
    await w.page.waitForFunction(() => /找到/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(fetched).toEqual(expect.arrayContaining([`${BASE}data/search-plans/plan/beihai.json`, `${BASE}data/search-plans/guangxi.json`]));
    expect(await w.page.locator('#search-plan').inputValue()).toBe('beihai');
    expect(new URL(w.page.url()).searchParams.get('province')).toBe('广西壮族自治区');
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  it('the finder fetches the chosen plan’s clauses and links them under the base path', async () => {
    const w = await watched();
    await w.page.goto(`${server.url}${BASE}finder/?region=huining&who=child&need=school`, { waitUntil: 'networkidle' });
    const links = w.page.locator('li[data-topic] .finder-clauses a.item-link');
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) expect(href.startsWith(`${BASE}plans/huining/`), href).toBe(true);
    expect(w.problems).toEqual([]);
    await w.page.close();
  });

  it('the header’s search form submits to the search page under the base path', async () => {
    const w = await watched();
    await w.page.goto(`${server.url}${BASE}about/`, { waitUntil: 'networkidle' });
    const box = w.page.locator('header form[role="search"] input[name="q"]');
    await box.fill('盲道');
    await box.press('Enter');
    await w.page.waitForURL((u) => u.pathname === `${BASE}search/` && u.searchParams.get('q') === '盲道');
    await w.page.waitForFunction(() => document.getElementById('search-app')?.dataset.searchedQuery === '盲道', null, { timeout: 20_000 });
    expect(w.problems).toEqual([]);
    await w.page.close();
  });
});
