/**
 * A place named in a question picks the plans to search (会宁县老人护理补贴, 宁夏残疾人就业).
 * A family writes where they live: searched as a word, 会宁县 is required in every clause,
 * and few clauses print their own county's name, so the search fell to partial matches.
 * Read as a place, it chooses that region's plan (or province) as the filters would, and
 * the rest of the question is searched there.
 *
 * - Provinces are known to every page (src/model/provinces.ts): 宁夏 or 宁夏回族自治区.
 * - A county or city is recognised as it is written with its suffix (会宁县, 北海市,
 *   巴彦淖尔市). The names of the catalogue's plans are split into files by the character
 *   before the suffix (`placeKey`), so a query fetches only the files of the characters it
 *   holds before a 县, 市, 区 … (most questions hold none), whatever the size of the site:
 *   pagefind/refs/places/<n>.json, written with the citation tables (refs-files.ts).
 * - Without its suffix (会宁, 北海) a name is read only as a word of its own, set off by a
 *   space or a punctuation mark (会宁 残疾证怎么办, 护理补贴，北海): run into the question it
 *   may be the start of a longer word (合作 of 合作市 in 合作社), and telling those apart would
 *   need every name on every page. Its file is the one of its last character, as above.
 * - A county or city with one plan of its own picks that plan; one with several plans, or a
 *   city that only holds county plans, picks its province.
 *
 * Browser-safe; the page and the CLI call `namedPlace` before they search.
 */
import type { CatalogEntry } from '../model/plan.ts';
import { PROVINCES } from '../model/provinces.ts';
import { mayBeCitation } from './cited.ts';
import { planFilterValues } from './records.ts';
import type { SearchState } from './params.ts';
import { bucketOf } from './shard-words.ts';

/** Folder of the place files, inside the citation tables' folder (refs/). */
export const PLACES_DIR = 'places';
export const PLACES_VERSION = 1;
/** Files the names are split into: ~100 names each for China's ~3,200 counties and cities (a few KB). */
export const PLACE_BUCKETS = 64;

/** One file: lines "name<TAB>province<TAB>plan|plan", names sorted; plan filter values of the region's own plans. */
export interface PlacesBucket {
  v: number;
  bucket: number;
  lines: string;
}

export interface PlaceEntry {
  /** As written with its suffix: 会宁县. */
  name: string;
  /** The province filter value (甘肃省). */
  province: string;
  /** Plan filter values (short names) of the region's own plans; empty for a city that only holds county plans. */
  plans: string[];
}

/** A place the question names, the filters it stands for and the question without it. */
export interface NamedPlace {
  /** As the question writes it: 会宁县, or 会宁 without its suffix. */
  name: string;
  /** The county or city in full (会宁县), or the province as named; what the line says is searched. */
  region: string;
  province: string;
  /** The plan it picks (its filter value), or null: the province. */
  plan: string | null;
  /** The question with the place's name left out. */
  rest: string;
}

/** Where the names of places end: the suffixes of counties, cities, districts, banners, leagues, prefectures. */
const SUFFIX = /[县市区旗盟州]/u;

/** The character a name is filed under: the one before its last (会宁县 → 宁, 岷县 → 岷). */
export const placeKey = (name: string): string => [...name].at(-2) ?? '';

/** The place files' entries of the catalogue's counties and cities (provinces are known to the page). */
export function placesFiles(catalog: readonly CatalogEntry[], buckets = PLACE_BUCKETS): PlacesBucket[] {
  const entries = new Map<string, PlaceEntry>();
  const add = (name: string | undefined, province: string, plan: string | null) => {
    if (!name || [...name].length < 2 || !SUFFIX.test(name.at(-1)!)) return;
    // The same name in two provinces (城关区) is two places.
    const key = `${name}\t${province}`;
    const e = entries.get(key) ?? { name, province, plans: [] };
    if (plan && !e.plans.includes(plan)) e.plans.push(plan);
    entries.set(key, e);
  };
  // The plan filter's values: a short name two plans share is made unique there (records.ts).
  const values = planFilterValues(catalog);
  for (const e of catalog) {
    const value = values.get(e.slug)!;
    if (e.level === '县级') {
      add(e.county ?? e.shortName, e.province, value);
      add(e.city, e.province, null);
    } else if (e.level === '市级') add(e.city ?? e.shortName, e.province, value);
  }
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const e of [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.province < b.province ? -1 : 1))) {
    lines[bucketOf(placeKey(e.name), buckets)].push(`${e.name}\t${e.province}\t${e.plans.join('|')}`);
  }
  return lines.map((l, bucket) => ({ v: PLACES_VERSION, bucket, lines: l.join('\n') }));
}

