import { resolve } from 'node:path';
import { openBuiltSearch } from '/work/main/src/search/node.ts';
import { loadCorpus } from '/work/main/src/search/corpus.ts';
import { createJudge, loadQuerySet } from '/work/main/src/search/eval/run.ts';
import { isRelevant } from '/work/main/src/search/eval/metrics.ts';
import { plansInScope } from '/work/main/src/search/params.ts';
const root = '/work/main';
const s = await openBuiltSearch(root, resolve(root, 'dist'));
const judge = createJudge(resolve(root, 'dist'), loadCorpus(root));
const set = loadQuerySet('q', resolve(root, 'tests/search/questions.tsv'))!;
const byTier: Record<string, [number, number]> = {};
for (const q of set.queries) {
  const out = await s.engine.search(q.query, { plans: plansInScope(s.facets, {}) });
  const line: string[] = [];
  for (const h of out.hits) {
    const rel = isRelevant(judge.clauseText(h.url), q);
    const k = String(h.tier);
    byTier[k] ??= [0, 0];
    byTier[k][rel ? 0 : 1]++;
    line.push(`${h.tier}${rel ? '+' : '-'}`);
  }
  if (process.argv[2] === 'v') console.log(q.query, line.join(' '), out.topics.map((t) => t.slug).join(','));
}
console.log(byTier);
await s.close();
