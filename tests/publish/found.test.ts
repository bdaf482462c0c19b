// Found by search engines: every built page says what it holds (description) and where it
// lives (canonical), sitemap.xml lists exactly those addresses (split with an index past the
// limit), robots.txt names it, and dist/_headers carries the headers a host should send.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile } from '../../src/publish/headers.ts';
import { basePath, siteRoot } from '../../src/publish/site-address.ts';
import { SITEMAP_LIMIT, canonicalOf, sitemapFiles } from '../../src/publish/sitemap.ts';
import { DIST, decodeEntities, htmlFiles, readDist, urlOf } from '../site/site.ts';

const root = siteRoot();
const pages = htmlFiles();
const descriptionOf = (html: string) => {
  const m = /<meta name="description" content="([^"]*)"/.exec(html);
  return m ? decodeEntities(m[1]) : null;
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1]));

describe('every built page', () => {
  it('has a description that says what it holds, each its own', () => {
    const seen = new Map<string, string>();
    for (const file of pages) {
      const d = descriptionOf(readDist(file));
      expect(d, file).not.toBeNull();
      expect(d!.length, `${file}: ${d}`).toBeGreaterThanOrEqual(12);
      expect(d, file).not.toBe('残疾人规划检索');
      expect(seen.get(d!), `${file} has the description of ${seen.get(d!)}`).toBeUndefined();
      seen.set(d!, file);
    }
  });

  it('names its canonical address, absolute under the configured site address; the not-found page instead asks not to be listed', () => {
    for (const file of pages) {
      const html = readDist(file);
      if (file === '404.html') {
        expect(canonicalOf(html)).toBeNull();
        expect(html).toContain('<meta name="robots" content="noindex">');
        continue;
      }
      expect(canonicalOf(html), file).toBe(new URL(urlOf(file).slice(1), root).href);
      expect(html, file).toContain(`<meta property="og:url" content="${canonicalOf(html)}">`);
    }
  });
});

describe('sitemap.xml and robots.txt', () => {
  const listed = pages.filter((f) => f !== '404.html').map((f) => new URL(urlOf(f).slice(1), root).href);

  it('sitemap.xml lists every listed page once, by its canonical address', () => {
    const xml = readDist('sitemap.xml');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(locs(xml).sort()).toEqual([...listed].sort());
  });

  it('robots.txt allows crawling and names the sitemap by its absolute address', () => {
    const robots = readDist('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    expect(robots).toContain(`Sitemap: ${root}sitemap.xml\n`);
  });

  it('past the limit, sitemap.xml is an index of files that together list every page once', () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const limit = 10;
    const files = sitemapFiles(listed, root, limit);
    expect(files.map((f) => f.name)).toEqual(['sitemap.xml', ...Array.from({ length: Math.ceil(listed.length / limit) }, (_, i) => `sitemap-${i + 1}.xml`)]);
    const [index, ...parts] = files;
    expect(index.xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index.xml)).toEqual(parts.map((p) => `${root}${p.name}`));
    for (const p of parts) {
      expect(p.xml).toContain('<urlset');
      expect(locs(p.xml).length).toBeLessThanOrEqual(limit);
    }
    expect(parts.flatMap((p) => locs(p.xml)).sort()).toEqual([...listed].sort());
    // At the limit exactly, one file.
    expect(sitemapFiles(listed.slice(0, limit), root, limit).map((f) => f.name)).toEqual(['sitemap.xml']);
  });

  it('escapes addresses for XML', () => {
    const [file] = sitemapFiles(['https://example.org/a?b=1&c=2'], 'https://example.org/');
    expect(file.xml).toContain('<loc>https://example.org/a?b=1&amp;c=2</loc>');
  });
});

describe('dist/_headers', () => {
  it('is the headers of src/publish/headers.ts for the base path built', () => {
    expect(readFileSync(path.join(DIST, '_headers'), 'utf8')).toBe(headersFile(basePath()));
  });
});