/** A file's entries; names the file of a bad one. */
export function decodePlaces(json: PlacesBucket, file: string): PlaceEntry[] {
  if (json.v !== PLACES_VERSION) throw new Error(`${file}: version ${json.v}, expected ${PLACES_VERSION}`);
  return (json.lines ? json.lines.split('\n') : []).map((line, i) => {
    const [name, province, plans] = line.split('\t');
    if (!name || !province || plans === undefined) throw new Error(`${file}: line ${i + 1}: expected "name<TAB>province<TAB>plans"`);
    return { name, province, plans: plans ? plans.split('|') : [] };
  });
}

/** Where a word of its own ends: spaces and punctuation. */
const WORD_BREAK = /[\s\p{P}\p{S}]+/u;

/** A name without its suffix, as it may stand alone (会宁县 → 会宁); null for a name read only in full (岷县, …自治县). */
export function bareName(name: string): string | null {
  const chars = [...name];
  if (chars.length < 3 || !SUFFIX.test(chars.at(-1)!) || /自治[县旗州]$/u.test(name)) return null;
  return chars.slice(0, -1).join('');
}

/**
 * The words of a query set off on their own that could be a name without its suffix: the first
 * or the last of several (会宁 残疾证怎么办, 护理补贴，北海), of 2–4 characters. People put where
 * they live first or last; a query of one word (护理补贴) names no place and fetches no file.
 */
function standalone(query: string): string[] {
  const words = query.split(WORD_BREAK).filter(Boolean);
  if (words.length < 2) return [];
  return [...new Set([words[0], words.at(-1)!])].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w) && !SUFFIX.test(w.at(-1)!));
}

/**
 * The files a query's places could be in: those of each character that stands before a
 * suffix, and of the last character of a word standing on its own (会宁 残疾证).
 */
export function placeBuckets(query: string, buckets = PLACE_BUCKETS): number[] {
  const chars = [...query];
  const keys = chars.filter((c, i) => i + 1 < chars.length && SUFFIX.test(chars[i + 1]) && /\p{Script=Han}/u.test(c));
  for (const w of standalone(query)) keys.push(w.at(-1)!);
  return [...new Set(keys.map((k) => bucketOf(k, buckets)))];
}

/** Whether `at` in the query lies inside quotes (a quoted name is a word to search, as typed). */
function quotedAt(query: string, at: number): boolean {
  const before = query.slice(0, at);
  const open = (o: string, c: string) => before.split(o).length - 1 > before.split(c).length - 1;
  return open('“', '”') || open('「', '」') || (before.split('"').length - 1) % 2 === 1;
}

/** The first occurrence of `name` in the query outside quotes, or -1. */
function unquotedIndex(query: string, name: string): number {
  for (let at = query.indexOf(name); at >= 0; at = query.indexOf(name, at + 1)) if (!quotedAt(query, at)) return at;
  return -1;
}

/**
 * The place a question names: the longest county or city name of `entries` it holds, else a
 * province of the site (`provinces`, full or short name); null when none, when a name is
 * ambiguous (the same county name in two provinces), or for a citation (会宁县 专栏3 names a
 * plan already, src/search/cited.ts).
 */
