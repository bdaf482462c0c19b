// /data/search-plans/<province>.json : one province's plans as the search page's plan filter
// offers them (slug, filter value, title, status, level), fetched when the reader chooses
// the province (src/search/plan-lists.ts), so the search page never lists every plan.
// Made by the job that builds the plans' pages (each province's own in a sharded build).
import type { APIRoute } from 'astro';
import { rendersPlanPages, shardedBuild } from '../../../site/build-shard.ts';
import { readCatalog } from '../../../site/load.ts';
import { searchPlanLists } from '../../../site/search-plans.ts';
import type { ProvincePlanList } from '../../../search/plan-lists.ts';

export function getStaticPaths() {
  if (!rendersPlanPages()) return [];
  return searchPlanLists(readCatalog(), shardedBuild()).map((list) => ({ params: { province: list.slug }, props: { list } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { list: ProvincePlanList }).list), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
