// usage: npx tsx scripts/diag.diag.mts "q1" "q2"...  (copied into scripts/ to run)
import { readFileSync } from 'node:fs';
import { openBuiltSearch } from '../src/search/node.ts';
import { plansInScope } from '../src/search/params.ts';
import { parseQueries, isRelevant } from '../src/search/eval/metrics.ts';
import { createJudge } from '../src/search/eval/run.ts';
import { loadCorpus } from '../src/search/corpus.ts';
const root = process.cwd();
const b = await openBuiltSearch(root);
const qs = parseQueries(readFileSync('tests/search/questions.tsv', 'utf8'));
const judge = createJudge(root + '/dist', loadCorpus(root));
for (const q of process.argv.slice(2)) {
  const eq = qs.find((x) => x.query === q) ?? { query: q, forms: [['@@@']], line: 0 };
  const out = await b.engine.search(q, { plans: plansInScope(b.facets, {}) });
  console.log(`\n## ${q}  total=${out.total} partial=${out.partial} forms=${eq.forms.map((f) => f.join('&')).join('|')}`);
  console.log('   concepts:', out.plan.concepts.map((c) => `${c.optional ? '?' : ''}${c.text}[${c.alternatives.map((a) => a.text + (a.strict ? '!' : '')).join(',')}]`).join(' '));
  for (const h of out.hits.slice(0, 10)) {
    const t = judge.clauseText(h.url) ?? '';
    console.log(`  ${isRelevant(t, eq as any) ? '✓' : '✗'} ${h.url}  ${t.replace(/\s+/g, '').slice(0, 90)}`);
  }
}
await b.close();
