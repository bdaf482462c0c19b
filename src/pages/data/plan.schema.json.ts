// /data/plan.schema.json: the JSON Schema of /data/plans/<slug>.json (src/publish/plan-schema.ts).
import type { APIRoute } from 'astro';
import { planJsonSchema } from '../../publish/plan-schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(planJsonSchema(), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
