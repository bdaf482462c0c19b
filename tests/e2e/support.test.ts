// Self-test for tests/e2e/support: a tiny throwaway site, served and opened in
// real headless Chromium. Set E2E_SCREENSHOT_DIR to keep a 360 px screenshot.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusOrder, minTargetSize, noHorizontalScroll } from './support/a11y';
import { launchBrowser, newPage, runAxe } from './support/browser';
import { startStaticServer, type StaticServer } from './support/server';

const head = (title: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
  `<style>body{font:16px/1.5 sans-serif;margin:0 1rem} button,input{min-width:44px;min-height:44px}</style></head>`;

const GOOD = `${head('残疾人保障规划')}<body>
<header><nav aria-label="主导航"><a href="/" style="display:inline-block;padding:12px">首页</a></nav></header>
<main><h1>残疾人保障</h1>
<p>“十四五”残疾人保障和发展规划，详见<a href="/plan/">规划全文</a>。</p>
<form role="search"><label for="q">搜索</label> <input id="q" type="search">
<button id="go" type="button">搜索规划</button></form></main>
<footer><p>残疾人联合会</p></footer></body></html>`;

// Deliberately broken: image without alt, unnamed button, 1000 px wide table.
const BAD = `${head('坏页面')}<body><main><h1>坏页面</h1>
<img src="x.png"><button id="tiny" style="width:20px;height:20px;min-width:0;min-height:0"></button>
<div id="wide" style="width:1000px">很宽的内容</div></main></body></html>`;

const NOT_FOUND = `${head('页面不存在')}<body><main><h1>404 页面不存在</h1></main></body></html>`;

let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'e2e-support-'));
  const site = path.join(tmp, 'site');
  await mkdir(path.join(site, 'plan'), { recursive: true });
  await mkdir(path.join(site, 'pagefind'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), GOOD);
  await writeFile(path.join(site, 'bad.html'), BAD);
  await writeFile(path.join(site, '404.html'), NOT_FOUND);
  await writeFile(path.join(site, 'plan', 'index.html'), GOOD.replace('<h1>残疾人保障</h1>', '<h1>规划全文</h1>'));
  await writeFile(path.join(site, 'pagefind', 'pagefind.zh-cn_1.pf_meta'), Buffer.from([0x1f, 0x8b, 8, 0]));
  await writeFile(path.join(tmp, 'secret.txt'), 'outside root');
  server = await startStaticServer(site);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// Raw request: fetch() would normalise `..` away and decompress bodies.
function get(p: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(server.url + '/', { path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}

describe('static server', () => {
  it('serves files, directories, 404.html and content types', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/plan')).status).toBe(301);
    expect((await get('/plan')).headers.location).toBe('/plan/');
    expect((await get('/plan/')).body.toString()).toContain('规划全文');
    const pf = await get('/pagefind/pagefind.zh-cn_1.pf_meta', { 'accept-encoding': 'gzip' });
    expect(pf.headers['content-type']).toBe('application/octet-stream');
    expect(pf.headers['content-encoding']).toBeUndefined(); // already gzipped
    const missing = await get('/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('页面不存在');
  });

  it('gzips when accepted, even when brotli is accepted too, and reports the compressed length', async () => {
    const plain = await get('/');
    const gz = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.body.length).toBeLessThan(plain.body.length);
  });

  it('does not serve files outside rootDir', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/plan/../../secret.txt']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString(), p).not.toContain('outside root');
    }
  });
});

describe('browser helpers', () => {
  it('accessible page: no axe violations, no reflow problem, big targets', async () => {
    const page = await newPage(browser, { width: 360, height: 740, deviceScaleFactor: 2 });
    await page.goto(server.url + '/');
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    expect((await noHorizontalScroll(page)).ok).toBe(true);
    // The inline link inside <p> is exempt, everything else is >= 44 px.
    expect(await minTargetSize(page)).toEqual([]);
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.length).toBeGreaterThan(1000);
    if (process.env.E2E_SCREENSHOT_DIR) {
      await writeFile(path.join(process.env.E2E_SCREENSHOT_DIR, 'support-good-360.png'), shot);
    }
    await page.close();
  });

  it('bad page: axe violations, horizontal scroll, small target', async () => {
    const page = await newPage(browser, { width: 360, height: 740, deviceScaleFactor: 1 });
    await page.goto(server.url + '/bad.html');
    const { violations, summary } = await runAxe(page);
    const ids = violations.map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('button-name');
    expect(summary).toMatch(/image-alt \[critical\]/);
    expect(summary).toContain('img');
    const scroll = await noHorizontalScroll(page);
    expect(scroll.ok).toBe(false);
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
    expect(scroll.offenders.join()).toContain('div#wide');
    expect(await minTargetSize(page)).toEqual([expect.objectContaining({ tag: 'button', id: 'tiny', width: 20 })]);
    await page.close();
  });

  it('zoom option shrinks the CSS viewport like browser zoom', async () => {
    const page = await newPage(browser, { width: 1280, height: 800, deviceScaleFactor: 1, zoom: 4 });
    await page.goto(server.url + '/');
    expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([320, 4]);
    expect((await noHorizontalScroll(page)).ok).toBe(true);
    await page.close();
  });

  it('focusOrder reaches the search button by keyboard', async () => {
    const page = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(server.url + '/');
    const order = await focusOrder(page, 20);
    expect(order.map((e) => e.tag)).toEqual(['a', 'a', 'input', 'button']); // then wraps/leaves
    expect(order).toContainEqual(expect.objectContaining({ tag: 'button', id: 'go', text: '搜索规划' }));
    expect(order[0]?.focusVisible).toBe(true);
    await page.close();
  });
});
