// The question set (tests/search/questions.tsv: questions as families ask them) and the shared
// keyword set held to targets, on the BUILT index through the engine the page uses, scored
// exactly as `npm run eval:search` scores them (src/search/eval/run.ts and metrics.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueries, squash, summarize, type QueryScore } from '../../src/search/eval/metrics.ts';
import { createJudge, defaultSets, loadQuerySet, runProduct, type Judge } from '../../src/search/eval/run.ts';
import { openBuiltSearch, type BuiltSearch } from '../../src/search/node.ts';
import { DIST, ROOT, realCorpus, requireIndex } from './helpers.ts';

const [KEYWORDS, QUESTIONS] = defaultSets(ROOT);

describe('question set file', () => {
  const text = readFileSync(QUESTIONS.file, 'utf8');

  it('every line parses as query<TAB>forms, at least 40 questions, no duplicates', () => {
    const queries = parseQueries(text, QUESTIONS.file); // throws with file:line on a bad line
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const seen = new Map<string, number>();
    const dups: string[] = [];
    for (const q of queries) {
      const key = squash(q.query);
      if (seen.has(key)) dups.push(`${q.query} (lines ${seen.get(key)} and ${q.line})`);
      seen.set(key, q.line);
    }
    expect(dups, 'duplicate questions').toEqual([]);
  });

  it('every content line has exactly one tab, and no form is empty', () => {
    const bad = text
      .split(/\r?\n/)
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => line.trim() && !line.trimStart().startsWith('#'))
      .filter(({ line }) => line.split('\t').length !== 2 || line.split('\t')[1].split('|').some((alt) => !alt.split(' & ').every((f) => f.trim())));
    expect(bad.map(({ n, line }) => `${n}: ${line}`)).toEqual([]);
  });
});

describe('search quality targets (built index)', () => {
  let search: BuiltSearch;
  let judge: Judge;
  beforeAll(async () => {
    requireIndex();
    search = await openBuiltSearch(ROOT, DIST);
    judge = createJudge(DIST, realCorpus());
  });
  afterAll(() => search?.close());

  const fmt = (s: QueryScore) =>
    `  ${s.query}: ${s.results} results, P@10 ${s.precision.toFixed(2)}, plans ${s.plansFound.length}/${s.plansWithForm.length}` +
    (s.plansWithForm.length > s.plansFound.length ? ` (missed ${s.plansWithForm.filter((p) => !s.plansFound.includes(p)).join(', ')})` : '');

  /** Runs a set and checks its targets; the message lists every question below a target. */
  async function holdToTargets(file: string, label: string, t: { precision: number; planRecall: number; zero?: number }) {
    const set = loadQuerySet(label, file)!;
    const { scores } = await runProduct(search, set.queries, judge);
    const s = summarize(scores);
    const failing = scores.filter((q) => q.zero || q.precision < t.precision || q.planRecall < t.planRecall);
    const report =
      `${label}: precision@10 ${s.precision.toFixed(3)} (target ≥ ${t.precision}), plan recall@10 ${s.planRecall.toFixed(3)} ` +
      `(target ≥ ${t.planRecall}), zero-result ${s.zero.length}${t.zero === undefined ? '' : ` (target ${t.zero})`}\n` +
      `${failing.length} of ${scores.length} below a target:\n${failing.map(fmt).join('\n')}`;
    if (t.zero !== undefined) expect(s.zero.length, report).toBe(t.zero);
    expect(s.precision, report).toBeGreaterThanOrEqual(t.precision);
    expect(s.planRecall, report).toBeGreaterThanOrEqual(t.planRecall);
  }

  // The issue's targets are precision@10 ≥ 0.9 and plan recall@10 ≥ 0.9. Reached so far, on 961
  // questions judged by forms a blind audit made stricter (2026-12-02), with twenty-seven blind
  // rounds in the set (the later ones harder: each starts 0.1–0.3 below the set): 0.741 and 0.787
  // with no zero-result question (docs/search-eval.md). This guards what is reached, so a change
  // that loses ground fails; raise the bars as the search improves.
  it('question set: no zero-result question, precision@10 ≥ 0.73, plan recall@10 ≥ 0.80', async () => {
    await holdToTargets(QUESTIONS.file, QUESTIONS.label, { zero: 0, precision: 0.73, planRecall: 0.8 });
  });

  const hasKeywords = loadQuerySet(KEYWORDS.label, KEYWORDS.file) !== null;
  if (!hasKeywords) console.warn(`questions.test: ${KEYWORDS.file} not found (the shared set lives outside the repository); keyword-set targets skipped`);
  it.skipIf(!hasKeywords)(`keyword set (${KEYWORDS.file}): precision@10 ≥ 0.96, plan recall@10 ≥ 0.98`, async () => {
    await holdToTargets(KEYWORDS.file, KEYWORDS.label, { precision: 0.96, planRecall: 0.98 });
  });
});
