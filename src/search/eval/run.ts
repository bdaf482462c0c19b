/**
 * What the evaluation script (scripts/eval-search.ts) and the question test
 * (tests/search/questions.test.ts) share: the query sets, the judge (what a result links to
 * in the built HTML, each plan's texts) and the runs of the product search and plain
 * Pagefind over one query set. Scoring itself is in metrics.ts. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Corpus } from '../corpus.ts';
import type { EngineOptions, PfData } from '../engine.ts';
import type { BuiltSearch } from '../node.ts';
import type { NodePagefind, NodePfExtra } from '../pagefind-node.ts';
import { plansInScope } from '../params.ts';
import { elementText, readPage, sectionText, type PageText } from './html.ts';
import { parseQueries, scoreQuery, type EvalQuery, type QueryScore } from './metrics.ts';

// ---- Query sets ----

export interface QuerySet {
  label: string;
  file: string;
  queries: EvalQuery[];
}

/** The default sets, relative to the repository root. */
export const defaultSets = (root: string): { label: string; file: string }[] => [
  { label: 'keyword set (shared dev queries)', file: resolve(root, '../shared/eval/dev-queries.tsv') },
  { label: 'question set', file: resolve(root, 'tests/search/questions.tsv') },
];

/** Reads a query set; null when the file does not exist (the shared set lives outside the repo). */
export function loadQuerySet(label: string, file: string): QuerySet | null {
  if (!existsSync(file)) return null;
  return { label, file, queries: parseQueries(readFileSync(file, 'utf8'), file) };
}

export const labelOf = (file: string): string => basename(file).replace(/\.tsv$/, '');

// ---- Judge: what a result links to in the built HTML ----

export interface Judge {
  /** Plan slug of a /plans/<slug>/… URL. */
  planOf(url: string): string | null;
  /** Our results: the data-clause element (or indicator row) with that id; null if it does not resolve. */
  clauseText(url: string): string | null;
  /** Pagefind's results: the section from the heading anchor to the next heading with an id, or the whole page. */
  sectionText(url: string): string | null;
  /** Every plan's texts: its records (clauses, 专栏 items, rows), chapter and section headings, box titles and notes. */
  planTexts: Map<string, string[]>;
  /** Product result URLs that did not resolve to a clause. */
  unresolved: string[];
}

const split = (url: string) => {
  const u = new URL(url, 'http://x');
  return { path: decodeURI(u.pathname), id: decodeURIComponent(u.hash.slice(1)) };
};

export function createJudge(dist: string, corpus: Corpus): Judge {
  const pages = new Map<string, PageText | null>();
  const page = (path: string): PageText | null => {
    if (!pages.has(path)) {
      const file = join(dist, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
      pages.set(path, existsSync(file) ? readPage(readFileSync(file, 'utf8')) : null);
    }
    return pages.get(path)!;
  };
  const planTexts = new Map<string, string[]>();
  for (const plan of corpus.plans) {
    const slug = plan.catalog.slug;
    const parts = corpus.records.filter((r) => r.slug === slug).map((r) => r.text);
    for (const c of plan.chapters) parts.push(c.heading, ...c.sections.map((s) => s.heading));
    for (const b of plan.boxes) parts.push(`专栏${b.number} ${b.title}`, ...b.groups.map((g) => g.title ?? ''), ...b.notes.map((n) => n.text));
    planTexts.set(slug, parts);
  }
  const judge: Judge = {
    planOf: (url) => /^\/plans\/([a-z][a-z0-9-]*)\//.exec(split(url).path)?.[1] ?? null,
    clauseText(url) {
      const { path, id } = split(url);
      const p = page(path);
      const el = p?.byId.get(id);
      if (!p || !el || !('data-clause' in el.attrs || el.tag === 'tr')) {
        judge.unresolved.push(url);
        return null;
      }
      return elementText(p, id);
    },
    sectionText(url) {
      const { path, id } = split(url);
      const p = page(path);
      if (!p) return null;
      return id ? sectionText(p, id) : p.text;
    },
    planTexts,
    unresolved: [],
  };
  return judge;
}

// ---- Runs ----

export interface ProductRun {
  scores: QueryScore[];
  millis: number[];
}

/** The product search (the page's engine on the built index) over every query of a set, all plans in scope. */
export async function runProduct(search: BuiltSearch, queries: EvalQuery[], judge: Judge, opts: EngineOptions = {}): Promise<ProductRun> {
  const scores: QueryScore[] = [];
  const millis: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const out = await search.engine.search(q.query, { plans: plansInScope(search.facets, {}), ...opts });
    millis.push(performance.now() - t);
    const results = out.hits.map((h) => ({ url: h.url, plan: judge.planOf(h.url), text: judge.clauseText(h.url) }));
    scores.push({ ...scoreQuery(q, results, judge.planTexts), results: out.total + out.looser });
  }
  return { scores, millis };
}

export interface BaselineRun {
  /** Each page result with its sections as Pagefind's UI lists them. */
  sections: QueryScore[];
  /** One result per page, judged on the whole page. */
  pagesOnly: QueryScore[];
}

/** Plain Pagefind (a bundle the `pagefind` CLI built over dist/, booted as a zh-CN page) with the raw query string. */
export async function runBaseline(pf: NodePagefind, queries: EvalQuery[], judge: Judge): Promise<BaselineRun> {
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
      pageResults.push({ url: d.url, plan: judge.planOf(d.url), text: judge.sectionText(split(d.url).path) });
      const subs = (d.sub_results ?? []).filter((s) => s.locations?.length).sort((a, b) => b.locations.length - a.locations.length);
      for (const s of subs.length ? subs : [{ url: d.url }]) {
        sectionResults.push({ url: s.url, plan: judge.planOf(s.url), text: judge.sectionText(s.url) });
      }
    }
    sections.push({ ...scoreQuery(q, sectionResults, judge.planTexts), results: results.length });
    pagesOnly.push({ ...scoreQuery(q, pageResults, judge.planTexts), results: results.length });
  }
  return { sections, pagesOnly };
}
