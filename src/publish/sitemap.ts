/**
 * sitemap.xml and robots.txt (https://www.sitemaps.org/protocol.html). A sitemap file may
 * hold at most 50,000 addresses; past that, sitemap.xml becomes an index of sitemap-1.xml,
 * sitemap-2.xml, … . robots.txt always names sitemap.xml, whichever it is.
 */

/** The protocol's limit of addresses per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapFile {
  /** File name in the site's root, e.g. sitemap.xml, sitemap-2.xml. */
  name: string;
  xml: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const urlset = (urls: readonly string[]) =>
  `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.map((u) => `<url><loc>${escapeXml(u)}</loc></url>\n`).join('')}</urlset>\n`;

/**
 * The sitemap files for the given absolute page addresses (sorted, so the output does not
 * depend on the order the pages were found). `siteRoot` is the site's absolute address
 * ending in `/`, where the files are published; `limit` is a parameter so a test can split
 * a small site.
 */
export function sitemapFiles(pageUrls: readonly string[], siteRoot: string, limit = SITEMAP_LIMIT): SitemapFile[] {
  if (limit < 1) throw new Error(`sitemap limit must be at least 1, not ${limit}`);
  const urls = [...new Set(pageUrls)].sort();
  if (urls.length <= limit) return [{ name: 'sitemap.xml', xml: urlset(urls) }];
  const parts: SitemapFile[] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push({ name: `sitemap-${parts.length + 1}.xml`, xml: urlset(urls.slice(i, i + limit)) });
  const index =
    `${XML_HEAD}<sitemapindex xmlns="${NS}">\n` +
    parts.map((p) => `<sitemap><loc>${escapeXml(new URL(p.name, siteRoot).href)}</loc></sitemap>\n`).join('') +
    '</sitemapindex>\n';
  return [{ name: 'sitemap.xml', xml: index }, ...parts];
}

/** robots.txt: every page may be crawled; the sitemap says which pages there are. */
export const robotsTxt = (siteRoot: string): string => `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', siteRoot).href}\n`;

/** The canonical address a built page declares, or null (a page not to be listed, like 404). */
export function canonicalOf(html: string): string | null {
  const m = /<link rel="canonical" href="([^"]+)"/.exec(html);
  return m ? m[1].replace(/&amp;/g, '&') : null;
}
