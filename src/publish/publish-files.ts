/**
 * The files that describe a built site as a whole, written into its folder: the last step
 * of `npm run build` (scripts/build-publish.ts) and of the assembly of a sharded build
 * (scripts/assemble-shards.ts), so both write the same files for the same pages.
 *
 * - sitemap.xml (an index of sitemap-N.xml past 50,000 pages): every page that declares a
 *   canonical address, by that address;
 * - robots.txt naming it;
 * - _headers: the security and cache headers, for hosts that read that file.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { headersFile } from './headers.ts';
import { basePath, siteRoot } from './site-address.ts';
import { canonicalOf, robotsTxt, sitemapFiles } from './sitemap.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return htmlFiles(full);
      return name.endsWith('.html') ? [full] : [];
    });
}

/** Writes sitemap(s), robots.txt and _headers into `dist`; returns the files written and a summary line. */
export function writePublishFiles(dist: string): { files: string[]; summary: string } {
  const pages = htmlFiles(dist)
    .map((f) => canonicalOf(readFileSync(f, 'utf8')))
    .filter((u): u is string => u !== null);
  const root = siteRoot();
  for (const old of readdirSync(dist).filter((n) => /^sitemap(-\d+)?\.xml$/.test(n))) rmSync(path.join(dist, old));
  const sitemaps = sitemapFiles(pages, root);
  for (const file of sitemaps) writeFileSync(path.join(dist, file.name), file.xml);
  writeFileSync(path.join(dist, 'robots.txt'), robotsTxt(root));
  writeFileSync(path.join(dist, '_headers'), headersFile(basePath()));
  return {
    files: [...sitemaps.map((s) => s.name), 'robots.txt', '_headers'],
    summary: `${pages.length} pages in ${sitemaps.length === 1 ? 'sitemap.xml' : `${sitemaps.length - 1} sitemaps and an index`}; robots.txt, _headers (site ${root})`,
  };
}
