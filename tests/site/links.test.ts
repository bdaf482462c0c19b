// The built pages as files: every internal link and anchor resolves, nothing is loaded
// from another site, and every page has the same accessible frame.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities, DIST, distFiles, htmlFiles, idsOf, readCatalog, readDist, requireDist, urlOf } from './site';

beforeAll(() => {
  requireDist();
});

/** The file a root-relative URL path is served from (directory → index.html). */
function fileFor(urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath);
  const candidates = clean.endsWith('/') ? [clean + 'index.html'] : [clean, clean + '/index.html'];
  for (const c of candidates) {
    const full = path.join(DIST, c);
    if (full.startsWith(DIST) && existsSync(full) && !full.endsWith(path.sep)) return path.relative(DIST, full).split(path.sep).join('/');
  }
  return null;
}

const idCache = new Map<string, Set<string>>();
const idsIn = (file: string) => {
  let ids = idCache.get(file);
  if (!ids) idCache.set(file, (ids = new Set(idsOf(readDist(file)))));
  return ids;
};

describe('links', () => {
  it('every internal href and src resolves to a file in dist, and every #anchor to an id there', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles()) {
      const html = readDist(file);
      const base = `http://site${urlOf(file)}`;
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = decodeEntities(m[1]);
        if (/^(https?:|mailto:|tel:|data:|\/\/)/i.test(raw)) continue; // checked below
        const url = new URL(raw, base);
        const target = url.pathname === new URL(base).pathname && raw.startsWith('#') ? file : fileFor(url.pathname);
        checked++;
        if (!target) {
          broken.push(`${file}: ${raw} (no file)`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith('.html') && !idsIn(target).has(anchor)) broken.push(`${file}: ${raw} (no id "${anchor}" in ${target})`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('makes no third-party requests: no absolute http(s) URLs in src, href of stylesheets/scripts, or CSS', () => {
    const offenders: string[] = [];
    for (const file of htmlFiles()) {
      const html = readDist(file);
      // The canonical link names the page's public address; a browser never fetches it.
      const fetched = html.replace(/<link rel="canonical" href="[^"]*">/g, '');
      for (const m of fetched.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*\s(?:src|href)="((?:https?:)?\/\/[^"]*)"/gi)) offenders.push(`${file}: ${m[2]}`);
    }
    for (const css of distFiles().filter((f) => f.endsWith('.css'))) {
      for (const m of readDist(css).matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]*)/gi)) offenders.push(`${css}: ${m[1]}`);
      expect(readDist(css)).not.toMatch(/@import/);
    }
    expect(offenders).toEqual([]);
  });
});

