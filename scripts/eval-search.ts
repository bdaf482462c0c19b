/**
 * npm run eval:search [-- --queries <tsv>] [--dist dist] [--no-write]
 *
 * Runs a query set (default ../shared/eval/dev-queries.tsv; format in its README) against
 *   - the product search: the built index dist/pagefind through the same engine as the
 *     search page (src/search/node.ts), and
 *   - plain Pagefind: the `pagefind` CLI from the npm package run with default settings
 *     over the same built dist/ pages into a temporary folder, queried with the raw query
 *     string as a zh-CN page would (Pagefind's own segmentation on both sides),
 * and prints precision@10, plan recall@10 and zero-result queries side by side.
 * Relevance is judged on the text a result links to in the built HTML: for our results the
 * data-clause element (or indicator row) with that id; for Pagefind's, the section from the
 * linked heading anchor to the next heading with an id (the whole page when no anchor).
 * Writes the table to docs/search-eval.md unless --no-write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/search/corpus.ts';
import { elementText, readPage, sectionText, type PageText } from '../src/search/eval/html.ts';
import { parseQueries, scoreQuery, summarize, type QueryScore, type Summary } from '../src/search/eval/metrics.ts';
import { missingIndexMessage, openBuiltSearch } from '../src/search/node.ts';
import { bootPagefind, type NodePfExtra } from '../src/search/pagefind-node.ts';
import { plansInScope } from '../src/search/params.ts';
import type { EngineOptions, PfData } from '../src/search/engine.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    queries: { type: 'string', default: resolve(root, '../shared/eval/dev-queries.tsv') },
    dist: { type: 'string', default: 'dist' },
    'no-write': { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const dist = resolve(root, args.dist!);
const queriesFile = resolve(process.cwd(), args.queries!);
if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
  console.error(`eval:search: ${missingIndexMessage(dist)}`);
  process.exit(1);
}
const queries = parseQueries(readFileSync(queriesFile, 'utf8'), queriesFile);

// ---- Built pages and what a link points at ----
const pages = new Map<string, PageText | null>();
function page(path: string): PageText | null {
  if (!pages.has(path)) {
    const file = join(dist, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
    pages.set(path, existsSync(file) ? readPage(readFileSync(file, 'utf8')) : null);
  }
  return pages.get(path)!;
}
const split = (url: string) => {
  const u = new URL(url, 'http://x');
  return { path: decodeURI(u.pathname), id: decodeURIComponent(u.hash.slice(1)) };
};
const planOf = (url: string) => /^\/plans\/([a-z][a-z0-9-]*)\//.exec(split(url).path)?.[1] ?? null;
let unresolved: string[] = [];
/** Our results: the data-clause element or indicator row with that id. */
function clauseText(url: string): string | null {
  const { path, id } = split(url);
  const p = page(path);
  const el = p?.byId.get(id);
  if (!p || !el || !('data-clause' in el.attrs || el.tag === 'tr')) {
    unresolved.push(url);
    return null;
  }
  return elementText(p, id);
}
/** Pagefind's results: the section from the heading anchor, or the whole page. */
function pagefindSection(url: string): string | null {
  const { path, id } = split(url);
  const p = page(path);
  if (!p) return null;
  return id ? sectionText(p, id) : p.text;
}

// ---- Plan texts: every text the plan model holds ----
const corpus = loadCorpus(root);
const planTexts = new Map<string, string>();
for (const plan of corpus.plans) {
  const slug = plan.catalog.slug;
  const parts = corpus.records.filter((r) => r.slug === slug).map((r) => r.text);
  for (const c of plan.chapters) parts.push(c.heading, ...c.sections.map((s) => s.heading));
  for (const b of plan.boxes) parts.push(`专栏${b.number} ${b.title}`, ...b.groups.map((g) => g.title ?? ''), ...b.notes.map((n) => n.text));
  planTexts.set(slug, parts.join('\n'));
}

// ---- Product ----
async function runProduct(opts: EngineOptions): Promise<{ scores: QueryScore[]; millis: number[] }> {
  const search = await openBuiltSearch(root, dist);
  const scores: QueryScore[] = [];
  const millis: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const out = await search.engine.search(q.query, { plans: plansInScope(search.facets, {}), ...opts });
    millis.push(performance.now() - t);
    const results = out.hits.map((h) => ({ url: h.url, plan: planOf(h.url), text: clauseText(h.url) }));
    scores.push({ ...scoreQuery(q, results, planTexts), results: out.total + out.looser });
  }
  await search.close();
  return { scores, millis };
}

