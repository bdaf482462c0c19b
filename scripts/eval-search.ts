/**
 * npm run eval:search [-- --queries <tsv> [--queries <tsv> …]] [--dist dist] [--no-write] [-v]
 *
 * Runs query sets (format in ../shared/eval/README.md) — by default the keyword set
 * ../shared/eval/dev-queries.tsv and the question set tests/search/questions.tsv — against
 *   - the product search: the built index dist/pagefind through the same engine as the
 *     search page (src/search/node.ts), and
 *   - plain Pagefind: the `pagefind` CLI from the npm package run with default settings
 *     over the same built dist/ pages into a temporary folder, queried with the raw query
 *     string as a zh-CN page would (Pagefind's own segmentation on both sides),
 * and prints precision@10, plan recall@10 and zero-result queries side by side, per set.
 * Relevance is judged on the text a result links to in the built HTML (src/search/eval/run.ts);
 * scoring is src/search/eval/metrics.ts. Writes docs/search-eval.md unless --no-write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/search/corpus.ts';
import { summarize, type QueryScore, type Summary } from '../src/search/eval/metrics.ts';
import { createJudge, defaultSets, labelOf, loadQuerySet, runBaseline, runProduct, type QuerySet } from '../src/search/eval/run.ts';
import { missingIndexMessage, openBuiltSearch } from '../src/search/node.ts';
import { bootPagefind } from '../src/search/pagefind-node.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    queries: { type: 'string', multiple: true },
    dist: { type: 'string', default: 'dist' },
    'no-write': { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const dist = resolve(root, args.dist!);
if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
  console.error(`eval:search: ${missingIndexMessage(dist)}`);
  process.exit(1);
}

// ---- Query sets ----
const wanted = args.queries?.length
  ? args.queries.map((f) => ({ label: labelOf(f), file: resolve(process.cwd(), f) }))
  : defaultSets(root);
const sets: QuerySet[] = [];
const missing: string[] = [];
for (const { label, file } of wanted) {
  const set = loadQuerySet(label, file);
  if (set) sets.push(set);
  else if (args.queries) {
    console.error(`eval:search: ${file} not found`);
    process.exit(1);
  } else {
    const note = `${label}: ${relative(root, file)} not found (the shared set lives outside this repository, in ../shared/eval/); not run`;
    console.warn(`eval:search: ${note}`);
    missing.push(note);
  }
}
if (!sets.length) {
  console.error('eval:search: no query set to run');
  process.exit(1);
}

// ---- Plain Pagefind over the same pages ----
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

// ---- Runs: one loop over the sets ----
const corpus = loadCorpus(root);
const judge = createJudge(dist, corpus);
const search = await openBuiltSearch(root, dist);
const pf = await bootPagefind(join(baselineDir, 'pagefind'), { htmlLang: 'zh-CN' });
const results = [];
for (const set of sets) {
  const product = await runProduct(search, set.queries, judge);
  const unresolved = judge.unresolved.splice(0);
  const literal = await runProduct(search, set.queries, judge, { fill: 'ten', looser: 'inline' });
  judge.unresolved.splice(0);
  const baseline = await runBaseline(pf, set.queries, judge);
  results.push({ set, product, literal, baseline, unresolved });
}
await search.close();
await pf.close();
rmSync(baselineDir, { recursive: true, force: true });

// ---- Report ----
const pct = (x: number) => x.toFixed(3);
const zeros = (s: Summary) => String(s.zero.length);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const rec = (s: QueryScore) => (s.plansWithForm.length ? `${s.plansFound.length}/${s.plansWithForm.length}` : '–');

const summary = [
  `| query set | queries | product P@10 | product plan recall@10 | product zero-result | plain Pagefind P@10 | plain plan recall@10 | plain zero-result |`,
  `|---|---|---|---|---|---|---|---|`,
  ...results.map(({ set, product, baseline }) => {
    const a = summarize(product.scores);
    const b = summarize(baseline.sections);
    return `| ${set.label} | ${set.queries.length} | ${pct(a.precision)} | ${pct(a.planRecall)} | ${zeros(a)} | ${pct(b.precision)} | ${pct(b.planRecall)} | ${zeros(b)} |`;
  }),
].join('\n');

const setups = [`| query set | setup | precision@10 | plan recall@10 | zero-result queries |`, `|---|---|---|---|---|`];
for (const { set, product, literal, baseline } of results) {
  const rows: [string, QueryScore[]][] = [
    ['产品检索 (product)', product.scores],
    ['产品检索，不延后宽松匹配并补足十条 (looser inline, fill ten)', literal.scores],
    ['Pagefind 默认 — 按小节 (plain, sections)', baseline.sections],
    ['Pagefind 默认 — 按页面 (plain, pages)', baseline.pagesOnly],
  ];
  for (const [name, scores] of rows) {
    const s = summarize(scores);
    setups.push(`| ${set.label} | ${name} | ${pct(s.precision)} | ${pct(s.planRecall)} | ${zeros(s)} |`);
  }
}

const details = results.map(({ set, product, baseline }) => {
  const lines = [
    `### ${set.label}: \`${relative(root, set.file)}\` (${set.queries.length} queries)`,
    '',
    `| query | product P@10 | recall | found | plain (sections) P@10 | recall | pages found |`,
    `|---|---|---|---|---|---|---|`,
  ];
  set.queries.forEach((q, i) => {
    const a = product.scores[i];
    const b = baseline.sections[i];
    lines.push(`| ${q.query} | ${pct(a.precision)} | ${rec(a)} | ${a.results} | ${pct(b.precision)} | ${rec(b)} | ${b.results} |`);
  });
  return lines.join('\n');
});

console.log('');
for (const m of missing) console.log(`NOTE: ${m}`);
console.log(summary);
console.log('');
console.log(setups.join('\n'));
for (const [i, { set, product, unresolved }] of results.entries()) {
  console.log(`\n${details[i]}`);
  console.log(`\n${set.label}: product latency in Node: median ${median(product.millis).toFixed(0)} ms per query (first query ${product.millis[0]?.toFixed(0)} ms)`);
  if (unresolved.length) console.log(`WARNING: ${unresolved.length} product result(s) did not resolve to a clause: ${unresolved.slice(0, 5).join(' ')}`);
  if (args.verbose) {
    set.queries.forEach((q, j) => {
      const s = product.scores[j];
      const misses = s.top.filter((t) => !t.relevant);
      const missed = s.plansWithForm.filter((p) => !s.plansFound.includes(p));
      if (misses.length || missed.length) console.log(`  ${q.query}: not relevant ${misses.map((m) => m.url).join(' ')}; plans missed ${missed.join(',')}`);
    });
  }
}

if (!args['no-write']) {
  const md = `# Search evaluation

Written by \`npm run eval:search\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.

Query sets: ${sets.map((s) => `${s.label}, \`${relative(root, s.file)}\` (${s.queries.length} queries)`).join('; ')}. Format and judging rules in \`../shared/eval/README.md\`.
${missing.map((m) => `\n**Not run:** ${m}.\n`).join('')}
Corpus: ${corpus.plans.length} plans, ${corpus.records.length} indexed records; plain Pagefind indexed ${pagesIndexed} built pages in ${(baselineIndexMs / 1000).toFixed(1)} s.

${summary}

The **keyword set** holds terms as the plans print them; the **question set** holds questions as
families ask them (我家孩子是自闭症能去哪里上学, 残疾证怎么办 …), with the plans' answering
wordings as accepted forms.

A result is relevant when the text it links to contains an accepted form (whitespace ignored):
for the product the \`data-clause\` element (or indicator row) with the result's id in the built
HTML; for plain Pagefind the section from the linked heading anchor to the next heading with an
id, or the whole page when the link has no anchor. precision@10 is the relevant share of the
first ten results (of all results when there are fewer; 0 when there are none); plan recall@10
is, over the plans with a clause (or 专栏 item, indicator row, heading) that contains a form, the
share with a relevant result in the first ten. A zero-result query has no result although some
plan contains a form.

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

${setups.join('\n')}

## Per query

Product vs plain Pagefind by sections; recall = plans found / plans containing a form; found =
number of results.

${details.join('\n\n')}
`;
  writeFileSync(join(root, 'docs/search-eval.md'), md);
  console.log('recorded in docs/search-eval.md');
}