describe('every page', () => {
  const pages = () => htmlFiles().map((file) => ({ file, html: readDist(file) }));

  it('has lang zh-CN, landmarks, a skip link, exactly one h1 and a search form (in the header but on the search page)', () => {
    for (const { file, html } of pages()) {
      expect(html, file).toMatch(/<html lang="zh-CN"/);
      for (const tag of ['header', 'nav', 'main', 'footer']) expect(html.match(new RegExp(`<${tag}\\b`, 'g'))?.length ?? 0, `${file} <${tag}>`).toBeGreaterThan(0);
      expect(html.match(/<main\b/g), file).toHaveLength(1);
      expect(html.match(/<h1\b/g), `${file}: exactly one h1`).toHaveLength(1);
      expect(html, file).toContain('<a class="skip-link" href="#main">跳到正文</a>');
      const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
      // The search page has its own box in <main>; a second one in its header would only confuse.
      const searchForm = file === 'search/index.html' ? html : header;
      expect(searchForm, file).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"[^>]*method="get"/);
      expect(searchForm, file).toMatch(/<input[^>]*name="q"/);
      expect(header, file).toMatch(/aria-pressed="false">大字</);
      expect(header, file).toMatch(/aria-pressed="false">高对比度</);
    }
  });

  it('heading levels never skip (h2 after h1, h3 after h2 …)', () => {
    for (const { file, html } of pages()) {
      const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1], `${file}: h${levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('shows the draft notice on every page of a draft plan, and a draft badge wherever a draft plan is named', () => {
    const drafts = readCatalog().filter((e) => e.status !== '正式');
    let named = 0;
    expect(drafts.map((d) => d.slug).sort()).toEqual(['beihai', 'dengkou']);
    for (const { file, html } of pages()) {
      for (const d of drafts) {
        if (file.startsWith(`plans/${d.slug}/`)) {
          expect(html, file).toContain('class="notice notice-draft"');
          expect(html, file).toContain(`草案：${d.status}`);
        }
        // Elsewhere, the plan's short name or title as a whole text node must have a badge right next to it.
        if (file.startsWith(`plans/${d.slug}/`)) continue;
        for (const name of [d.shortName, d.title]) {
          for (const m of html.matchAll(new RegExp(`>\\s*${name}\\s*<`, 'g'))) {
            named++;
            const around = html.slice(Math.max(0, m.index! - 300), m.index! + 400);
            expect(around, `${file}: “${name}” without a draft badge`).toMatch(new RegExp(`草案：${d.status}|（草案）`));
          }
        }
      }
    }
    // Lists on the home, area, indicator, box and topic pages name the drafts many times.
    expect(named).toBeGreaterThan(50);
  });

  it('the search page has the #search-app slot and a noscript fallback to the area pages', () => {
    const html = readDist('search/index.html');
    expect(html).toContain('<div id="search-app"');
    const noscript = html.slice(html.indexOf('<noscript>'), html.indexOf('</noscript>'));
    expect(noscript.match(/href="\/areas\/[a-z]+\/"/g)).toHaveLength(6);
  });

  it('the 404 page exists at /404.html and links with root paths only', () => {
    const html = readDist('404.html');
    // No relative links (it is served at any path); absolute ones, like the footer's
    // report address (content/site.yaml), work from anywhere.
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) expect(m[1], m[1]).toMatch(/^(\/|#|https:\/\/|mailto:)/);
  });
});

// Pages with text to read aloud (plan overview and area pages, topic pages) also load /listen.js (朗读).
// Topic pages include a topic's per-province pages (entitlements/<topic>/<province>/[<n>/]) on a large site.
const LISTEN_PAGE = /^(plans\/[^/]+\/(?!source\/)([^/]+\/)?|entitlements\/[^/]+\/([^/]+\/(\d+\/)?)?|boxes\/([^/]+\/(\d+\/)?)?)index\.html$/;

it('reading pages load one stylesheet and only the tiny site.js (no framework JS), and listen.js where there is text to read', () => {
  const sheets = new Set<string>();
  for (const file of htmlFiles()) {
    if (file.startsWith('search/')) continue; // the search page may load the search engine
    if (file.startsWith('finder/')) continue; // the finder loads its own small module (tests/site/finder.test.ts)
    const html = readDist(file);
    const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    // A topic page listing plans of several provinces also loads its province filter.
    const filter = html.includes('data-region-filter') ? ['/region-filter.js'] : [];
    expect(scripts, file).toEqual([...(LISTEN_PAGE.test(file) ? ['/site.js', '/listen.js'] : ['/site.js']), ...filter]);
    // Inline scripts: only the display-settings snippet in <head>.
    const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline, file).toHaveLength(1);
    expect(inline[0].length, file).toBeLessThan(400);
    const links = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(links, file).toHaveLength(1);
    sheets.add(links[0]);
    expect(html, `${file}: no <style> blocks, all CSS is in the one file`).not.toMatch(/<style\b/);
  }
  expect(sheets.size).toBe(1);
  // site.js copies, shares, switches display modes and shows where a linked clause sits
  // (about 3 KB gzip); 朗读 is in its own file, loaded only where there is text to read.
  expect(readFileSync(path.join(DIST, 'site.js'), 'utf8').length).toBeLessThan(9000);
  expect(readFileSync(path.join(DIST, 'listen.js'), 'utf8').length).toBeLessThan(9000);
  expect(readFileSync(path.join(DIST, 'region-filter.js'), 'utf8').length).toBeLessThan(3000);
});
