/**
 * The search page's plan lists at build time (src/search/plan-lists.ts says what they are
 * for): one list per province, one small province file per plan. Made by the job that builds
 * the plans' pages — the whole site's one job, or in a sharded build each province's own — so
 * a plan's filter value is the one its index holds: in a sharded build each province's index
 * computes the values within the province (src/search/corpus.ts loadCorpus), a single build
 * within the whole catalogue.
 */
import type { CatalogEntry } from '../model/plan.ts';
import type { PlanProvince, ProvincePlanList } from '../search/plan-lists.ts';
import { planFilterValues } from '../search/records.ts';
import { groupByProvince, provinceSlug } from './plan-pages.ts';

/** Each province's plan list, in national code order; `perProvince`: filter values computed within each province (a sharded build). */
export function searchPlanLists(catalog: readonly CatalogEntry[], perProvince: boolean): ProvincePlanList[] {
  const national = planFilterValues(catalog);
  return groupByProvince(catalog, (e) => e.province).map((g) => {
    const values = perProvince ? planFilterValues(g.items) : national;
    return {
      province: g.name,
      slug: g.slug,
      plans: g.items.map((e) => ({ slug: e.slug, value: values.get(e.slug)!, title: e.title, status: e.status, level: e.level })),
    };
  });
}

/** The province of a plan, as /data/search-plans/plan/<slug>.json holds it. */
export const planProvince = (entry: Pick<CatalogEntry, 'province'>): PlanProvince => ({ province: entry.province, slug: provinceSlug(entry.province) });
