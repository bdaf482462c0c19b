/**
 * Shared setup for the search tests: the real corpus, the BUILT site and index (tests
 * assume `npm run build` already ran; `npm test` does). SEARCH_TEST_DIST points them at
 * another build folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/search/corpus.ts';
import type { Filters } from '../../src/search/engine.ts';
import { openBuiltSearch, type BuiltSearch } from '../../src/search/node.ts';
import { plansInScope } from '../../src/search/params.ts';
import { readPage, type PageText } from '../../src/search/eval/html.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = resolve(ROOT, process.env.SEARCH_TEST_DIST ?? 'dist');

/** Fails with a clear message when the site or its search index was not built. */
export function requireIndex(): string {
  for (const f of ['pagefind/pagefind.js', 'pagefind/lexicon.json', 'search/index.html']) {
    if (!existsSync(join(DIST, f))) {
      throw new Error(
        `${join(DIST, f)} not found: build the site and its search index first with \`npm run build\` ` +
          '(or `npm test`, which builds).',
      );
    }
  }
  return DIST;
}

/**
 * The built search, opened for the tests of one file: `built()` is the engine, lexicon and
 * facets; `search(q, filters)` runs a query with every plan of the filters in scope, as the page does.
 */
export function builtSearch() {
  let s: BuiltSearch | undefined;
  beforeAll(async () => {
    requireIndex();
    s = await openBuiltSearch(ROOT, DIST);
  });
  afterAll(() => s?.close());
  const built = (): BuiltSearch => s!;
  const search = (q: string, filters: Filters = {}) => built().engine.search(q, { filters, plans: plansInScope(built().facets, filters) });
  return { built, search };
}

let corpus: Corpus | undefined;
export const realCorpus = (): Corpus => (corpus ??= loadCorpus(ROOT));

const pages = new Map<string, PageText | null>();
/** A built page by URL path (/plans/x/y/), parsed; null when missing. */
export function builtPage(path: string): PageText | null {
  if (!pages.has(path)) {
    const file = join(DIST, path.replace(/^\//, ''), 'index.html');
    pages.set(path, existsSync(file) ? readPage(readFileSync(file, 'utf8')) : null);
  }
  return pages.get(path)!;
}

/** Deterministic pseudo-random numbers for samples. */
export function rng(seed = 42): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export const squash = (s: string) => s.replace(/\s+/g, '');
