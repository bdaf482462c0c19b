// /data/plans/<slug>.json: the plan model exactly as the site is built from it
// (src/model/plan.ts; its JSON Schema is /data/plan.schema.json).
import type { APIRoute, GetStaticPaths } from 'astro';
import { readCatalog, readPlan } from '../../../site/load.ts';
import { rendersPlanPages } from '../../../site/build-shard.ts';

export const getStaticPaths: GetStaticPaths = () => (rendersPlanPages() ? readCatalog() : []).map((entry) => ({ params: { plan: entry.slug } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(readPlan(params.plan!), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
