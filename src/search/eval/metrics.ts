/**
 * The evaluation's query set format and figures (../shared/eval/README.md):
 * each line is `query<TAB>forms`, forms `A|B` (any) of `X & Y` (all); a result is relevant
 * when the text of the section it links to contains a form, whitespace ignored. A plan
 * "contains a form" when one of its texts (a clause, 专栏 item, indicator row or heading)
 * does: a form `A & B` with A and B in different clauses is not an answer.
 */

export interface EvalQuery {
  query: string;
  /** Alternatives, each a list of strings that must all occur. */
  forms: string[][];
  line: number;
}

export function parseQueries(tsv: string, where = 'queries'): EvalQuery[] {
  const out: EvalQuery[] = [];
  tsv.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab === -1) throw new Error(`${where}:${i + 1}: expected "query<TAB>forms"`);
    const query = line.slice(0, tab).trim();
    const forms = line
      .slice(tab + 1)
      .split('|')
      .map((alt) => alt.split(' & ').map((f) => squash(f)).filter(Boolean))
      .filter((alt) => alt.length);
    if (!query || !forms.length) throw new Error(`${where}:${i + 1}: empty query or forms`);
    out.push({ query, forms, line: i + 1 });
  });
  return out;
}

export const squash = (s: string): string => s.replace(/\s+/g, '');

export const isRelevant = (text: string | null, q: EvalQuery): boolean => {
  if (text === null) return false;
  const t = squash(text);
  return q.forms.some((alt) => alt.every((f) => t.includes(f)));
};

export interface QueryScore {
  query: string;
  results: number;
  /** Relevant share of the first ten results (0 when there are none). */
  precision: number;
  /** Plans with a text (clause, item, row, heading) that holds a form. */
  plansWithForm: string[];
  /** Of those, plans with a relevant result in the first ten. */
  plansFound: string[];
  planRecall: number;
  /** No result although some plan holds a form. */
  zero: boolean;
  /** First ten results: url, plan, relevant. */
  top: { url: string; plan: string | null; relevant: boolean }[];
}

export function scoreQuery(
  q: EvalQuery,
  results: { url: string; plan: string | null; text: string | null }[],
  planTexts: Map<string, string[]>,
  k = 10,
): QueryScore {
  const top = results.slice(0, k).map((r) => ({ url: r.url, plan: r.plan, relevant: isRelevant(r.text, q) }));
  const plansWithForm = [...planTexts].filter(([, texts]) => texts.some((t) => isRelevant(t, q))).map(([slug]) => slug);
  const plansFound = plansWithForm.filter((p) => top.some((r) => r.relevant && r.plan === p));
  return {
    query: q.query,
    results: results.length,
    precision: top.length ? top.filter((r) => r.relevant).length / top.length : 0,
    plansWithForm,
    plansFound,
    planRecall: plansWithForm.length ? plansFound.length / plansWithForm.length : 1,
    zero: results.length === 0 && plansWithForm.length > 0,
    top,
  };
}

export interface Summary {
  precision: number;
  planRecall: number;
  zero: string[];
}

export function summarize(scores: QueryScore[]): Summary {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    precision: mean(scores.map((s) => s.precision)),
    planRecall: mean(scores.filter((s) => s.plansWithForm.length).map((s) => s.planRecall)),
    zero: scores.filter((s) => s.zero).map((s) => s.query),
  };
}
