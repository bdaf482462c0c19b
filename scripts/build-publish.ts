/**
 * The last step of `npm run build`, after Astro and the search index: the files that
 * describe the built site as a whole, written into dist/.
 *
 * - sitemap.xml (an index of sitemap-N.xml past 50,000 pages): every page that declares a
 *   canonical address, by that address;
 * - robots.txt naming it;
 * - _headers: the security and cache headers, for hosts that read that file.
 *
 *   tsx scripts/build-publish.ts [--dist <dir>]
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { headersFile } from '../src/publish/headers.ts';
import { basePath, siteRoot } from '../src/publish/site-address.ts';
import { canonicalOf, robotsTxt, sitemapFiles } from '../src/publish/sitemap.ts';

const { values: args } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const DIST = path.resolve(args.dist!);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

const pages = htmlFiles(DIST).map((f) => canonicalOf(readFileSync(f, 'utf8'))).filter((u): u is string => u !== null);
const root = siteRoot();
for (const old of readdirSync(DIST).filter((n) => /^sitemap(-\d+)?\.xml$/.test(n))) rmSync(path.join(DIST, old));
const sitemaps = sitemapFiles(pages, root);
for (const file of sitemaps) writeFileSync(path.join(DIST, file.name), file.xml);
writeFileSync(path.join(DIST, 'robots.txt'), robotsTxt(root));
writeFileSync(path.join(DIST, '_headers'), headersFile(basePath()));
console.log(`build-publish: ${pages.length} pages in ${sitemaps.length === 1 ? 'sitemap.xml' : `${sitemaps.length - 1} sitemaps and an index`}; robots.txt, _headers (site ${root})`);
