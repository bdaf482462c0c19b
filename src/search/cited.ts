/**
 * Citations in, clause out, for the engine: when a query looks like a citation, load the
 * names table and the named plans' ref tables (src/search/citation.ts) and return the units
 * it names. Pure apart from the `RefSource` it is given (fetch in the browser, files in Node).
 */
import { parseCitation, resolveInPlans, type PlanNames, type PlansTable, type Ref, type RefTable } from './citation.ts';

/** Folder of the citation tables inside the Pagefind output, and the names table's file. */
export const REFS_DIR = 'refs';
export const PLANS_REFS_FILE = 'plans.json';

export interface RefSource {
  /** dist/pagefind/refs/plans.json */
  plans(): Promise<PlansTable>;
  /** dist/pagefind/refs/<slug>.json */
  table(slug: string): Promise<RefTable>;
}

export interface CitedUnit {
  plan: PlanNames;
  table: RefTable;
  ref: Ref;
}

/** When no plan is named, a path is looked up in every plan only up to this many plans. */
export const CITE_ANY_PLAN_LIMIT = 24;

/**
 * A cheap first look, before anything is loaded: numbering of a chapter, section, clause or
 * 专栏, or a 《title》. Ordinary words never pass (护理补贴, 残疾证怎么办).
 */
export const mayBeCitation = (query: string): boolean =>
  /专栏|《|第\s*[0-9０-９一二三四五六七八九十]+\s*[章节条部段]|[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、．.]/u.test(query);

/** The units a citation names, best plan first; [] when the query is not a citation or names nothing. */
export async function lookUpCitation(query: string, source: RefSource): Promise<CitedUnit[]> {
  if (!mayBeCitation(query)) return [];
  const names = await source.plans();
  const parsed = parseCitation(query, names);
  if (!parsed) return [];
  const wanted = parsed.plans.length ? parsed.plans : names.plans.length <= CITE_ANY_PLAN_LIMIT ? names.plans.map((p) => p.slug) : [];
  const tables = await Promise.all(wanted.map((slug) => source.table(slug)));
  return resolveInPlans(parsed, tables).map(({ slug, ref }) => ({
    plan: names.plans.find((p) => p.slug === slug)!,
    table: tables.find((t) => t.slug === slug)!,
    ref,
  }));
}

/** Caches each file once per source (the page and the CLI ask for the same ones again). */
export function cachedRefSource(load: (file: string) => Promise<unknown>): RefSource {
  const cache = new Map<string, Promise<unknown>>();
  const get = (file: string) => {
    let p = cache.get(file);
    if (!p) {
      p = load(file);
      cache.set(file, p);
      p.catch(() => cache.delete(file));
    }
    return p;
  };
  return {
    plans: () => get(PLANS_REFS_FILE) as Promise<PlansTable>,
    table: (slug) => get(`${slug}.json`) as Promise<RefTable>,
  };
}
