// Open data: each plan's model as JSON (valid against the JSON Schema generated from the
// zod model), all clauses and indicator rows as CSV (UTF-8 with BOM, RFC 4180; parsed back
// here and compared with the model), an Atom feed of the plans, and the links to them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { titleWithStatus } from '../../src/model/cited-title.ts';
import { clauseText } from '../../src/model/plan-text.ts';
import { PlanSchema, STATED_IN_TEXT, type Plan } from '../../src/model/plan.ts';
import { toCsv } from '../../src/publish/csv.ts';
import { CLAUSE_COLUMNS, INDICATOR_COLUMNS, LIST_SEPARATOR, TABLE_ORIGIN } from '../../src/publish/open-data.ts';
import { siteRoot } from '../../src/publish/site-address.ts';
import { placedUnits } from '../../src/site/units.ts';
import { atomViolations } from './atom-schema.ts';
import { parseCsv } from './parse-csv.ts';
import { DIST, decodeEntities, idsOf, readCatalog, readDist, readPlan } from '../site/site.ts';

const root = siteRoot();
const catalog = readCatalog();
const plans = new Map(catalog.map((e) => [e.slug, readPlan(e.slug)]));

/** Reads a CSV file from dist/: checks the BOM, returns header and records as objects. */
function readCsv(rel: string): { header: string[]; records: Record<string, string>[] } {
  const bytes = readFileSync(path.join(DIST, rel));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
  for (const r of rows) expect(r).toHaveLength(header.length);
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))) };
}

/** The dist/ file and anchor an absolute address on the site points at. */
function pageOf(url: string): { file: string; anchor: string } {
  expect(url.startsWith(root), url).toBe(true);
  const u = new URL(url);
  const rel = u.pathname.slice(new URL(root).pathname.length);
  return { file: rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel, anchor: decodeURIComponent(u.hash.slice(1)) };
}

function expectAnchorExists(url: string) {
  const { file, anchor } = pageOf(url);
  expect(idsOf(readDist(file)), url).toContain(anchor);
}

const orNull = (s: string) => (s === '' ? null : s);

describe('/data/clauses.csv', () => {
  const { header, records } = readCsv('data/clauses.csv');

  it('has the documented columns and one record per clause, paragraph and 专栏 item of every plan', () => {
    expect(header).toEqual([...CLAUSE_COLUMNS]);
    expect(records.length).toBe([...plans.values()].reduce((n, p) => n + placedUnits(p).length, 0));
  });

  it('reads back as the model: text, citation, area, responsible bodies; each address shows the clause', () => {
    const checkedPages = new Set<string>();
    for (const r of records) {
      const plan = plans.get(r.plan)!;
      const placed = placedUnits(plan).find((p) => p.unit.id === r.id)!;
      expect(placed, `${r.plan} ${r.id}`).toBeDefined();
      const u = placed.unit;
      expect(r.plan_title).toBe(titleWithStatus(plan.catalog));
      expect(r.status).toBe(plan.catalog.status);
      expect(r.text).toBe(clauseText(u));
      expect(r.citation).toBe(u.citation);
      expect(r.kind).toBe(u.kind);
      expect(orNull(r.area)).toBe(u.area);
      expect(orNull(r.lead)).toBe(u.responsibility ? u.responsibility.lead.join(LIST_SEPARATOR) : null);
      expect(orNull(r.partners)).toBe(u.responsibility ? u.responsibility.partners.join(LIST_SEPARATOR) : null);
      expect(orNull(r.responsibility_note)).toBe(u.responsibility?.text ?? null);
      expect(r.incomplete).toBe(String(u.incomplete));
      expect(r.source_lines.split(' ').map(Number)).toEqual(u.lines);
      expectAnchorExists(r.url);
      checkedPages.add(pageOf(r.url).file);
    }
    expect(checkedPages.size).toBeGreaterThan(10);
  });

  it('quotes what needs quoting, and it reads back the same', () => {
    const row = ['a,b', 'say "hi"', 'line\r\nbreak', 'lf\nonly', '', null, 3.5, false, '“中文”，逗号'];
    const csv = toCsv(['1', '2', '3', '4', '5', '6', '7', '8', '9'], [row]);
    expect(csv).toBe('\uFEFF1,2,3,4,5,6,7,8,9\r\n"a,b","say ""hi""","line\r\nbreak","lf\nonly",,,3.5,false,“中文”，逗号\r\n');
    expect(parseCsv(csv.slice(1))[1]).toEqual(row.map((v) => (v === null ? '' : String(v))));
  });
});

