// The preloads the index build adds to the search page (src/search/search-preloads.ts): on
// a made-up page and file set, then on the built site (what a reader's browser gets; the
// browser test checks that each one is used, once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDED_ATTR, ENTRY_FILE, entryTag, staticImports, withSearchPreloads } from '../../src/search/search-preloads.ts';
import { DIST, requireIndex } from './helpers.ts';

const ENTRY = JSON.stringify({ version: '1.6.0', languages: { zxx: { hash: 'zxx_abc123', wasm: null, page_count: 3 } } });
const FILES: Record<string, string> = {
  '/base/pagefind/pagefind-entry.json': ENTRY,
  '/base/pagefind/pagefind.zxx_abc123.pf_meta': 'meta',
  '/base/_astro/app.1.js': 'import{o as a}from"./paths.2.js";import"./side.3.js";const x=()=>import("./lazy.4.js");',
  '/base/_astro/paths.2.js': 'export const o=1;',
  '/base/_astro/side.3.js': 'import{o}from"./paths.2.js";',
};
const read = (served: string) => FILES[served] ?? null;
const PAGE =
  '<html><head><script src="/base/site.js" defer></script>' +
  '<link rel="preload" href="/base/pagefind/lexicon.json" as="fetch" crossorigin="anonymous">' +
  '<link rel="modulepreload" href="/base/pagefind/pagefind.js">' +
  '<link rel="stylesheet" href="/base/_astro/site.css"></head>' +
  '<body><div id="search-app"></div><script type="module" src="/base/_astro/app.1.js"></script></body></html>';
const links = (html: string) => [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);

describe('search page preloads added by the index build', () => {
  it('names the entry file under a tag that is a hash of it, the metadata file it names, and the page modules', () => {
    const out = withSearchPreloads(PAGE, '/base/', read)!;
    const tag = entryTag(ENTRY);
    expect(tag).toMatch(/^[0-9a-f]{16}$/);
    expect(out.added).toEqual([
      '/base/_astro/app.1.js',
      '/base/_astro/paths.2.js',
      '/base/_astro/side.3.js',
      `/base/pagefind/${ENTRY_FILE}?ts=${tag}`,
      '/base/pagefind/pagefind.zxx_abc123.pf_meta',
    ]);
    // Modules first (the search starts from them), Pagefind's files after the page's own preloads.
    expect(links(out.html).map((l) => l.match(/href="([^"]+)"/)![1])).toEqual([
      '/base/_astro/app.1.js',
      '/base/_astro/paths.2.js',
      '/base/_astro/side.3.js',
      '/base/pagefind/lexicon.json',
      '/base/pagefind/pagefind.js',
      `/base/pagefind/${ENTRY_FILE}?ts=${tag}`,
      '/base/pagefind/pagefind.zxx_abc123.pf_meta',
      '/base/_astro/site.css',
    ]);
    // Fetched as pagefind.js fetches them (CORS, same-origin credentials), so the preloads are used.
    for (const l of links(out.html).filter((l) => l.includes('rel="preload"'))) expect(l).toMatch(/as="fetch" crossorigin="anonymous"/);
    // A dynamic import is loaded on demand, not preloaded.
    expect(out.added.some((a) => a.includes('lazy'))).toBe(false);
  });

  it('replaces what an earlier run added, and a changed index changes the tag', () => {
    const once = withSearchPreloads(PAGE, '/base/', read)!.html;
    expect(withSearchPreloads(once, '/base/', read)!.html).toBe(once);
    const changed = JSON.stringify({ version: '1.6.0', languages: { zxx: { hash: 'zxx_def456', wasm: null, page_count: 4 } } });
    const again = withSearchPreloads(once, '/base/', (p) => (p.endsWith(ENTRY_FILE) ? changed : p.endsWith('zxx_def456.pf_meta') ? 'meta' : read(p)))!;
    expect(again.added).toContain(`/base/pagefind/${ENTRY_FILE}?ts=${entryTag(changed)}`);
    expect(again.added).toContain('/base/pagefind/pagefind.zxx_def456.pf_meta');
    expect(again.html).not.toContain(entryTag(ENTRY));
    expect(links(again.html).filter((l) => l.includes(ADDED_ATTR))).toHaveLength(5);
  });

  it('leaves a page without preloads of the site bundle alone (a site built in shards), and one whose bundle has no entry file', () => {
    const sharded = PAGE.replace(/<link rel="(?:module)?preload"[^>]*>/g, '');
    expect(withSearchPreloads(sharded, '/base/', read)).toBeNull();
    expect(withSearchPreloads(PAGE, '/base/', (p) => (p.endsWith(ENTRY_FILE) ? null : read(p)))).toBeNull();
  });

  it('reads static imports from minified modules, not dynamic ones', () => {
    expect(staticImports('import{a as b,c}from"./x.js";import"./y.js";import * as z from \'../z.js\';f(import("./d.js"))')).toEqual(['./x.js', './y.js', '../z.js']);
  });

  it('on the built site, the search page preloads the entry file under the hash of the one built, and the metadata file it names', () => {
    requireIndex();
    const html = readFileSync(join(DIST, 'search', 'index.html'), 'utf8');
    const entry = readFileSync(join(DIST, 'pagefind', ENTRY_FILE), 'utf8');
    const hrefs = links(html).filter((l) => l.includes(ADDED_ATTR)).map((l) => l.match(/href="([^"]+)"/)![1]);
    expect(hrefs).toContain(`/pagefind/${ENTRY_FILE}?ts=${entryTag(entry)}`);
    const hash = JSON.parse(entry).languages.zxx.hash;
    expect(hrefs).toContain(`/pagefind/pagefind.${hash}.pf_meta`);
    const script = html.match(/<script\b[^>]*type="module"[^>]*src="([^"]+)"/)![1];
    expect(hrefs).toContain(script);
  });
});
