/**
 * The query dictionary shipped next to the index (dist/pagefind/lexicon.json): every word
 * the index holds (content tokens and sub-words, Latin words normalised as Pagefind does),
 * the curated terms, the compiled alias table (synonyms, everyday words, near forms) and
 * the question words to drop or make optional. The browser and the CLI build their
 * segmenter, their question handling and their "does the index know this prefix?" check
 * from it.
 */
import type { QuestionRoles, Sense } from './question-words.ts';
import { makeSegmenter, type Segmenter, type SegmenterAlgo } from './segmenter.ts';
import type { ShardWordsInfo } from './shard-words.ts';
import type { AliasTable } from './synonyms.ts';
import { hasHan } from './text.ts';

export const LEXICON_FILE = 'lexicon.json';
export const LEXICON_VERSION = 3;

export interface LexiconJson {
  v: number;
  /** Indexed words, sorted, one per line. */
  words: string;
  /**
   * Curated terms not in the index (kept whole by the query segmenter only), one per line,
   * except those the file already names as alias keys or question words: the decoder adds
   * those itself (`derivedTerms`), so each is sent once (the everyday vocabulary is most of
   * them).
   */
  extra: string;
  /** Alias keys and question words that are NOT in the segmenter's dictionary (neither curated nor indexed), one per line. */
  notTerms: string;
  aliases: AliasTable;
  /** Question words dropped from queries, one per line. */
  drop: string;
  /** Helper words that rank but are not required, one per line. */
  soft: string;
  /** A person's case, ranking only when told before the question (content/questions.yaml `story`), one per line. */
  story?: string;
  /** Words whose meaning depends on the question around them (content/questions.yaml `senses`). */
  senses?: Record<string, Sense[]>;
  /** Number of records in the index (how common a word is = its records / this). */
  records: number;
  /** The national dictionary of a site built in shards: where its word → provinces table is (src/search/shard-words.ts). */
  shardWords?: ShardWordsInfo;
}

/** The form Pagefind stores a word in: lowercase, letters and digits only. */
export const indexForm = (w: string): string => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function encodeLexicon(
  indexWords: Iterable<string>,
  curated: Iterable<string>,
  aliases: AliasTable,
  extra: { drop?: readonly string[]; soft?: readonly string[]; senses?: Record<string, Sense[]>; story?: readonly string[]; records?: number } = {},
): LexiconJson {
  const words = [...new Set([...indexWords].map(indexForm).filter(Boolean))].sort();
  const have = new Set(words);
  const known = new Set([...curated].filter((w) => !have.has(w)));
  const lines = (ws: Iterable<string> = []) => [...new Set(ws)].sort().join('\n');
  const derived = derivedTerms(aliases, extra.drop ?? [], extra.soft ?? []);
  return {
    v: LEXICON_VERSION,
    words: words.join('\n'),
    extra: lines([...known].filter((w) => !derived.has(w))),
    notTerms: lines([...derived].filter((w) => !known.has(w) && !have.has(w))),
    aliases,
    drop: lines(extra.drop),
    soft: lines(extra.soft),
    ...(extra.senses && Object.keys(extra.senses).length ? { senses: extra.senses } : {}),
    ...(extra.story?.length ? { story: lines(extra.story) } : {}),
    records: extra.records ?? 0,
  };
}

/** The terms a lexicon names anyway: its alias keys and question words (Han only, as curated terms are). */
function derivedTerms(aliases: AliasTable, drop: Iterable<string>, soft: Iterable<string>): Set<string> {
  return new Set([...Object.keys(aliases), ...drop, ...soft].filter(hasHan));
}

const linesOf = (text: string | undefined): string[] => (text ? text.split('\n') : []);

