// /data/indicators.csv: every indicator row of every plan, then its targets stated in the text (src/publish/open-data.ts).
import type { APIRoute } from 'astro';
import { INDICATOR_COLUMNS, planIndicatorCsvRows } from '../../publish/open-data.ts';
import { toCsv } from '../../publish/csv.ts';
import { readPlans } from '../../site/load.ts';
import { rendersPlanPages } from '../../site/build-shard.ts';

// In a sharded build each province job writes its own plans' rows and the assembly puts
// them together (mergePlanCsv, src/shards/assemble.ts); the shared job has no plan models
// and writes the header only, which the assembled file replaces.
const plans = () => (rendersPlanPages() ? readPlans() : []);

export const GET: APIRoute = () =>
  new Response(toCsv(INDICATOR_COLUMNS, plans().flatMap(planIndicatorCsvRows)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
