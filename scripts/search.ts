/**
 * npm run search -- "<query>" [--plan …] [--area …] [--province …] [--level …]
 *                  [--status 正式|草案] [--kind 正文|专栏|指标] [--limit n] [--json] [--dist dir]
 *
 * Searches the BUILT index (dist/pagefind) from Node with the same segmentation, aliases,
 * query plan and ranking as the search page. --plan and --area take the URL slug
 * (huining, baozhang, overview) or the Chinese value; each may be repeated.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openBuiltSearch, type BuiltSearch } from '../src/search/node.ts';
import { plansInScope, stateFromParams, type SearchState } from '../src/search/params.ts';
import { FILTER_NAMES } from '../src/search/records.ts';
import type { Hit } from '../src/search/engine.ts';
import { nothingToSearchLine, partialLine, searchedLine } from '../src/search/explain.ts';
import { beyondPlace, withPlace } from '../src/search/places.ts';
import { topicPath } from '../src/site/paths.ts';

const root = resolve(import.meta.dirname, '..');
const { values: parsed, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...Object.fromEntries(FILTER_NAMES.map((f) => [f, { type: 'string' as const, multiple: true as const }])),
    json: { type: 'boolean', default: false },
    limit: { type: 'string', default: '10' },
    dist: { type: 'string', default: 'dist' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const values = parsed as Record<string, string | string[] | boolean | undefined>;
const query = positionals.join(' ').trim();
if (values.help || (!query && !FILTER_NAMES.some((f) => values[f]))) {
  console.log('usage: npm run search -- "<query>" [--plan huining] [--area baozhang] [--kind 专栏] [--limit 10] [--json]');
  process.exit(values.help ? 0 : 2);
}

let search: BuiltSearch;
try {
  search = await openBuiltSearch(root, resolve(root, values.dist as string));
} catch (e) {
  console.error(`search: ${(e as Error).message}`);
  process.exit(1);
}
const params = new URLSearchParams();
params.set('q', query);
for (const f of FILTER_NAMES) for (const v of (values[f] as string[] | undefined) ?? []) params.append(f, v);
const state = stateFromParams(params, search.facets);
for (const f of FILTER_NAMES) {
  const asked = (values[f] as string[] | undefined)?.length ?? 0;
  if (asked && (state.filters[f]?.length ?? 0) < asked) {
    console.error(`search: unknown --${f} value (known: ${knownValues(f).join(', ')})`);
    process.exit(2);
  }
}
function knownValues(f: string): string[] {
  const fc = search.facets;
  if (f === 'plan') return fc.plans.map((p) => `${p.slug}/${p.value}`);
  if (f === 'area') return fc.areas.map((a) => `${a.slug}/${a.name}`);
  if (f === 'province') return fc.provinces;
  return [];
}

const limit = Math.max(1, Number(values.limit) || 10);
// As on the search page: a county, city or province named in the question picks its plans.
const named = await withPlace(state, search.places, search.facets.provinces);
const { place } = named;
const searchIn = (s: SearchState) =>
  search.engine.search(s.q, { filters: s.filters, plans: plansInScope(search.facets, s.filters), pageSize: Math.min(limit, 10) });
let searched = named.state;
let outcome = await searchIn(searched);
// The place's plans hold nothing: the rest of the question in every plan, and the line says so.
const placeMissed = !!place && !outcome.cited && !outcome.hits.length;
if (placeMissed) outcome = await searchIn((searched = beyondPlace(state, place)));
const hits: Hit[] = [...outcome.hits];
while (hits.length < limit) {
  const more = await outcome.more();
  if (!more.length) break;
  hits.push(...more);
}
hits.length = Math.min(hits.length, limit);
await search.close();
// As on the search page: the topic the question is about comes first, in plain words.
const topics = outcome.topics;
const understood = outcome.cited ? null : searchedLine(place, outcome.plan, placeMissed);

const plain = (h: Hit) => (h.excerpt.start > 0 ? '…' : '') + h.excerpt.text + (h.excerpt.end < h.text.length ? '…' : '');
if (values.json) {
  console.log(
    JSON.stringify(
      {
        query: state.q,
        filters: searched.filters,
        place: place && { name: place.name, region: place.region, province: place.province, plan: place.plan, missed: placeMissed },
        concepts: outcome.plan.concepts.map((c) => ({
          text: c.text,
          phrase: c.phrase,
          optional: c.optional,
          alternatives: c.alternatives.map((a) => a.tokens),
        })),
        dropped: outcome.plan.dropped,
        understood,
        topics: topics.map((t) => ({ slug: t.slug, name: t.name, summary: t.summary, url: topicPath(t.slug) })),
        total: outcome.total,
        partial: outcome.partial,
        approximate: outcome.approximate,
        cited: outcome.cited,
        results: hits.map((h, i) => ({
          rank: i + 1,
          url: h.url,
          id: h.id,
          plan: h.plan,
          area: h.area,
          kind: h.kind,
          status: h.status,
          draft: h.draft,
          about: h.about,
          citation: h.cite,
          tier: h.tier,
          excerpt: plain(h),
          excerptHtml: h.excerpt.html,
        })),
        millis: outcome.millis,
      },
      null,
      2,
    ),
  );
} else {
  const tty = process.stdout.isTTY;
  const mark = (html: string) =>
    html
      .replace(/<mark>/g, tty ? '\x1b[1;33m' : '【')
      .replace(/<\/mark>/g, tty ? '\x1b[0m' : '】')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const tokens = outcome.plan.concepts.map(
    (c) =>
      (c.phrase ? `"${c.alternatives[0].tokens.join(' ')}"` : c.alternatives.map((a) => a.tokens.join(' ')).join(' | ')) +
      (c.optional ? ' (可选)' : ''),
  );
  console.log(`“${state.q}” → ${tokens.join(' ＋ ') || '(仅筛选)'}：${outcome.total} 条结果${outcome.approximate ? '（近似匹配）' : ''}`);
  if (understood) console.log(understood);
  if (!outcome.plan.concepts.length && outcome.plan.dropped.length) console.log(nothingToSearchLine(outcome.plan));
  if (outcome.partial) console.log(partialLine(outcome.plan));
  for (const t of topics) console.log(`\n[相关政策] ${t.name}  ${topicPath(t.slug)}\n    ${t.summary}`);
  hits.forEach((h, i) => {
    console.log(`\n${String(i + 1).padStart(2)}. ${h.about}`);
    console.log(`    ${h.cite}${h.draft ? `  [草案：${h.draft}]` : ''}`);
    console.log(`    ${h.plan} · ${h.area} · ${h.kind}   ${h.url}`);
    console.log(`    ${mark(h.excerpt.html)}`);
  });
  console.log(`\n(${outcome.millis.total.toFixed(0)} ms)`);
}