describe('/data/indicators.csv', () => {
  const { header, records } = readCsv('data/indicators.csv');
  // Per plan: its table rows, then the targets its text states.
  const tableRows = (p: Plan) => p.boxes.flatMap((b) => (b.table?.rows ?? []).map((row) => ({ plan: p, box: b, row, stated: null })));
  const statedRows = (p: Plan) => p.statedIndicators.map((stated) => ({ plan: p, box: null, row: null, stated }));
  const rows = [...plans.values()].flatMap((p) => [...tableRows(p), ...statedRows(p)]);

  it('has one record per indicator row and per target stated in the text, reading back as the model', () => {
    expect(header).toEqual([...INDICATOR_COLUMNS]);
    expect(records.length).toBe(rows.length);
    expect(rows.filter((r) => r.row).length).toBeGreaterThan(20);
    records.forEach((r, k) => {
      const { plan, row, stated } = rows[k];
      expect(r.plan).toBe(plan.catalog.slug);
      if (!row) return;
      expect(r.id).toBe(row.id);
      expect(r.origin).toBe(TABLE_ORIGIN);
      expect(r.target_year).toBe('2025');
      expect([r.qualifier, r.citation, r.sentence]).toEqual(['', '', '']);
      expect(r.name).toBe(row.name);
      expect(orNull(r.unit)).toBe(row.unit);
      expect(orNull(r.category)).toBe(row.category);
      expect(orNull(r.canonical)).toBe(row.canonical);
      expect(orNull(r.baseline_2020)).toBe(row.baseline2020?.text ?? null);
      expect(r.baseline_2020_number === '' ? null : Number(r.baseline_2020_number)).toBe(row.baseline2020?.number ?? null);
      expect(r.target_2025).toBe(row.target2025.text);
      expect(r.target_2025_number === '' ? null : Number(r.target_2025_number)).toBe(row.target2025.number);
      expect(orNull(r.target_2025_op)).toBe(row.target2025.op);
      expect(r.target_2025_cumulative).toBe(String(row.target2025.cumulative));
      expect(r.attribute).toBe(row.attribute);
      expect(r.printed).toBe(row.printed);
      expectAnchorExists(r.url);
      expect(stated).toBeNull();
    });
  });

  it('a target stated in the text reads back as the model, marked 文中所述, and its address shows its clause', () => {
    const stated = rows.flatMap((x, k) => (x.stated ? [{ x, r: records[k] }] : []));
    expect(stated.length).toBeGreaterThan(0);
    for (const { x, r } of stated) {
      const s = x.stated!;
      expect([r.id, r.origin, r.name, orNull(r.unit), orNull(r.canonical)]).toEqual([s.id, STATED_IN_TEXT, s.name, s.unit, s.canonical]);
      expect([r.box, r.number, r.category, r.baseline_2020, r.attribute]).toEqual(['', '', '', '', '']);
      expect([r.target_2025, orNull(r.target_2025_op), Number(r.target_2025_number), Number(r.target_year), orNull(r.qualifier)]).toEqual([s.target.text, s.target.op, s.target.number, s.year, s.qualifier]);
      expect([r.printed, r.citation, r.sentence]).toEqual([s.written, s.citation, s.sentence]);
      // The address is the clause that states it, on the page that shows that clause.
      const placed = placedUnits(x.plan).find((p) => p.unit.id === s.clause)!;
      expect(r.citation).toBe(placed.unit.citation);
      expect(pageOf(r.url).anchor).toBe(s.clause);
      expectAnchorExists(r.url);
      expect(clauseText(placed.unit)).toContain(s.sentence);
    }
  });
});

