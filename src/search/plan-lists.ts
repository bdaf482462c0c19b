/**
 * The search page's plan lists (issue 12: no page's HTML may grow with the number of
 * plans). The page carries only the provinces; each province's plans — what the plan
 * filter offers and what the engine labels results with — are a small file,
 * /data/search-plans/<province>.json, fetched when the reader chooses that province. An
 * address that names a plan without its province (an older `?plan=<slug>` link) finds the
 * province from /data/search-plans/plan/<slug>.json, fetched only then. Both are written by
 * the job that builds the province's plans (src/pages/data/search-plans/), so a site built
 * in shards gets each province's file from that province's job.
 *
 * Browser-safe: the search page's module imports it. The files are made by
 * src/site/search-plans.ts.
 */
import type { Facets, FacetPlan, SearchState } from './params.ts';

/** Folder of the files, root-relative (the page adds the base path, onSite). */
export const SEARCH_PLANS_DIR = '/data/search-plans/';
/** One province's plan list, by the province's URL slug (`gansu`). */
export const provincePlansFile = (provinceSlug: string): string => `${SEARCH_PLANS_DIR}${provinceSlug}.json`;
/** One plan's province, by the plan's slug. */
export const planProvinceFile = (planSlug: string): string => `${SEARCH_PLANS_DIR}plan/${planSlug}.json`;

/** A plan as the list of its province gives it: a facet plan without the province, which the file names once. */
export type ListedPlan = Omit<FacetPlan, 'province'>;

/** /data/search-plans/<province>.json */
export interface ProvincePlanList {
  /** The province's name, the province filter's value (甘肃省). */
  province: string;
  /** Its URL slug (gansu). */
  slug: string;
  /** Its plans in catalogue order. */
  plans: ListedPlan[];
}

/** /data/search-plans/plan/<slug>.json */
export interface PlanProvince {
  province: string;
  slug: string;
}

/**
 * A plan as the page needs it to search the whole country without a province chosen (the
 * engine's labelling of plans, PLAN_LABEL_LIMIT): carried on the page only while the whole
 * catalogue has that few plans.
 */
export type NationalPlan = Pick<FacetPlan, 'value' | 'province' | 'level' | 'status'>;

/** Plan slugs look like this (lowercase ASCII, src/model/plan.ts); other `plan` values (a Chinese filter value) are never looked up by file. */
export const PLAN_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Adds a province's list to the plans the page knows (once; a plan already known is kept). Returns the province's plans. */
export function addPlanList(facets: Facets, list: ProvincePlanList): FacetPlan[] {
  const known = new Set(facets.plans.map((p) => p.slug));
  for (const p of list.plans) if (!known.has(p.slug)) facets.plans.push({ ...p, province: list.province });
  return facets.plans.filter((p) => p.province === list.province);
}

/** Provinces and plans an address names (`province=`, `plan=`; comma lists as stateFromParams reads them). */
export function namedInAddress(params: URLSearchParams): { provinces: string[]; plans: string[] } {
  const all = (name: string) =>
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  return { provinces: all('province'), plans: all('plan') };
}

/** Plans an address names that the page does not know yet (not in a loaded list): by slug or filter value. */
export const unknownPlans = (facets: Facets, plans: readonly string[]): string[] =>
  plans.filter((v) => !facets.plans.some((p) => p.slug === v || p.value === v));

/**
 * The state with the provinces of its chosen plans added to its province filter: the page
 * writes a plan into its address with its province (`?province=…&plan=…`), so an older link
 * with the plan alone comes back with both, and the province select shows the plan's list.
 */
export function withPlanProvinces(state: SearchState, facets: Facets): SearchState {
  const chosen = state.filters.plan ?? [];
  const provinces = facets.plans.filter((p) => chosen.includes(p.value)).map((p) => p.province);
  const current = state.filters.province ?? [];
  if (provinces.every((p) => current.includes(p))) return state;
  return { ...state, filters: { ...state.filters, province: [...new Set([...current, ...provinces])] } };
}

/**
 * The facets the engine's plan labelling reads (plansInScope): with a province or plan
 * chosen, the plans the page has loaded (every plan of the chosen provinces is, before the
 * search runs); with neither, the national list the page carries while the catalogue is
 * small, or none (the engine labels only up to PLAN_LABEL_LIMIT plans anyway).
 */
export function labelFacets(facets: Facets, state: SearchState, national: readonly NationalPlan[] | null): Facets {
  if (state.filters.province?.length || state.filters.plan?.length) return facets;
  return { ...facets, plans: (national ?? []).map((p) => ({ slug: '', title: '', ...p })) };
}
