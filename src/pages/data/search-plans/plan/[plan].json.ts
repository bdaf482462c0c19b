// /data/search-plans/plan/<slug>.json : the province of one plan, fetched by the search page
// only for an address that names the plan without its province (an older `?plan=<slug>`
// link; src/search/plan-lists.ts). Made by the job that builds the plan's pages.
import type { APIRoute } from 'astro';
import { rendersPlanPages } from '../../../../site/build-shard.ts';
import { readCatalog } from '../../../../site/load.ts';
import { planProvince } from '../../../../site/search-plans.ts';
import type { PlanProvince } from '../../../../search/plan-lists.ts';

export function getStaticPaths() {
  if (!rendersPlanPages()) return [];
  return readCatalog().map((entry) => ({ params: { plan: entry.slug }, props: { province: planProvince(entry) } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { province: PlanProvince }).province), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