describe('/data/plans/<slug>.json and /data/plan.schema.json', () => {
  const schema = JSON.parse(readDist('data/plan.schema.json'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it('the schema is a JSON Schema with its own public address', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(`${root}data/plan.schema.json`);
  });

  it.each(catalog.map((e) => e.slug))('%s: the model the site is built from, valid against the schema', (slug) => {
    const data = JSON.parse(readDist(`data/plans/${slug}.json`)) as Plan;
    expect(data).toEqual(plans.get(slug));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('the schema refuses what the zod model refuses', () => {
    const plan = structuredClone(plans.get(catalog[0].slug)!);
    const broken: [string, (p: any) => void][] = [
      ['unknown status', (p) => (p.catalog.status = '草稿')],
      ['clause id with capitals', (p) => (p.chapters[0].units[0] ?? p.front[0]).id = 'C1-1'],
      ['clause without paragraphs', (p) => (p.front[0].paragraphs = [])],
      ['missing chapters', (p) => delete p.chapters],
      ['line number 0', (p) => (p.front[0].lines = [0])],
      ['missing statedIndicators', (p) => delete p.statedIndicators],
    ];
    for (const [what, damage] of broken) {
      const copy = structuredClone(plan);
      damage(copy);
      expect(PlanSchema.safeParse(copy).success, what).toBe(false);
      expect(validate(copy), what).toBe(false);
    }
    // A target stated in the text must say so, and carry its year and sentence.
    const withStated = structuredClone([...plans.values()].find((p) => p.statedIndicators.length > 0)!);
    const stated: [string, (row: any) => void][] = [
      ['a stated target marked as from a table', (row) => (row.origin = '指标表')],
      ['a stated target without its year', (row) => delete row.year],
      ['a stated target without its sentence', (row) => delete row.sentence],
    ];
    expect(validate(withStated)).toBe(true);
    for (const [what, damage] of stated) {
      const copy = structuredClone(withStated);
      damage(copy.statedIndicators[0]);
      expect(PlanSchema.safeParse(copy).success, what).toBe(false);
      expect(validate(copy), what).toBe(false);
    }
  });
});

describe('/feed.xml', () => {
  const xml = readDist('feed.xml');
  const doc = parseDocument(xml, { xmlMode: true });
  const elements = (node: any, name: string): any[] => (node.children ?? []).filter((c: any) => c.type === 'tag' && c.name === name);
  const text = (node: any): string => decodeEntities((node.children ?? []).map((c: any) => (c.type === 'text' ? c.data : text(c))).join(''));
  const feed = elements(doc, 'feed')[0];
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

  it('is an Atom feed with the required feed elements (RFC 4287 4.1.1)', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(elements(feed, name), name).toHaveLength(1);
    expect(text(elements(feed, 'updated')[0])).toMatch(RFC3339);
    expect(new URL(text(elements(feed, 'id')[0])).href).toBe(`${root}feed.xml`);
    // Every entry lacks an author, so the feed must have one with a name.
    expect(elements(feed, 'author')).toHaveLength(1);
    expect(text(elements(elements(feed, 'author')[0], 'name')[0])).not.toBe('');
    const self = elements(feed, 'link').filter((l) => l.attribs.rel === 'self');
    expect(self.map((l) => l.attribs.href)).toEqual([`${root}feed.xml`]);
  });

  it('has one entry per plan with the required entry elements, newest change first', () => {
    const entries = elements(feed, 'entry');
    expect(entries).toHaveLength(catalog.length);
    const ids = new Set<string>();
    let previous = '9999';
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) expect(elements(entry, name), name).toHaveLength(1);
      const id = text(elements(entry, 'id')[0]);
      expect(() => new URL(id)).not.toThrow();
      ids.add(id);
      const updated = text(elements(entry, 'updated')[0]);
      expect(updated).toMatch(RFC3339);
      expect(updated <= previous).toBe(true);
      previous = updated;
      for (const p of elements(entry, 'published')) expect(text(p)).toMatch(RFC3339);
      // No content element: a summary and a rel=alternate link are then required (4.1.1.1, 4.1.2).
      expect(elements(entry, 'content')).toHaveLength(0);
      expect(elements(entry, 'summary')).toHaveLength(1);
      const alternate = elements(entry, 'link').filter((l) => l.attribs.rel === 'alternate');
      expect(alternate).toHaveLength(1);
      const slug = /\/plans\/([^/]+)\/$/.exec(alternate[0].attribs.href)![1];
      const e = catalog.find((c) => c.slug === slug)!;
      expect(text(elements(entry, 'title')[0])).toBe(`《${titleWithStatus(e)}》`);
      expect(elements(entry, 'category')[0].attribs.term).toBe(e.status);
      expect(elements(entry, 'link').find((l) => l.attribs.rel === 'related')!.attribs.href).toBe(`${root}data/plans/${slug}.json`);
      expectAnchorExists(`${alternate[0].attribs.href}#main`);
    }
    expect(ids.size).toBe(entries.length);
  });

  it('is valid against the Atom schema (RFC 4287 Appendix B, written out in atom-schema.ts)', () => {
    expect(atomViolations(xml)).toEqual([]);
  });

  it('the schema check fails on feeds that break it', () => {
    const broken = (from: string, to: string) => {
      const changed = xml.replace(from, to);
      expect(changed, from).not.toBe(xml);
      return atomViolations(changed);
    };
    // An entry without its id; a second feed title; a date without a time zone; an unknown
    // Atom element; a link without href; metadata after the entries.
    expect(broken(/<entry>\s*<id>[^<]*<\/id>/.exec(xml)![0], '<entry>').join()).toMatch(/needs exactly one id/);
    expect(broken('<subtitle', '<title>x</title><subtitle').join()).toMatch(/feed: needs exactly one title, has 2/);
    const updated = /<updated>([^<]+)<\/updated>/.exec(xml)![1];
    expect(broken(updated, updated.replace(/(Z|[+-]\d\d:\d\d)$/, '')).join()).toMatch(/not an RFC 3339 date-time/);
    expect(broken('<subtitle', '<colour>red</colour><subtitle').join()).toMatch(/feed\/colour: not allowed here/);
    expect(broken('</feed>', '<icon>https://example.org/i.png</icon></feed>').join()).toMatch(/metadata comes before its entries/);
    expect(atomViolations(xml.replace(/<link rel="self"[^>]*\/>/, '<link rel="self"/>')).join()).toMatch(/attribute href is required/);
  });

  it('every page names it for feed readers', () => {
    expect(readDist('index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="残疾人规划检索：新增和更新的规划" href="/feed.xml">');
  });
});

describe('links to the data', () => {
  it('each plan’s overview page offers 下载本规划数据 and the terms', () => {
    for (const e of catalog) {
      const html = readDist(`plans/${e.slug}/index.html`);
      expect(html, e.slug).toContain(`<a href="/data/plans/${e.slug}.json">下载本规划数据（JSON）</a>`);
      expect(html, e.slug).toContain('href="/about/#open-data"');
    }
  });

  it('the About page links every data file and states the licence and that the text is the governments’', () => {
    const html = readDist('about/index.html');
    for (const href of ['/data/clauses.csv', '/data/indicators.csv', '/data/plan.schema.json', '/feed.xml', `/data/plans/${catalog[0].slug}.json`]) {
      expect(html).toContain(`href="${href}"`);
    }
    const licence = /<p data-licence>([\s\S]*?)<\/p>/.exec(html)![1];
    expect(licence).toContain('规划原文是各地政府发布的公文');
    expect(licence).toMatch(/<a href="https:\/\/creativecommons\.org\/[^"]+">[^<]*CC BY 4\.0/);
  });
});
