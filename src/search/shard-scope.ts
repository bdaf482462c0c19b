/**
 * Which Pagefind bundles a search loads on a site built in shards (one shard per
 * province, src/shards/shards.ts, cut into several bundles of whole plans,
 * src/search/bundles.ts): the provinces its filters name (shardsInScope); within them, a
 * search filtered to plans loads only the bundles holding those plans, and one with words
 * looks them up in the word → bundles table (src/search/shard-words.ts) and merges
 * (Pagefind's mergeIndex) only the bundles that hold them, most matches first, with the
 * national dictionary — only when it is asked, never when the page opens.
 */
import { provinceOfBundle } from './bundles.ts';
import type { Filters } from './engine.ts';
import type { Facets } from './params.ts';

export interface ShardRef {
  /** Province slug: its bundle is /pagefind/shards/<id>/. */
  id: string;
  province: string;
}

export const SHARDS_BASE = '/pagefind/shards/';
/** Folder of a province (`gansu`: its dictionary and bundles.json) or of one of its bundles (`gansu/0`). */
export const shardBundlePath = (id: string) => `${SHARDS_BASE}${id}/`;
/**
 * The bundle (`gansu/0`) a requested path of the site belongs to — /pagefind/shards/gansu/0/…
 * — or null for a province's own files (its bundles.json, dictionary, words/) and any other path.
 */
export function bundleOfPath(pathname: string): string | null {
  const m = /\/pagefind\/shards\/([^/]+)\/(\d+)\//.exec(pathname);
  return m ? `${m[1]}/${m[2]}` : null;
}

/**
 * The shards a search with these filters needs, in the site's order: those of the chosen
 * provinces, and of the chosen plans' provinces (both chosen: the plans within those
 * provinces); no province or plan chosen: every shard.
 */
export function shardsInScope(shards: readonly ShardRef[], facets: Facets, filters: Filters): ShardRef[] {
  const byProvince = filters.province?.length ? new Set(filters.province) : null;
  const byPlan = filters.plan?.length ? new Set(facets.plans.filter((p) => filters.plan!.includes(p.value)).map((p) => p.province)) : null;
  if (!byProvince && !byPlan) return [...shards];
  return shards.filter((s) => (!byProvince || byProvince.has(s.province)) && (!byPlan || byPlan.has(s.province)));
}

/** One key per set of shards (engines are kept per scope). */
export const scopeKey = (scope: readonly ShardRef[]): string => scope.map((s) => s.id).join(',');

/** The bundles (ids `<province>/<n>`, in the table's order) of these provinces. */
export const bundlesOfProvinces = (bundles: readonly string[], provinces: readonly string[]): string[] =>
  bundles.filter((b) => provinces.includes(provinceOfBundle(b)));

/**
 * Bundles a search with filters but no words loads at first when its scope is wider than
 * one province (issue 12: nationally that was every bundle, ~200 at 3,000 plans): the first
 * in catalogue order (bundles are whole plans in catalogue order); the others load on
 * request (在其余 N 组规划中也检索), as for a search whose words many bundles hold.
 */
export const FILTER_BUNDLES = 2;

/**
 * What a search with filters but no words loads, of the bundles in its scope (in catalogue
 * order): within one province all of that province's; wider, the first FILTER_BUNDLES
 * (`everywhere`: all). `total` is the bundles in scope when they are not all loaded.
 */
export function filterBundles(inScope: readonly string[], provinces: number, everywhere: boolean, limit = FILTER_BUNDLES): { load: string[]; total: number | null } {
  if (provinces <= 1 || everywhere || inScope.length <= limit) return { load: [...inScope], total: null };
  return { load: inScope.slice(0, limit), total: inScope.length };
}

/**
 * The status line's note on a search that loaded only some of the bundles in its scope:
 * those holding most of its words, or (no words) the first in catalogue order.
 */
export const partialScopeNote = (searched: number, holding: number, byWords: boolean): string =>
  byWords ? `（先在含有这些词最多的 ${searched} 组规划中检索；共 ${holding} 组规划有这些词）` : `（先列出前 ${searched} 组规划中的结果；共 ${holding} 组规划）`;
