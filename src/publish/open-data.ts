/**
 * The plans as data (/data/): each plan's model as JSON, every clause and every indicator
 * row as CSV, for staff and researchers who would otherwise scrape the pages. Rows are
 * built here from the plan model, so the CSV says exactly what the site shows; the test
 * parses them back and compares with the model.
 */
import { citedTitle, titleWithStatus } from '../model/cited-title.ts';
import { clauseText } from '../model/plan-text.ts';
import type { IndicatorValue, Plan } from '../model/plan.ts';
import { planPath, withAnchor } from '../site/paths.ts';
import { placedUnits, unitHref } from '../site/units.ts';
import type { CsvValue } from './csv.ts';
import { publicUrl } from './site-address.ts';

/** Several bodies in one cell, in the plans' own way of listing them. */
export const LIST_SEPARATOR = '、';

/**
 * Columns of /data/clauses.csv, one row per clause, paragraph and 专栏 item, in plan and
 * source order. `text` is the unit's text as printed (label and paragraphs joined),
 * `url` the address where the site shows it.
 */
export const CLAUSE_COLUMNS = [
  'plan', 'plan_title', 'status', 'province', 'id', 'kind', 'citation', 'area', 'text',
  'lead', 'partners', 'responsible', 'responsibility_note', 'incomplete', 'source_lines', 'url',
] as const;

/**
 * Columns of /data/indicators.csv, one row per indicator table row, then per target stated in
 * the plan's text (`origin` 文中所述: no box, number, category, baseline or attribute; its value
 * in the target_2025 columns is the target for `target_year`; `printed` is the measure and
 * value as written, `citation` and `sentence` the clause and sentence that state it, `url`
 * that clause on the site). The columns after `url` came later, so older readers keep theirs.
 */
export const INDICATOR_COLUMNS = [
  'plan', 'plan_title', 'status', 'province', 'id', 'box', 'number', 'category', 'name', 'unit', 'canonical',
  'baseline_2020', 'baseline_2020_number', 'target_2025', 'target_2025_op', 'target_2025_number', 'target_2025_cumulative',
  'attribute', 'printed', 'url', 'origin', 'target_year', 'qualifier', 'citation', 'sentence',
] as const;

/** `origin` of an indicator table's row (a stated target's is STATED_IN_TEXT, 文中所述). */
export const TABLE_ORIGIN = '指标表';

/** An address on the site (a served path from paths.ts, base path included) as an absolute URL. */
const absolute = (sitePath: string) => publicUrl(sitePath);

export function clauseRows(plan: Plan): CsvValue[][] {
  const e = plan.catalog;
  return placedUnits(plan).map((placed) => {
    const u = placed.unit;
    const r = u.responsibility;
    return [
      e.slug,
      titleWithStatus(e),
      e.status,
      e.province,
      u.id,
      u.kind,
      u.citation,
      u.area,
      clauseText(u),
      r ? r.lead.join(LIST_SEPARATOR) : null,
      r ? r.partners.join(LIST_SEPARATOR) : null,
      r?.responsible ?? null,
      r?.text ?? null,
      u.incomplete,
      u.lines.join(' '),
      absolute(unitHref(plan, placed)),
    ];
  });
}

const number = (v: IndicatorValue | null) => v?.number ?? null;

export function indicatorRows(plan: Plan): CsvValue[][] {
  const e = plan.catalog;
  return plan.boxes.flatMap((box) =>
    (box.table?.rows ?? []).map((row) => [
      e.slug,
      titleWithStatus(e),
      e.status,
      e.province,
      row.id,
      `${citedTitle(e)}专栏${box.number}`,
      row.number,
      row.category,
      row.name,
      row.unit,
      row.canonical,
      row.baseline2020?.text ?? null,
      number(row.baseline2020),
      row.target2025.text,
      row.target2025.op,
      row.target2025.number,
      row.target2025.cumulative,
      row.attribute,
      row.printed,
      absolute(withAnchor(planPath(e.slug), row.id)),
      TABLE_ORIGIN,
      2025,
      null,
      null,
      null,
    ]),
  );
}

export function statedIndicatorRows(plan: Plan): CsvValue[][] {
  const e = plan.catalog;
  const placed = placedUnits(plan);
  return plan.statedIndicators.map((row) => {
    const unit = placed.find((p) => p.unit.id === row.clause);
    if (!unit) throw new Error(`${e.slug}: stated target ${row.id} cites clause ${row.clause}, which the plan does not have`);
    return [
      e.slug,
      titleWithStatus(e),
      e.status,
      e.province,
      row.id,
      null,
      null,
      null,
      row.name,
      row.unit,
      row.canonical,
      null,
      null,
      row.target.text,
      row.target.op,
      row.target.number,
      row.target.cumulative,
      null,
      row.written,
      absolute(unitHref(plan, unit)),
      row.origin,
      row.year,
      row.qualifier,
      row.citation,
      row.sentence,
    ];
  });
}

/** Every row of /data/indicators.csv for a plan: its tables' rows, then its targets stated in the text. */
export const planIndicatorCsvRows = (plan: Plan): CsvValue[][] => [...indicatorRows(plan), ...statedIndicatorRows(plan)];
