// Page weight: a reading page, with everything it loads, stays under 100 KB gzip
// (level 6, like the static server and most CDNs). Reports the numbers it measured.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DIST, htmlFiles, requireDist } from './site';

const BUDGET = 100 * 1024;
const gz = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 6 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Local files a page loads: stylesheets, scripts, images, preloads (root-relative URLs). */
function assetsOf(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<link\b[^>]*rel="(?:stylesheet|preload|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<img\b[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ];
  return [...new Set(urls)].map((u) => u.replace(/^\//, ''));
}

beforeAll(() => {
  requireDist();
});

/**
 * The search page is not a reading page: opening it loads the search (it preloads the
 * query dictionary, pagefind.js and its WebAssembly, and loads the rest of the index
 * when idle), whose first search has its own budget, 250 KB, in `npm run bench`.
 */
const SEARCH_PAGE = 'search/index.html';

it('every page with everything it loads stays under 100 KB gzip', () => {
  const rows = htmlFiles().filter((file) => file !== SEARCH_PAGE).map((file) => {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    const assets = assetsOf(html);
    const assetBytes = assets.reduce((n, a) => n + gz(a), 0);
    return { file, html: gz(file), assets, assetBytes, total: gz(file) + assetBytes };
  });
  rows.sort((a, b) => b.total - a.total);
  const largest = rows[0];
  const sample = rows.find((r) => r.file === 'plans/huining/kangfu/index.html')!;
  const report = [
    `pages: ${rows.length}`,
    `largest HTML (gzip): ${largest.file} ${kb(largest.html)}`,
    `CSS + JS a reading page loads (gzip): ${kb(sample.assetBytes)} (${sample.assets.join(', ')})`,
    'heaviest pages (HTML + CSS + JS, gzip):',
    ...rows.slice(0, 6).map((r) => `  ${kb(r.total).padStart(9)}  ${r.file}`),
  ].join('\n');
  console.log(report);
  expect(sample.assets.length).toBeGreaterThan(0);
  const over = rows.filter((r) => r.total > BUDGET).map((r) => `${r.file}: ${kb(r.total)}`);
  expect(over, report).toEqual([]);
});

it('the search page preloads only what its first search loads anyway, and it exists', () => {
  const html = readFileSync(path.join(DIST, SEARCH_PAGE), 'utf8');
  const preloads = [...html.matchAll(/<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  expect(preloads.length).toBeGreaterThan(0);
  const script = html.match(/<script\b[^>]*type="module"[^>]*src="([^"]+)"/)?.[1];
  for (const p of preloads) {
    // The search bundle's files (Pagefind's entry file under its cache tag, ?ts=…), and the
    // page's own module script and the chunk it imports.
    expect(p, 'a preload points into the search bundle or is the page script or its chunk').toMatch(/^\/(pagefind\/[^/]+|_astro\/[^/]+\.js)$/);
    if (p.startsWith('/_astro/')) expect(p === script || readFileSync(path.join(DIST, script!.replace(/^\//, '')), 'utf8').includes(`"./${p.split('/').pop()}"`), `${p} is imported by the page script`).toBe(true);
    expect(gz(p.replace(/^\//, '').replace(/\?.*$/, '')), `${p} exists and is not empty`).toBeGreaterThan(0);
  }
});
