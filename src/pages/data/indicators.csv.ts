// /data/indicators.csv: every indicator row of every plan (src/publish/open-data.ts).
import type { APIRoute } from 'astro';
import { INDICATOR_COLUMNS, indicatorRows } from '../../publish/open-data.ts';
import { toCsv } from '../../publish/csv.ts';
import { readPlans } from '../../site/load.ts';

export const GET: APIRoute = () =>
  new Response(toCsv(INDICATOR_COLUMNS, readPlans().flatMap((plan) => indicatorRows(plan))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
