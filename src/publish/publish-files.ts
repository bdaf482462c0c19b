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

/** The sitemap(s), robots.txt and _headers of a site with these pages (their HTML, read one at a time); a summary line. */
export function publishFilesOf(pagesHtml: Iterable<string>): { files: { name: string; text: string }[]; summary: string } {
  const pages: string[] = [];
  for (const html of pagesHtml) {
    const url = canonicalOf(html);
    if (url !== null) pages.push(url);
  }
  const root = siteRoot();
  const sitemaps = sitemapFiles(pages, root);
  return {
    files: [...sitemaps.map((s) => ({ name: s.name, text: s.xml })), { name: 'robots.txt', text: robotsTxt(root) }, { name: '_headers', text: headersFile(basePath()) }],
    summary: `${pages.length} pages in ${sitemaps.length === 1 ? 'sitemap.xml' : `${sitemaps.length - 1} sitemaps and an index`}; robots.txt, _headers (site ${root})`,
  };
}

/** Writes sitemap(s), robots.txt and _headers into `dist`; returns the files written and a summary line. */
export function writePublishFiles(dist: string): { files: string[]; summary: string } {
  const published = publishFilesOf(htmlFiles(dist).map((f) => readFileSync(f, 'utf8')));
  for (const old of readdirSync(dist).filter((n) => /^sitemap(-\d+)?\.xml$/.test(n))) rmSync(path.join(dist, old));
  for (const file of published.files) writeFileSync(path.join(dist, file.name), file.text);
  return { files: published.files.map((f) => f.name), summary: published.summary };
}
