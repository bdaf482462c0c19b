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

/** Local files a page loads: stylesheets, scripts, images (root-relative URLs). */
function assetsOf(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<img\b[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ];
  return [...new Set(urls)].map((u) => u.replace(/^\//, ''));
}

beforeAll(() => {
  requireDist();
});

it('every page with everything it loads stays under 100 KB gzip', () => {
  const rows = htmlFiles().map((file) => {
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
