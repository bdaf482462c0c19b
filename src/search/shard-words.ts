/**
 * The word → bundles table of a site built in shards (issue 12): which Pagefind bundles
 * hold each indexed word, and in how many records. A bundle is a group of whole plans of
 * one province (src/search/bundles.ts; its id `<province>/<n>`); the functions below call
 * the table's entries "shards" from when each province was one bundle. A search with words,
 * national or within a province, looks them up here and merges only the bundles that hold
 * them, the ones with the most matching records first, instead of every bundle in scope.
 *
 * One tokenizer for index and query: the table's words are each province index's own
 * vocabulary (the nodejieba tokens and sub-words build-index.ts indexed, in Pagefind's
 * form, `indexForm`), counted by build-index (`--word-counts`); the query is cut by the
 * national dictionary's segmenter (lexicon.json, the same words) into the tokens the engine
 * then searches Pagefind for, and a token reaches every word it is a prefix of, as in
 * Pagefind.
 *
 * The table is split into buckets by the word's first character, so a query fetches only
 * the buckets of its words' first characters (a few KB each, whatever the size of the
 * site): pagefind/shard-words/<n>.json. How many buckets there are and the province order
 * the entries refer to are written into the national lexicon.json (`shardWords`), which a
 * national search reads first anyway.
 */
import type { Concept } from './query.ts';
import { indexForm } from './lexicon.ts';

export const SHARD_WORDS_DIR = 'shard-words';
export const SHARD_WORDS_VERSION = 1;
/** Words a bucket holds on average: ~4 KB gzip each at 31 entries a word (a query fetches one bucket a word). */
export const WORDS_PER_BUCKET = 200;
/**
 * Entries (word, bundle) a bucket holds on average, at most: a national table of ~200
 * bundles has many more entries a word than one of 31 provinces, so it gets more buckets
 * (each of fewer first characters) and a bucket stays a few KB.
 */
export const ENTRIES_PER_BUCKET = 2000;

/** Written into the national lexicon.json: how to find a word's bucket and what its entries mean. */
export interface ShardWordsInfo {
  v: number;
  buckets: number;
  /** Bundle ids (`<province>/<n>`); an entry's number is an index into this list. */
  shards: string[];
  /**
   * Bytes of each province bundle's metadata (its .pf_meta files, in `shards` order): what
   * merging the bundle downloads before any word; it grows with the province's records.
   */
  metaBytes?: number[];
  /**
   * Mean bytes of one index chunk of each bundle (its index/*.pf_index files): what each word
   * of a query costs in a bundle it loads. Pagefind cuts a small index into few chunks of
   * ~13 KB, so a bundle's cost is its metadata plus a chunk a word, whatever its size.
   */
  chunkBytes?: number[];
}

/** One bucket file: lines "word<TAB>shard:records shard:records …", words sorted. */
export interface ShardWordsBucket {
  v: number;
  bucket: number;
  lines: string;
}

/** The bucket of a word: a hash of its first character (so every word a token is a prefix of is in the token's bucket). */
export function bucketOf(word: string, buckets: number): number {
  const first = word.codePointAt(0) ?? 0;
  return (Math.imul(first ^ (first >>> 7), 2654435761) >>> 0) % buckets;
}

