/**
 * Search quality beside the search's bytes and times (npm run bench): precision@10, plan
 * recall@10 and zero-result queries of the product search on each default query set (the
 * keyword set ../shared/eval/dev-queries.tsv, when present, and the question set
 * tests/search/questions.tsv), run as `npm run eval:search` runs them. The targets for
 * the question set are 0.9 and 0.9 (a budget here is a ceiling, so none is set).
 */
import { join } from 'node:path';
import { loadCorpus } from '../../src/search/corpus.ts';
import { summarize } from '../../src/search/eval/metrics.ts';
import { createJudge, defaultSets, loadQuerySet, runProduct } from '../../src/search/eval/run.ts';
import { openBuiltSearch } from '../../src/search/node.ts';
import type { BenchResult } from './types.ts';

export async function benchSearchQuality(root: string, dist = join(root, 'dist')): Promise<BenchResult[]> {
  const search = await openBuiltSearch(root, dist);
  try {
    const judge = createJudge(dist, loadCorpus(root));
    const out: BenchResult[] = [];
    for (const { label, file } of defaultSets(root)) {
      const set = loadQuerySet(label, file);
      if (!set) continue;
      const s = summarize((await runProduct(search, set.queries, judge)).scores);
      const name = `search quality: ${label}, ${set.queries.length} queries`;
      out.push(
        { name: `${name}, precision@10`, value: s.precision, unit: '', digits: 3 },
        { name: `${name}, plan recall@10`, value: s.planRecall, unit: '', digits: 3 },
        { name: `${name}, zero-result queries`, value: s.zero.length, unit: '', digits: 0 },
      );
    }
    return out;
  } finally {
    await search.close();
  }
}