// ---- Plain Pagefind ----
const baselineDir = mkdtempSync(join(tmpdir(), 'eval-pagefind-'));
const bin = join(root, 'node_modules', '.bin', 'pagefind');
const tIndex = performance.now();
const run = spawnSync(bin, ['--site', dist, '--output-path', join(baselineDir, 'pagefind')], { encoding: 'utf8' });
const baselineIndexMs = performance.now() - tIndex;
if (run.status !== 0) {
  console.error(`eval:search: pagefind CLI failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const pagesIndexed = /Indexed (\d+) pages?/.exec(run.stdout)?.[1] ?? '?';

async function runBaseline(): Promise<{ sections: QueryScore[]; pagesOnly: QueryScore[] }> {
  const pf = await bootPagefind(join(baselineDir, 'pagefind'), { htmlLang: 'zh-CN' });
  const sections: QueryScore[] = [];
  const pagesOnly: QueryScore[] = [];
  for (const q of queries) {
    const r = await pf.search(q.query);
    const results = r?.results ?? [];
    // Each page result with its sections as Pagefind's UI lists them: the sections holding
    // matches, most matches first (the page itself when it has no headings with ids).
    const sectionResults: { url: string; plan: string | null; text: string | null }[] = [];
    const pageResults: { url: string; plan: string | null; text: string | null }[] = [];
    for (const res of results) {
      if (sectionResults.length >= 10 && pageResults.length >= 10) break;
      const d = (await res.data()) as PfData & NodePfExtra;
      pageResults.push({ url: d.url, plan: planOf(d.url), text: pagefindSection(split(d.url).path) });
      const subs = (d.sub_results ?? []).filter((s) => s.locations?.length).sort((a, b) => b.locations.length - a.locations.length);
      for (const s of subs.length ? subs : [{ url: d.url }]) {
        sectionResults.push({ url: s.url, plan: planOf(s.url), text: pagefindSection(s.url) });
      }
    }
    sections.push({ ...scoreQuery(q, sectionResults, planTexts), results: results.length });
    pagesOnly.push({ ...scoreQuery(q, pageResults, planTexts), results: results.length });
  }
  await pf.close();
  return { sections, pagesOnly };
}

const product = await runProduct({});
const productUnresolved = unresolved;
unresolved = [];
const literal = await runProduct({ fill: 'ten', looser: 'inline' });
const baseline = await runBaseline();
rmSync(baselineDir, { recursive: true, force: true });

// ---- Report ----
const pct = (x: number) => x.toFixed(3);
const rows: [string, Summary][] = [
  ['产品检索 (product)', summarize(product.scores)],
  ['产品检索，不延后宽松匹配并补足十条 (looser inline, fill ten)', summarize(literal.scores)],
  ['Pagefind 默认 — 按小节 (plain, sections)', summarize(baseline.sections)],
  ['Pagefind 默认 — 按页面 (plain, pages)', summarize(baseline.pagesOnly)],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const lines: string[] = [];
lines.push(`| setup | precision@10 | plan recall@10 | zero-result queries |`, `|---|---|---|---|`);
for (const [name, s] of rows) lines.push(`| ${name} | ${pct(s.precision)} | ${pct(s.planRecall)} | ${s.zero.length ? s.zero.join('、') : '0'} |`);
const summaryTable = lines.join('\n');

const perQuery: string[] = [
  `| query | product P@10 | recall | found | plain (sections) P@10 | recall | pages found |`,
  `|---|---|---|---|---|---|---|`,
];
queries.forEach((q, i) => {
  const a = product.scores[i];
  const b = baseline.sections[i];
  const rec = (s: QueryScore) => (s.plansWithForm.length ? `${s.plansFound.length}/${s.plansWithForm.length}` : '–');
  perQuery.push(`| ${q.query} | ${pct(a.precision)} | ${rec(a)} | ${a.results} | ${pct(b.precision)} | ${rec(b)} | ${b.results} |`);
});

console.log(`\nqueries: ${relative(process.cwd(), queriesFile)} (${queries.length})`);
console.log(summaryTable);
console.log('');
console.log(perQuery.join('\n'));
console.log(`\nproduct latency in Node: median ${median(product.millis).toFixed(0)} ms per query (cold first query ${product.millis[0]?.toFixed(0)} ms)`);
if (productUnresolved.length) console.log(`WARNING: ${productUnresolved.length} product result(s) did not resolve to a clause: ${productUnresolved.slice(0, 5).join(' ')}`);
if (args.verbose) {
  queries.forEach((q, i) => {
    const misses = product.scores[i].top.filter((t) => !t.relevant);
    const missing = product.scores[i].plansWithForm.filter((p) => !product.scores[i].plansFound.includes(p));
    if (misses.length || missing.length) console.log(`  ${q.query}: not relevant ${misses.map((m) => m.url).join(' ')}; plans missed ${missing.join(',')}`);
  });
}

if (!args['no-write']) {
  const md = `# Search evaluation

Written by \`npm run eval:search\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.

Query set: \`${relative(root, queriesFile)}\` (${queries.length} queries; format and judging rules in its README).
Corpus: ${corpus.plans.length} plans, ${corpus.records.length} indexed records; plain Pagefind indexed ${pagesIndexed} built pages in ${(baselineIndexMs / 1000).toFixed(1)} s.

A result is relevant when the text it links to contains an accepted form (whitespace ignored):
for the product the \`data-clause\` element (or indicator row) with the result's id in the built
HTML; for plain Pagefind the section from the linked heading anchor to the next heading with an
id, or the whole page when the link has no anchor. precision@10 is the relevant share of the
first ten results (of all results when there are fewer); plan recall@10 is, over the plans whose
text contains a form, the share with a relevant result in the first ten.

- **product**: \`dist/pagefind\` (nodejieba tokens, language zxx) through the search page's own
  engine (segmenter, aliases, query plan, ranking), run in Node.
- **looser inline, fill ten**: the same engine with the literal tiering — all records holding
  every word right after the verbatim ones, then records holding some of the words to fill the
  first page up to ten. The product instead keeps a plan's non-verbatim matches behind its
  verbatim ones (one looser match per plan that has no verbatim match stays on the first page)
  and shows partial matches only when nothing holds every word; docs/search.md explains why.
- **plain, sections**: the \`pagefind\` CLI with default settings over \`dist/\`, queried with the
  raw query string as a zh-CN page does; each page result contributes the sections Pagefind
  lists for it (those with matches, most matches first).
- **plain, pages**: the same results, one per page, judged on the whole page.

${summaryTable}

Per query (product vs plain Pagefind by sections; recall = plans found / plans containing a form):

${perQuery.join('\n')}
`;
  writeFileSync(join(root, 'docs/search-eval.md'), md);
  console.log('recorded in docs/search-eval.md');
}
