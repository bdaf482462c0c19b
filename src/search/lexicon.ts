/**
 * The query dictionary shipped next to the index (dist/pagefind/lexicon.json): every word
 * the index holds (content tokens and sub-words, Latin words normalised as Pagefind does),
 * the curated terms, and the compiled alias table. The browser and the CLI build their
 * segmenter and their "does the index know this prefix?" check from it.
 */
import { makeSegmenter, type Segmenter, type SegmenterAlgo } from './segmenter.ts';
import type { AliasTable } from './synonyms.ts';
import { hasHan } from './text.ts';

export const LEXICON_FILE = 'lexicon.json';
export const LEXICON_VERSION = 1;

export interface LexiconJson {
  v: number;
  /** Indexed words, sorted, one per line. */
  words: string;
  /** Curated terms not in the index (kept whole by the query segmenter only). */
  extra: string;
  aliases: AliasTable;
}

/** The form Pagefind stores a word in: lowercase, letters and digits only. */
export const indexForm = (w: string): string => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function encodeLexicon(indexWords: Iterable<string>, curated: Iterable<string>, aliases: AliasTable): LexiconJson {
  const words = [...new Set([...indexWords].map(indexForm).filter(Boolean))].sort();
  const have = new Set(words);
  const extra = [...new Set(curated)].filter((w) => !have.has(w)).sort();
  return { v: LEXICON_VERSION, words: words.join('\n'), extra: extra.join('\n'), aliases };
}

export interface Lexicon {
  /** Sorted indexed words. */
  words: string[];
  aliases: AliasTable;
  segment: Segmenter;
  /** Whether some indexed word starts with `prefix` (so Pagefind will not fall back to a shorter word). */
  hasPrefix(prefix: string): boolean;
  /** Indexed words that start with `prefix`, in index order. */
  extensions(prefix: string): string[];
  /** Indexed words that contain `part` (shortest first), for the no-result fallback. */
  containing(part: string, max?: number): string[];
}

export function decodeLexicon(json: LexiconJson, algo: SegmenterAlgo = 'bimm'): Lexicon {
  if (json.v !== LEXICON_VERSION) throw new Error(`lexicon version ${json.v}, expected ${LEXICON_VERSION}`);
  const words = json.words ? json.words.split('\n') : [];
  const extra = json.extra ? json.extra.split('\n') : [];
  const segment = makeSegmenter([...words.filter(hasHan), ...extra], algo);
  const lowerBound = (p: string) => {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const hasPrefix = (prefix: string): boolean => {
    const p = indexForm(prefix);
    if (!p) return false;
    const i = lowerBound(p);
    return i < words.length && words[i].startsWith(p);
  };
  const extensions = (prefix: string): string[] => {
    const p = indexForm(prefix);
    const out: string[] = [];
    if (!p) return out;
    for (let i = lowerBound(p); i < words.length && words[i].startsWith(p); i++) out.push(words[i]);
    return out;
  };
  const containing = (part: string, max = 6): string[] => {
    const p = indexForm(part);
    if (!p) return [];
    return words
      .filter((w) => w !== p && w.includes(p))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, max);
  };
  return { words, aliases: json.aliases, segment, hasPrefix, extensions, containing };
}
