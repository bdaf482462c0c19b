/**
 * How a national build is cut into jobs: one shard per province (grouped from the
 * catalogue, in national code order), each building its plans' pages and its own Pagefind
 * index, plus the shared job (SHARED_SHARD) for the pages that belong to no province.
 * What each job owns in the assembled site is decided here too, so the assemble step
 * takes from a job only the files that are its own (a province job does not build the
 * routes without parameters, sharedOnlyPage, but other files of its output can still be
 * another job's: the CSVs, which the assembly puts together, and the public/ files).
 */
import { groupByProvince } from '../site/plan-pages.ts';

export { SHARED_SHARD } from '../site/build-shard.ts';

export interface Shard {
  /** The province's URL slug: the job's name, its folder and its SITE_SHARD value. */
  id: string;
  province: string;
  /** Its plans' slugs, in catalogue order. */
  slugs: string[];
}

/** The province shards of a catalogue, in national code order. */
export function shardsOf(entries: readonly { slug: string; province: string }[]): Shard[] {
  return groupByProvince(entries, (e) => e.province).map((g) => ({ id: g.slug, province: g.name, slugs: g.items.map((e) => e.slug) }));
}

/** Folder of a province shard's Pagefind bundle in the site, e.g. pagefind/shards/gansu/. */
export const shardBundleDir = (id: string) => `pagefind/shards/${id}`;
/** The citation tables of every plan, one file per plan: every job writes into the one folder. */
export const REFS_PATH = 'pagefind/refs';

/** Comparison pages split by province whose province folder a province job owns: /areas/<area>/<province>/ … */
const PROVINCE_PAGES = [/^areas\/[^/]+\/([^/]+)\//, /^entitlements\/[^/]+\/([^/]+)\//, /^indicators\/([^/]+)\//, /^boxes\/([^/]+)\//, /^data\/search-plans\/([^/]+)\.json$/];

/**
 * Whether a file of a province job's output belongs to the assembled site: its plans' pages,
 * open data (data/plans/<slug>.json), finder data and the search page's plan lists (data/search-plans/), its per-province comparison pages, its index bundle and citation tables,
 * and the built assets (named by content hash, so the same file from two jobs is one file).
 */
export function ownedByShard(path: string, shard: Pick<Shard, 'id' | 'slugs'>): boolean {
  if (path.startsWith('_astro/')) return true;
  if (path.startsWith(`${shardBundleDir(shard.id)}/`)) return true;
  const plan = /^plans\/([^/]+)\//.exec(path)?.[1] ?? /^data\/plans\/([^/]+)\.json$/.exec(path)?.[1] ?? /^finder\/([^/]+)\.json$/.exec(path)?.[1] ?? /^data\/search-plans\/plan\/([^/]+)\.json$/.exec(path)?.[1] ?? new RegExp(`^${REFS_PATH}/([^/]+)\\.json$`).exec(path)?.[1];
  if (plan) return shard.slugs.includes(plan);
  return PROVINCE_PAGES.some((re) => re.exec(path)?.[1] === shard.id);
}

/** Whether a file of the shared job's output belongs to the assembled site: all but what only a province job can build. */
export function ownedByShared(path: string): boolean {
  return !/^plans\//.test(path) && !/^data\/(plans|search-plans)\//.test(path) && !/^finder\/[^/]+\.json$/.test(path) && !path.startsWith('pagefind/shards/');
}

/** The site-wide CSVs: a province job renders them with its own plans' rows, for the assembly to put together. */
export const PROVINCE_CSV_PAGES = ['data/clauses.csv.ts', 'data/indicators.csv.ts'];

/**
 * Whether a page file (path under src/pages/) renders only pages that a province job's
 * output would drop: a route without parameters (home, about, search, 404, the index
 * pages, the feed, the schema) renders the same path in every job, and the assembly takes
 * the shared job's copy. The CSV routes are kept: their rows are the province's own.
 * A province job leaves these files out of its copy of the project and so does not build them.
 */
export function sharedOnlyPage(file: string): boolean {
  return !file.includes('[') && !PROVINCE_CSV_PAGES.includes(file);
}
