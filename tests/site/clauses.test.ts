// Every clause of every plan is on the site exactly where the markup contract says:
// task clauses and 专栏 items with an area on exactly one plan area page, overview
// text on the plan's overview page; each with its anchor id and a data-clause element
// whose text is exactly label + paragraphs.join('').
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clause, Plan } from '../../src/model/plan.ts';
import { dataClauses, htmlFiles, textOf, idsOf, readCatalog, readDist, readPlan, requireDist, type DataClause } from './site';

interface Found extends DataClause {
  file: string;
}

let areaPages: Map<string, Found[]>;
let all: Found[];

beforeAll(() => {
  requireDist();
  all = htmlFiles().flatMap((file) => dataClauses(readDist(file)).map((c) => ({ ...c, file })));
  areaPages = new Map();
  for (const f of all) {
    if (/^plans\/[^/]+\/(?!source\/)[^/]+\/index\.html$/.test(f.file)) {
      const list = areaPages.get(f.file) ?? [];
      list.push(f);
      areaPages.set(f.file, list);
    }
  }
});

const text = (u: Clause) => u.label + u.paragraphs.join('');
const bodyUnits = (plan: Plan) => plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]);
const boxItems = (plan: Plan) => plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items));

describe.each(readCatalog().map((e) => e.slug))('%s', (slug) => {
  const plan = readPlan(slug);
  const withArea = [...bodyUnits(plan), ...boxItems(plan)].filter((u) => u.area !== null);
  const overview = [...plan.front, ...bodyUnits(plan).filter((u) => u.area === null)];

  it('shows every clause and 专栏 item with an area on exactly one area page of its plan', () => {
    expect(withArea.length).toBeGreaterThan(0);
    const onPlanPages = [...areaPages.entries()].filter(([file]) => file.startsWith(`plans/${slug}/`)).flatMap(([, list]) => list);
    for (const unit of withArea) {
      const hits = onPlanPages.filter((c) => c.id === unit.id);
      expect(hits.map((h) => h.file), unit.id).toHaveLength(1);
      expect(hits[0].text, unit.id).toBe(text(unit));
    }
    // And nothing else is on the area pages.
    expect(onPlanPages).toHaveLength(withArea.length);
  });

  it('puts each unit on the page of its own area, in source order', () => {
    for (const [file, list] of areaPages) {
      if (!file.startsWith(`plans/${slug}/`)) continue;
      const units = list.map((c) => withArea.find((u) => u.id === c.id)!);
      expect(new Set(units.map((u) => u.area)).size, file).toBe(1);
      const firstLines = units.map((u) => u.lines[0]);
      expect(firstLines, file).toEqual([...firstLines].sort((a, b) => a - b));
    }
  });

  it('shows the front matter and overview text on the overview page', () => {
    const page = all.filter((c) => c.file === `plans/${slug}/index.html`);
    expect(page.map((c) => c.id)).toEqual(overview.map((u) => u.id));
    for (const unit of overview) expect(page.find((c) => c.id === unit.id)!.text, unit.id).toBe(text(unit));
  });
});

describe('markup contract', () => {
  it('data-clause ids are unique across the reading pages (one home per clause)', () => {
    const keys = all.map((c) => `${c.file.split('/')[1]}#${c.id}`);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('every id on every page is unique', () => {
    for (const file of htmlFiles()) {
      const ids = idsOf(readDist(file));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes, file).toEqual([]);
    }
  });

  it('each clause sits in an article with its citation, permalink, copy and share buttons outside the data-clause element', () => {
    const html = readDist('plans/ningxia-rural/baozhang/index.html');
    const articles = [...html.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)].map((m) => m[1]);
    expect(articles.length).toBeGreaterThan(0);
    const plan = readPlan('ningxia-rural');
    for (const body of articles) {
      const [clause] = dataClauses(body);
      const unit = bodyUnits(plan).find((u) => u.id === clause.id)!;
      expect(body).toContain(`<span class="citation" id="${unit.id}-cite">${unit.citation}</span>`);
      expect(body).toContain(`href="/plans/ningxia-rural/baozhang/#${unit.id}"`);
      expect(body).toMatch(/<button[^>]*data-copy-citation[^>]*>复制引用<\/button>/);
      // 分享 names the clause it shares through its description, the citation.
      expect(body).toContain(`data-share aria-describedby="${unit.id}-cite">分享</button>`);
      // The lead sentence is bold inside the first paragraph.
      if (unit.title) expect(body).toContain(`<strong>${unit.title}</strong>`);
      // Responsibility summary under the clause: the note's own labels and words, as printed.
      if (unit.responsibility) {
        const shown = [...body.matchAll(/<p class="responsibility">([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]))[0];
        const printed = unit.responsibility.text.replace(/^[（(]|[）)]$/g, '');
        const bare = (t: string) => t.replace(/^分工：/, '').replace(/[，；;,\s]/g, '');
        expect(bare(shown), unit.id).toBe(bare(printed));
      }
    }
  });

  it('a responsibility note keeps its own label (责任落实) and an open list its 等', () => {
    const html = readDist('plans/ningxia-rural/jiaoyu/index.html');
    const notes = [...html.matchAll(/<p class="responsibility">([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]));
    expect(notes.some((n) => n.includes('责任落实：各市、县〔区〕'))).toBe(true);
    expect(notes.some((n) => /配合部门：[^牵]*残联等/.test(n))).toBe(true);
    expect(notes.join('')).not.toMatch(/责任单位：各市、县〔区〕.*责任落实|牵头：|配合：/);
  });

  it('marks incomplete units in the source view', () => {
    for (const { slug } of readCatalog()) {
      const plan = readPlan(slug);
      const incomplete = [...plan.front, ...bodyUnits(plan), ...boxItems(plan)].filter((u) => u.incomplete).length;
      const marks = [...readDist(`plans/${slug}/source/index.html`).matchAll(/<p class="incomplete">（原文此处不完整）<\/p>/g)].length;
      expect(marks, slug).toBe(incomplete);
    }
  });

  it('marks each source line in plain words, 原文第 N 行', () => {
    for (const { slug } of readCatalog()) {
      const html = readDist(`plans/${slug}/source/index.html`);
      const markers = [...html.matchAll(/<span class="ln">([^<]*)<\/span>/g)].map((m) => m[1]);
      expect(markers.length, slug).toBeGreaterThan(0);
      for (const m of markers) expect(m, slug).toMatch(/^原文第 \d+ 行$/);
    }
  });
});