export interface Lexicon {
  /** Sorted indexed words. */
  words: string[];
  /** Every word the query segmenter knows: indexed words with Han, curated terms, question words. */
  dictionary: string[];
  aliases: AliasTable;
  /** Question words to drop and helper words to make optional. */
  roles: QuestionRoles;
  /** Records in the index (0 when unknown). */
  records: number;
  segment: Segmenter;
  /** Whether some indexed word starts with `prefix` (so Pagefind will not fall back to a shorter word). */
  hasPrefix(prefix: string): boolean;
  /** Indexed words that start with `prefix`, in index order. */
  extensions(prefix: string): string[];
  /** Indexed words that contain `part` (shortest first), for the no-result fallback. */
  containing(part: string, max?: number): string[];
  /**
   * Indexed words one character away from a Han word the index does not hold: one character
   * inserted inside it (残疾证 → 残疾人证), or, for words of three or more characters, one
   * replaced (乘车证 → 乘坐证). The first and last characters stay, so the word's head and
   * kind do not change.
   */
  nearForms(word: string, max?: number): string[];
}

export function decodeLexicon(json: LexiconJson, algo: SegmenterAlgo = 'bimm'): Lexicon {
  if (json.v !== LEXICON_VERSION) throw new Error(`lexicon version ${json.v}, expected ${LEXICON_VERSION}`);
  const words = linesOf(json.words);
  const notTerms = new Set(linesOf(json.notTerms));
  const derived = [...derivedTerms(json.aliases, linesOf(json.drop), linesOf(json.soft))].filter((w) => !notTerms.has(w));
  const dictionary = [...words.filter(hasHan), ...linesOf(json.extra), ...derived];
  const segment = makeSegmenter(dictionary, algo);
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
  const nearForms = (word: string, max = 4): string[] => {
    const w = [...indexForm(word)];
    if (w.length < 2 || !/^\p{Script=Han}+$/u.test(w.join(''))) return [];
    const out: string[] = [];
    for (const cand of words) {
      const c = [...cand];
      if (c[0] !== w[0] || c[c.length - 1] !== w[w.length - 1]) continue;
      if (c.length === w.length + 1) {
        // Inserted inside: dropping one inner character of the candidate gives the word.
        if (c.some((_x, i) => i > 0 && i < c.length - 1 && c.slice(0, i).concat(c.slice(i + 1)).join('') === w.join(''))) out.push(cand);
      } else if (c.length === w.length && w.length >= 3 && cand !== w.join('')) {
        if (c.filter((x, i) => x !== w[i]).length === 1) out.push(cand);
      }
      if (out.length >= max) break;
    }
    return out;
  };
  const set = (lines: string) => new Set(lines ? lines.split('\n') : []);
  const roles = { drop: set(json.drop), soft: set(json.soft), senses: new Map(Object.entries(json.senses ?? {})), story: set(json.story ?? '') };
  return { words, dictionary, aliases: json.aliases, roles, records: json.records, segment, hasPrefix, extensions, containing, nearForms };
}

/**
 * The query dictionary of several indexes searched as one (a national search merging the
 * province shards' bundles): every shard's words, the curated terms none of them holds,
 * and their records summed. Aliases and question words are curated, the same in every
 * shard; they are taken from the first.
 */
export function mergeLexicons(lexicons: readonly LexiconJson[]): LexiconJson {
  if (!lexicons.length) throw new Error('mergeLexicons: no lexicon to merge');
  for (const l of lexicons) if (l.v !== LEXICON_VERSION) throw new Error(`lexicon version ${l.v}, expected ${LEXICON_VERSION}`);
  const words = [...new Set(lexicons.flatMap((l) => linesOf(l.words)))].sort();
  const have = new Set(words);
  // A term missing from one shard's index is curated-only there: the union, less what any shard indexes.
  const unionLess = (pick: (l: LexiconJson) => string) => [...new Set(lexicons.flatMap((l) => linesOf(pick(l))))].filter((w) => !have.has(w)).sort().join('\n');
  const [first] = lexicons;
  return {
    v: LEXICON_VERSION,
    words: words.join('\n'),
    extra: unionLess((l) => l.extra),
    notTerms: unionLess((l) => l.notTerms),
    aliases: first.aliases,
    drop: first.drop,
    soft: first.soft,
    ...(first.senses ? { senses: first.senses } : {}),
    ...(first.story ? { story: first.story } : {}),
    records: lexicons.reduce((n, l) => n + l.records, 0),
  };
}
