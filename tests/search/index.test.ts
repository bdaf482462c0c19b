// The built index (dist/pagefind) against the plan models: every clause, 专栏 item and
// indicator row has exactly one record, with the right URL, filters and text, and that URL
// resolves to the clause in the built HTML. Real Pagefind bundle, run in Node.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clause } from '../../src/model/plan.ts';
import { loadAreas } from '../../src/search/corpus.ts';
import type { PfData } from '../../src/search/engine.ts';
import { bootPagefind, type NodePagefind } from '../../src/search/pagefind-node.ts';
import { unspace } from '../../src/search/text.ts';
import { decodeLexicon } from '../../src/search/lexicon.ts';
import { visibleContent } from '../../src/search/enumerations.ts';
import { DIST, ROOT, builtPage, realCorpus, requireIndex, squash } from './helpers.ts';
import { citedTitle } from '../../src/model/cited-title.ts';

interface Expected {
  url: string;
  slug: string;
  text: string;
  area: string;
  kind: string;
  cite: string | null;
}

// What the index must hold, derived from plan.json directly (not through src/search/records.ts).
const corpus = realCorpus();
const areaSlug = Object.fromEntries(loadAreas(ROOT).map((a) => [a.name, a.slug]));
const expected: Expected[] = [];
for (const plan of corpus.plans) {
  const slug = plan.catalog.slug;
  const unit = (c: Clause, kind: string) =>
    expected.push({
      url: c.area ? `/plans/${slug}/${areaSlug[c.area]}/#${c.id}` : `/plans/${slug}/#${c.id}`,
      slug,
      text: c.label + c.paragraphs.join(''),
      area: c.area ?? '概述',
      kind,
      cite: c.citation,
    });
  plan.front.forEach((c) => unit(c, '正文'));
  for (const ch of plan.chapters) {
    ch.units.forEach((c) => unit(c, '正文'));
    for (const s of ch.sections) s.units.forEach((c) => unit(c, '正文'));
  }
  for (const box of plan.boxes) {
    for (const g of box.groups) g.items.forEach((c) => unit(c, '专栏'));
    for (const r of box.table?.rows ?? []) {
      expected.push({ url: `/plans/${slug}/#${r.id}`, slug, text: r.name, area: '概述', kind: '指标', cite: null });
    }
  }
}

let pf: NodePagefind;
const records = new Map<string, PfData[]>();
beforeAll(async () => {
  requireIndex();
  pf = await bootPagefind(join(DIST, 'pagefind'));
  // Every record, plan by plan, through a filter-only search.
  for (const value of corpus.planValues.values()) {
    const r = await pf.search(null, { filters: { plan: value } });
    for (const d of await Promise.all((r?.results ?? []).map((x) => x.data()))) {
      records.set(d.url, [...(records.get(d.url) ?? []), d]);
    }
  }
}, 120_000);
afterAll(() => pf?.close());

describe('the search index', () => {
  it('is one zxx index (Pagefind does not segment our tokens again)', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zxx']);
    expect(readdirSync(join(DIST, 'pagefind')).some((f) => /^pagefind\.zxx_.*\.pf_meta$/.test(f))).toBe(true);
  });

  it('has exactly one record per clause, 专栏 item and indicator row, and nothing else', () => {
    const dupes = [...records].filter(([, ds]) => ds.length > 1).map(([u]) => u);
    expect(dupes).toEqual([]);
    const missing = expected.filter((e) => !records.has(e.url)).map((e) => e.url);
    expect(missing).toEqual([]);
    const extra = [...records.keys()].filter((u) => !expected.some((e) => e.url === u));
    expect(extra).toEqual([]);
    expect(records.size).toBe(expected.length);
  });

  it('carries the right filters and citation on every record', () => {
    const bad: string[] = [];
    for (const e of expected) {
      const d = records.get(e.url)?.[0];
      if (!d) continue;
      const entry = corpus.catalog.find((c) => c.slug === e.slug)!;
      const want = {
        plan: [corpus.planValues.get(e.slug)],
        province: [entry.province],
        level: [entry.level],
        area: [e.area],
        status: [entry.status === '正式' ? '正式' : '草案'],
        kind: [e.kind],
        stage: [entry.status],
      };
      for (const [k, v] of Object.entries(want)) if (JSON.stringify(d.filters[k]) !== JSON.stringify(v)) bad.push(`${e.url} ${k}=${d.filters[k]}`);
      if (e.cite !== null && d.filters.cite?.[0] !== e.cite) bad.push(`${e.url} cite=${d.filters.cite}`);
      if (e.cite === null && !d.filters.cite?.[0]?.startsWith(`${citedTitle(entry)}专栏`)) bad.push(`${e.url} cite=${d.filters.cite}`);
    }
    expect(bad).toEqual([]);
  });

  it('holds the text as tokens (spaces removed, it is the clause text) and only sub-words in meta', () => {
    const bad: string[] = [];
    for (const e of expected) {
      const d = records.get(e.url)?.[0];
      if (!d) continue;
      // The clause's own tokens; lists spelled out by the indexer follow a mark (enumerations.test.ts).
      const text = unspace(visibleContent(d.content));
      if (e.kind === '指标' ? !text.startsWith(e.text) : squash(text) !== squash(e.text)) bad.push(e.url);
      if (Object.keys(d.meta ?? {}).some((k) => k !== 'kw')) bad.push(`${e.url} meta ${Object.keys(d.meta!)}`);
    }
    expect(bad).toEqual([]);
    // The content is tokens: a clause of real text has spaces between its words.
    const sample = records.get(expected.find((e) => e.kind === '正文' && e.text.length > 40)!.url)![0];
    expect(sample.content.split(' ').length).toBeGreaterThan(10);
  });

  it('links to the clause in the built pages: the data-clause element (or table row) with that id', () => {
    const bad: string[] = [];
    for (const e of expected) {
      const [path, id] = e.url.split('#');
      const page = builtPage(path);
      const el = page?.byId.get(id);
      if (!page || !el) {
        bad.push(`${e.url}: no element with that id`);
        continue;
      }
      const text = page.text.slice(el.start, el.end);
      if (e.kind === '指标') {
        if (el.tag !== 'tr' || !squash(text).includes(squash(e.text))) bad.push(`${e.url}: not the indicator row`);
      } else if (!('data-clause' in el.attrs) || squash(text) !== squash(e.text)) {
        bad.push(`${e.url}: not the clause's data-clause element`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('ships the query dictionary with the curated words and aliases', () => {
    const lexicon = JSON.parse(readFileSync(join(DIST, 'pagefind/lexicon.json'), 'utf8'));
    const { segment } = decodeLexicon(lexicon);
    for (const w of ['两项补贴', '孤独症', '辅助器具', '残疾人证', '自闭症']) expect(segment(w), w).toEqual([w]);
    expect(lexicon.aliases['自闭症']).toContain('孤独症');
  });
});
