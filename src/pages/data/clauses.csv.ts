// /data/clauses.csv: every clause, paragraph and 专栏 item of every plan (src/publish/open-data.ts).
import type { APIRoute } from 'astro';
import { CLAUSE_COLUMNS, clauseRows } from '../../publish/open-data.ts';
import { toCsv } from '../../publish/csv.ts';
import { readPlans } from '../../site/load.ts';
import { rendersPlanPages } from '../../site/build-shard.ts';

// In a sharded build each province job writes its own plans' rows and the assembly puts
// them together (mergePlanCsv, src/shards/assemble.ts); the shared job has no plan models
// and writes the header only, which the assembled file replaces.
const plans = () => (rendersPlanPages() ? readPlans() : []);

export const GET: APIRoute = () =>
  new Response(toCsv(CLAUSE_COLUMNS, plans().flatMap((plan) => clauseRows(plan))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
