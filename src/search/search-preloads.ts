/**
 * The search page's preloads that only the built site can name, added to
 * <dist>/search/index.html once the index is written (scripts/build-index.ts): `npm run build`
 * renders the page before Pagefind runs, so the page itself (src/pages/search.astro) can
 * only preload the files whose names are fixed.
 *
 * - Pagefind's entry file. pagefind.js asks for it as `pagefind-entry.json?ts=<now>`, a new
 *   address on every load, which no preload can name; with Pagefind's `metaCacheTag` option
 *   it asks for `?ts=<tag>` instead. The tag is a hash of the entry file, so it changes
 *   whenever the index does (and the host revalidates the file anyway: it is not immutable,
 *   src/publish/headers.ts). The page script reads the tag back from this preload.
 * - Pagefind's metadata file (pagefind.<language>_<hash>.pf_meta), named in the entry file.
 * - The page's module script and the modules it imports (the chunk it shares with other
 *   pages): the script sits in <body>, and its imports are found only once it has arrived.
 *
 * Without them (a page not built with the index, or one built in shards, whose search
 * starts from the province it is filtered to) the search works as before, a round trip or
 * two later. Running it again replaces what an earlier run added.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export const ENTRY_FILE = 'pagefind-entry.json';
/** The language our records are indexed under (build-index: forceLanguage 'zxx'); the page searches it. */
export const INDEX_LANGUAGE = 'zxx';
/** Marks the links added here, so a second run replaces them. */
export const ADDED_ATTR = 'data-index-preload';

/** The cache tag of an entry file: the start of its SHA-256, in hex. */
export const entryTag = (entry: string | Buffer): string => createHash('sha256').update(entry).digest('hex').slice(0, 16);

/** Relative static imports of a built ES module (`import{a}from"./x.js"`, `import"./y.js"`); not import(). */
export const staticImports = (js: string): string[] =>
  [...js.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]);

export interface SearchPreloads {
  /** The page with the links added (or replaced). */
  html: string;
  /** What the added links point to, in document order. */
  added: string[];
}

/**
 * The search page with the preloads added around its own preloads of `<base>pagefind/` files
 * (its modules before them, Pagefind's entry and metadata after them); null when it has none (not the search page of a site built in one piece).
 * `readFile` reads a file of the built site by its served path (base included).
 */
export function withSearchPreloads(html: string, base: string, readFile: (served: string) => string | null): SearchPreloads | null {
  const page = html.replace(new RegExp(`<link\\b[^>]*\\b${ADDED_ATTR}\\b[^>]*>`, 'g'), '');
  const bundle = `${base}pagefind/`;
  const own = [...page.matchAll(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/g)].filter((m) => m[0].includes(`href="${bundle}`));
  if (!own.length) return null;
  const entry = readFile(`${bundle}${ENTRY_FILE}`);
  if (entry === null) return null;
  const links: { tag: string; href: string }[] = [];
  const fetchLink = (href: string, extra = '') => links.push({ href, tag: `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous" ${ADDED_ATTR}${extra}>` });
  const tag = entryTag(entry);
  fetchLink(`${bundle}${ENTRY_FILE}?ts=${tag}`);
  const hash = (JSON.parse(entry) as { languages?: Record<string, { hash?: string }> }).languages?.[INDEX_LANGUAGE]?.hash;
  if (hash && readFile(`${bundle}pagefind.${hash}.pf_meta`) !== null) fetchLink(`${bundle}pagefind.${hash}.pf_meta`);
  // The page's module script (in <body>, so found late) and its static imports, and theirs:
  // first, as the search starts from them.
  const modules: { tag: string; href: string }[] = [];
  const seen = new Set<string>();
  const follow = (script: string) => {
    if (seen.has(script) || readFile(script) === null) return;
    seen.add(script);
    modules.push({ href: script, tag: `<link rel="modulepreload" href="${script}" ${ADDED_ATTR}>` });
    for (const rel of staticImports(readFile(script)!)) follow(posix.join(posix.dirname(script), rel));
  };
  for (const m of page.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) if (m[1].startsWith(base)) follow(m[1]);
  const first = own[0].index!;
  const last = own[own.length - 1];
  const end = last.index! + last[0].length;
  const join = (ls: { tag: string }[]) => ls.map((l) => l.tag).join('');
  return {
    html: page.slice(0, first) + join(modules) + page.slice(first, end) + join(links) + page.slice(end),
    added: [...modules, ...links].map((l) => l.href),
  };
}

/** Adds the preloads to <dist>/search/index.html; returns what was added, or null when nothing was. */
export function writeSearchPreloads(dist: string, base: string): string[] | null {
  const file = join(dist, 'search', 'index.html');
  if (!existsSync(file)) return null;
  const readFile = (served: string): string | null => {
    if (!served.startsWith(base)) return null;
    const path = join(dist, served.slice(base.length));
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  };
  const result = withSearchPreloads(readFileSync(file, 'utf8'), base, readFile);
  if (!result) return null;
  writeFileSync(file, result.html);
  return result.added;
}
