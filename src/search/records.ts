/**
 * What the search index holds: one record per clause, 专栏 item and indicator row of every
 * plan, with the page anchor it links to and the filter values it carries. Pure: takes
 * the plan model, returns plain objects (scripts/build-index.ts tokenizes and indexes them).
 */
import type { Area, Box, CatalogEntry, Clause, Indicator, Plan } from '../model/plan.ts';
import { clauseText } from '../model/plan-text.ts';
import { mentionsTopic } from '../model/topic-terms.ts';
import { citedTitle } from '../model/cited-title.ts';

/** Filters a user can set (URL parameters and the search form use the same names). */
export const FILTER_NAMES = ['plan', 'province', 'level', 'area', 'status', 'kind'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * Filters that only carry display data back with each result: Pagefind returns a result's
 * filters with its fragment, and unlike meta fields (searchable since Pagefind 1.5) filter
 * values are never matched by a query. The UI never loads their filter chunks.
 */
export const CARRIER_FILTERS = ['cite', 'stage'] as const;

/**
 * The filter that lists the 我能享受哪些政策 topics a record belongs to (the clauses its topic
 * page lists). Never offered to users: the engine reads it to rank a named topic's clauses first.
 */
export const TOPIC_FILTER = 'topic';

/** Area value of overview text (front matter, background, principles, implementation). */
export const OVERVIEW_AREA = '概述';
export const KINDS = ['正文', '专栏', '指标'] as const;
export type RecordKind = (typeof KINDS)[number];
export const STATUS_VALUES = ['正式', '草案'] as const;

export interface SearchRecord {
  /** Page path with anchor, e.g. /plans/huining/baozhang/#c3s2-5 */
  url: string;
  /** The anchor (clause id or indicator row id). */
  id: string;
  slug: string;
  /** The text as printed: label + paragraphs for clauses; name, values, attribute for rows. */
  text: string;
  kind: RecordKind;
  /** Chinese area name, or 概述. */
  area: string;
  /** 《title》 + numbering. */
  cite: string;
  filters: Record<FilterName, string>;
  /** Exact status (讨论稿 / 征求意见稿 / 正式). */
  stage: string;
  /** Catalogue order then source order, for listing without a query. */
  order: number;
  /** Slugs of the topics (content/entitlements.yaml) whose terms the text holds. */
  topics: string[];
}

/** The value of the `plan` filter: the short name, made unique within the catalogue. */
export function planFilterValues(catalog: readonly CatalogEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  const count = (f: (e: CatalogEntry) => string, v: string) => catalog.filter((e) => f(e) === v).length;
  for (const e of catalog) {
    let v = e.shortName;
    if (count((x) => x.shortName, v) > 1) v = `${e.shortName}${e.kind}`;
    if (count((x) => `${x.shortName}${x.kind}`, v) > 1) v = `${e.shortName}${e.kind}（${e.slug}）`;
    out.set(e.slug, v);
  }
  return out;
}

/**
 * Row text: name (unit), then each figure with its year, then the attribute — the words of
 * the printed row, with the years the table's header gives them, so an excerpt or a result
 * says which figure is the 2020 baseline and which the 2025 target.
 */
export function indicatorText(r: Indicator): string {
  const name = r.unit ? `${r.name}（${r.unit}）` : r.name;
  const figures = [r.baseline2020 ? `2020年${r.baseline2020.text}` : null, `2025年${r.target2025.text}`, r.attribute];
  return `${name}：${figures.filter(Boolean).join('，')}`;
}

export interface RecordContext {
  /** Area name → URL slug (content/areas.yaml). */
  areaSlugs: Record<Area, string>;
  /** The plan filter value of this plan. */
  planValue: string;
  /** Offset added to `order` so records of different plans never share one. */
  orderBase: number;
  /** The topics whose clauses the records are marked with. */
  topics?: readonly { slug: string; terms: readonly string[] }[];
}

/** Every record of a plan, in source order. */
export function planRecords(plan: Plan, ctx: RecordContext): SearchRecord[] {
  const e = plan.catalog;
  const base = {
    slug: e.slug,
    stage: e.status,
  };
  const filters = (area: string, kind: RecordKind): Record<FilterName, string> => ({
    plan: ctx.planValue,
    province: e.province,
    level: e.level,
    area,
    status: e.status === '正式' ? '正式' : '草案',
    kind,
  });
  const out: Omit<SearchRecord, 'order' | 'topics'>[] = [];
  const unit = (c: Clause, kind: RecordKind) => {
    const page = c.area
      ? `/plans/${e.slug}/${ctx.areaSlugs[c.area]}/`
      : kind === '专栏'
        ? `/plans/${e.slug}/source/` // an unclassified 专栏 item is on no reading page
        : `/plans/${e.slug}/`;
    const anchor = c.area || kind !== '专栏' ? c.id : `line-${c.lines[0]}`;
    out.push({
      ...base,
      url: `${page}#${anchor}`,
      id: anchor,
      text: clauseText(c),
      kind,
      area: c.area ?? OVERVIEW_AREA,
      cite: c.citation,
      filters: filters(c.area ?? OVERVIEW_AREA, kind),
    });
  };
  const lineOf: { line: number; rec: () => void }[] = [];
  for (const c of plan.front) lineOf.push({ line: c.lines[0], rec: () => unit(c, '正文') });
  for (const ch of plan.chapters) {
    for (const c of ch.units) lineOf.push({ line: c.lines[0], rec: () => unit(c, '正文') });
    for (const s of ch.sections) for (const c of s.units) lineOf.push({ line: c.lines[0], rec: () => unit(c, '正文') });
  }
  const row = (box: Box, r: Indicator) =>
    out.push({
      ...base,
      url: `/plans/${e.slug}/#${r.id}`,
      id: r.id,
      text: indicatorText(r),
      kind: '指标',
      area: OVERVIEW_AREA,
      cite: `${citedTitle(e)}专栏${box.number} ${r.number}.`,
      filters: filters(OVERVIEW_AREA, '指标'),
    });
  for (const box of plan.boxes) {
    for (const g of box.groups) for (const c of g.items) lineOf.push({ line: c.lines[0], rec: () => unit(c, '专栏') });
    if (box.table) for (const r of box.table.rows) lineOf.push({ line: r.lines[0], rec: () => row(box, r) });
  }
  lineOf.sort((a, b) => a.line - b.line).forEach((x) => x.rec());
  const topicsOf = (r: Omit<SearchRecord, 'order' | 'topics'>) =>
    r.kind === '指标' ? [] : (ctx.topics ?? []).filter((t) => mentionsTopic(r.text, t)).map((t) => t.slug);
  return out.map((r, i) => ({ ...r, order: ctx.orderBase + i, topics: topicsOf(r) }));
}
