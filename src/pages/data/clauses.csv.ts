// /data/clauses.csv: every clause, paragraph and 专栏 item of every plan (src/publish/open-data.ts).
import type { APIRoute } from 'astro';
import { CLAUSE_COLUMNS, clauseRows } from '../../publish/open-data.ts';
import { toCsv } from '../../publish/csv.ts';
import { readPlans } from '../../site/load.ts';
import { rendersPlanPages } from '../../site/build-shard.ts';

// The shared job of a sharded build has no plan models: its file holds the header only
// (docs/deploy.md: the national CSVs are not assembled yet).
const plans = () => (rendersPlanPages() ? readPlans() : []);

export const GET: APIRoute = () =>
  new Response(toCsv(CLAUSE_COLUMNS, plans().flatMap((plan) => clauseRows(plan))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