/** Parses the word-counts file build-index writes (`word<TAB>records` lines); names the file and line of a bad one. */
export function parseWordCounts(text: string, file: string): Map<string, number> {
  const counts = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const m = /^([^\t]+)\t(\d+)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: expected "word<TAB>records", got ${JSON.stringify(line.slice(0, 60))}`);
    counts.set(m[1], Number(m[2]));
  });
  return counts;
}

/** The word-counts file of one index: each indexed word (index form) and the records that hold it, sorted. */
export function wordCountsText(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, n]) => `${w}\t${n}\n`).join('');
}

/** The table from every province's word counts (in the site's province order). */
export function buildShardWords(
  shards: readonly { id: string; counts: ReadonlyMap<string, number>; metaBytes?: number; chunkBytes?: number }[],
  perBucket = WORDS_PER_BUCKET,
): { info: ShardWordsInfo; files: ShardWordsBucket[] } {
  const byWord = new Map<string, string[]>();
  shards.forEach((s, i) => {
    for (const [w, n] of s.counts) {
      const entry = byWord.get(w) ?? [];
      entry.push(`${i.toString(36)}:${n.toString(36)}`);
      byWord.set(w, entry);
    }
  });
  const entries = [...byWord.values()].reduce((n, e) => n + e.length, 0);
  const buckets = Math.max(1, Math.ceil(byWord.size / perBucket), Math.ceil(entries / ENTRIES_PER_BUCKET));
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const w of [...byWord.keys()].sort()) lines[bucketOf(w, buckets)].push(`${w}\t${byWord.get(w)!.join(' ')}`);
  return {
    info: {
      v: SHARD_WORDS_VERSION,
      buckets,
      shards: shards.map((s) => s.id),
      ...(shards.every((s) => s.metaBytes !== undefined) ? { metaBytes: shards.map((s) => s.metaBytes!) } : {}),
      ...(shards.every((s) => s.chunkBytes !== undefined) ? { chunkBytes: shards.map((s) => s.chunkBytes!) } : {}),
    },
    files: lines.map((l, bucket) => ({ v: SHARD_WORDS_VERSION, bucket, lines: l.join('\n') })),
  };
}

/** A bucket's words, each with its records per province shard id. */
export function decodeBucket(json: ShardWordsBucket, info: ShardWordsInfo): Map<string, Map<string, number>> {
  if (json.v !== SHARD_WORDS_VERSION) throw new Error(`shard-words bucket ${json.bucket}: version ${json.v}, expected ${SHARD_WORDS_VERSION}`);
  const out = new Map<string, Map<string, number>>();
  for (const line of json.lines ? json.lines.split('\n') : []) {
    const [word, entries] = line.split('\t');
    out.set(word, new Map(entries.split(' ').map((e) => {
      const [i, n] = e.split(':');
      return [info.shards[parseInt(i, 36)], parseInt(n, 36)] as const;
    })));
  }
  return out;
}

/** Records per province of a token searched as Pagefind does: every word it is a prefix of. */
export function tokenShards(token: string, bucket: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, number> {
  const t = indexForm(token);
  const out = new Map<string, number>();
  if (!t) return out;
  for (const [word, shards] of bucket) {
    if (!word.startsWith(t)) continue;
    for (const [s, n] of shards) out.set(s, (out.get(s) ?? 0) + n);
  }
  return out;
}

export interface ShardChoice {
  /** The provinces to search now, most matching records first. */
  load: string[];
  /** Every province in scope that holds the query's words (all of them when some province holds all, else any). */
  holding: string[];
}

/** How many bundles a national search loads at first, and the matching records after which it stops adding more. */
export const FIRST_SHARDS = 6;
export const FIRST_RECORDS = 200;
/**
 * The bytes of bundles a national first search may download (their metadata and the index
 * chunks of the query's words; the first bundle is always loaded): with the page, scripts,
 * WebAssembly, dictionary, table buckets and fragments (~145 KB) the first search stays
 * within 400 KB however many bundles hold the words.
 */
export const FIRST_BYTES = 220 * 1024;
/**
 * The limits of a search within one province (the goal there is 200 KB for a first search,
 * of which the page, scripts, WebAssembly, dictionary, table buckets and fragments take
 * ~140 KB): one bundle of ~1,500 records and a chunk a word, two bundles for a word of
 * few records.
 */
export const REGION_SHARDS = 2;
export const REGION_BYTES = 56 * 1024;
/** The limits of a routed search over the bundles of these many provinces. */
export const routeLimits = (provinces: number) =>
  provinces > 1 ? { shards: FIRST_SHARDS, records: FIRST_RECORDS, bytes: FIRST_BYTES } : { shards: REGION_SHARDS, records: FIRST_RECORDS, bytes: REGION_BYTES };

/** Bundle id → what loading it for a query of `words` tokens downloads: its metadata and a chunk a word. */
export const loadBytesOf = (info: ShardWordsInfo, words: number): Map<string, number> =>
  new Map(info.shards.map((s, i) => [s, (info.metaBytes?.[i] ?? 0) + words * (info.chunkBytes?.[i] ?? 0)]));

/**
 * The provinces a query's search needs, from its concepts (src/search/query.ts) and each
 * token's records per province. A concept is held by a province when one of its
 * alternatives has all its tokens there. The provinces holding every required concept
 * come first, ranked by the records of their rarest concept; when none holds them all (the
 * engine then shows partial matches), those holding the most concepts. Provinces are taken
 * in that order until `records` matching records are covered, `shards` provinces are
 * taken, or the next would bring the bundles' bytes (`metaBytes`: metadata, or what loading
 * each downloads, loadBytesOf) over `bytes`; the
 * rest are `holding` but not `load`ed.
 */
export function chooseShards(
  concepts: readonly Pick<Concept, 'optional' | 'alternatives'>[],
  dfOf: (token: string) => ReadonlyMap<string, number>,
  inScope: readonly string[],
  limits: { shards?: number; records?: number; bytes?: number; metaBytes?: ReadonlyMap<string, number> } = {},
): ShardChoice {
  const maxShards = limits.shards ?? FIRST_SHARDS;
  const enough = limits.records ?? FIRST_RECORDS;
  const maxBytes = limits.bytes ?? FIRST_BYTES;
  const required = concepts.filter((c) => !c.optional);
  const considered = required.length ? required : concepts;
  const scope = new Set(inScope);
  const perConcept = considered.map((c) => {
    const held = new Map<string, number>();
    for (const alt of c.alternatives) {
      if (!alt.tokens.length) continue;
      const maps = alt.tokens.map(dfOf);
      for (const [s, n] of maps[0]) {
        if (!scope.has(s)) continue;
        let df = n;
        for (const m of maps.slice(1)) df = Math.min(df, m.get(s) ?? 0);
        if (df > 0) held.set(s, (held.get(s) ?? 0) + df);
      }
    }
    return held;
  });
  const order = new Map(inScope.map((s, i) => [s, i]));
  const stats = inScope
    .map((s) => {
      const dfs = perConcept.map((m) => m.get(s) ?? 0);
      return { s, held: dfs.filter((n) => n > 0).length, weight: dfs.length ? Math.min(...dfs.filter((n) => n > 0), Infinity) : 0 };
    })
    .filter((x) => x.held > 0);
  const all = stats.filter((x) => x.held === perConcept.length);
  const candidates = (all.length ? all : stats).sort((a, b) => b.held - a.held || b.weight - a.weight || order.get(a.s)! - order.get(b.s)!);
  const load: string[] = [];
  let covered = 0;
  let bytes = 0;
  for (const c of candidates) {
    const meta = limits.metaBytes?.get(c.s) ?? 0;
    if (load.length >= maxShards || covered >= enough || (load.length && bytes + meta > maxBytes)) break;
    load.push(c.s);
    covered += c.weight;
    bytes += meta;
  }
  return { load, holding: candidates.map((c) => c.s) };
}