export function findPlace(query: string, entries: readonly PlaceEntry[], provinces: readonly string[]): NamedPlace | null {
  if (mayBeCitation(query)) return null;
  const found: { e: PlaceEntry; at: number; written?: string }[] = entries
    .map((e) => ({ e, at: unquotedIndex(query, e.name) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => b.e.name.length - a.e.name.length);
  // Not in full: a name without its suffix, written as a word of its own (会宁 残疾证).
  if (!found.length) {
    const words = new Set(standalone(query));
    for (const e of entries) {
      const bare = bareName(e.name);
      if (!bare || !words.has(bare)) continue;
      const at = unquotedIndex(query, bare);
      if (at >= 0) found.push({ e, at, written: bare });
    }
  }
  if (found.length) {
    const written = (x: (typeof found)[number]) => x.written ?? x.e.name;
    // The same name in two provinces (城关区), or a bare name two places share: no place.
    if (found.filter((x) => written(x) === written(found[0])).length > 1) return null;
    const { e, at } = found[0];
    const name = written(found[0]);
    // 甘肃省会宁县: the province goes too.
    const province = PROVINCES.find((p) => p.name === e.province);
    let rest = without(query, name, at);
    for (const short of province ? [province.name, province.short] : []) {
      const p = unquotedIndex(rest, short);
      if (p >= 0) {
        rest = without(rest, short, p);
        break;
      }
    }
    return { name, region: e.name, province: e.province, plan: e.plans.length === 1 ? e.plans[0] : null, rest };
  }
  for (const p of PROVINCES) {
    if (!provinces.includes(p.name)) continue;
    for (const name of [p.name, p.short]) {
      const at = unquotedIndex(query, name);
      if (at >= 0) return { name, region: name, province: p.name, plan: null, rest: without(query, name, at) };
    }
  }
  return null;
}

/** The query without the name at `at`; 会宁县城, 会宁县的, 会宁县里: the word that went with the name goes with it. */
const without = (query: string, name: string, at: number): string =>
  (query.slice(0, at) + query.slice(at + name.length).replace(/^[城里的]/u, '')).trim();

/** Where the place files come from (fetch in the browser, files in Node); a missing file is no place. */
export type PlacesSource = (bucket: number) => Promise<PlacesBucket | null>;

/** The place a question names, reading only the files its characters need; null when none. */
export async function namedPlace(query: string, source: PlacesSource, provinces: readonly string[]): Promise<NamedPlace | null> {
  if (mayBeCitation(query)) return null;
  const files = await Promise.all(
    placeBuckets(query).map(async (b) => {
      const json = await source(b);
      return json ? decodePlaces(json, placesFile(b)) : [];
    }),
  );
  return findPlace(query, files.flat(), provinces);
}

/**
 * The search a question naming a place stands for: the rest of the question, within the
 * place's plan or province. Only when the reader chose no province or plan: a choice made
 * in the filters is theirs. The address keeps the question as typed, so a shared link
 * searches the same way.
 */
export async function withPlace(state: SearchState, source: PlacesSource, provinces: readonly string[]): Promise<{ state: SearchState; place: NamedPlace | null }> {
  if (state.filters.province?.length || state.filters.plan?.length) return { state, place: null };
  const place = await namedPlace(state.q, source, provinces).catch(() => null);
  if (!place) return { state, place: null };
  const filters = { ...state.filters, province: [place.province], ...(place.plan ? { plan: [place.plan] } : {}) };
  return { state: { q: place.rest, filters }, place };
}

/**
 * The search when the place's plans hold nothing for the rest of the question (中卫市导盲犬):
 * the rest in every plan the reader's own filters allow, so the answer is not a dead end and
 * the line says the place's plans hold nothing (explain.ts `placeLine`). The name stays out:
 * searched as a word, it would hold every other plan back again.
 */
export const beyondPlace = (state: SearchState, place: NamedPlace): SearchState => ({ q: place.rest, filters: state.filters });

/** The file of bucket n, relative to the refs folder. */
export const placesFile = (bucket: number): string => `${PLACES_DIR}/${bucket}.json`;
