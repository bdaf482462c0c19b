// /finder/<plan>.json : one plan's clauses per topic, fetched by the finder page's script
// for the region the reader chose. One small file per plan, so the page never carries
// every plan's text (see MAX_PLANS_FETCHED in src/site/finder.ts).
import type { APIRoute } from 'astro';
import { finderPlanData } from '../../site/finder-data.ts';
import { rendersPlanPages } from '../../site/build-shard.ts';
import { readCatalog, readPlan, readTopics } from '../../site/load.ts';

export function getStaticPaths() {
  if (!rendersPlanPages()) return [];
  return readCatalog().map((entry) => ({ params: { plan: entry.slug } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(finderPlanData(readPlan(params.plan!), readTopics())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
