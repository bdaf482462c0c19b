/**
 * The product search over a BUILT index, from Node (CLI, eval, tests): the same lexicon,
 * segmenter, aliases, query plan and engine as the browser, on dist/pagefind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readTopicsFile } from '../model/topic.ts';
import { readFacets } from './corpus.ts';
import { cachedRefSource, REFS_DIR } from './cited.ts';
import { SearchEngine } from './engine.ts';
import { decodeLexicon, LEXICON_FILE, type Lexicon, type LexiconJson } from './lexicon.ts';
import { bootPagefind, type NodePagefind } from './pagefind-node.ts';
import { placesFile, type PlacesSource } from './places.ts';
import { decodeSounds, SOUNDS_FILE } from './sounds.ts';
import type { Facets } from './params.ts';

export function missingIndexMessage(dist: string): string {
  return `no search index at ${join(dist, 'pagefind')}: run \`npm run build\` (or \`npm run index\` after \`astro build\`) first`;
}

export function readLexicon(dist: string): Lexicon {
  const file = join(dist, 'pagefind', LEXICON_FILE);
  if (!existsSync(file)) throw new Error(missingIndexMessage(dist));
  return decodeLexicon(JSON.parse(readFileSync(file, 'utf8')) as LexiconJson);
}

export interface BuiltSearch {
  engine: SearchEngine;
  pagefind: NodePagefind;
  lexicon: Lexicon;
  facets: Facets;
  /** The place files (a county or city named in a question picks its plan, src/search/places.ts). */
  places: PlacesSource;
  close(): Promise<void>;
}

export async function openBuiltSearch(root: string, dist = join(root, 'dist')): Promise<BuiltSearch> {
  const d = resolve(root, dist);
  if (!existsSync(join(d, 'pagefind', 'pagefind.js'))) throw new Error(missingIndexMessage(d));
  const lexicon = readLexicon(d);
  const pagefind = await bootPagefind(join(d, 'pagefind'));
  return {
    engine: new SearchEngine(pagefind, lexicon, {
      refs: cachedRefSource(async (file) => JSON.parse(await readFile(join(d, 'pagefind', REFS_DIR, file), 'utf8'))),
      topics: readTopicsFile(root),
      sounds: async () => decodeSounds(await readFile(join(d, 'pagefind', SOUNDS_FILE), 'utf8')),
    }),
    pagefind,
    lexicon,
    facets: readFacets(root),
    places: async (bucket) => {
      const file = join(d, 'pagefind', REFS_DIR, placesFile(bucket));
      return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null;
    },
    close: () => pagefind.close(),
  };
}
