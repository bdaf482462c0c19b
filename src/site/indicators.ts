/** Indicator tables of the plans, and the cross-plan comparison of canonical indicators. */
import type { CatalogEntry, Indicator, IndicatorValue, Plan, StatedIndicator } from '../model/plan.ts';
import type { CanonicalIndicator } from './load.ts';
import { tableBoxes } from '../model/indicator-tables.ts';
import { placedUnits, unitHref } from './units.ts';

export const indicatorRows = (plan: Plan): Indicator[] => tableBoxes(plan).flatMap((b) => b.table.rows);

/** The year the tables' target column is for: stated targets for it are compared with them. */
export const TARGET_YEAR = 2025;

/** A plan's targets stated in its text (文中所述) for the tables' target year. */
export const statedTargets = (plan: Plan): StatedIndicator[] => plan.statedIndicators.filter((s) => s.year === TARGET_YEAR);

/** Where the clause whose sentence states a target is shown on the site (its anchor). */
export function statedHref(plan: Plan, stated: StatedIndicator): string {
  const placed = placedUnits(plan).find((p) => p.unit.id === stated.clause);
  if (!placed) throw new Error(`${plan.catalog.slug}: stated target ${stated.id} cites clause ${stated.clause}, which the plan does not have`);
  return unitHref(plan, placed);
}

export interface PlanIndicator {
  plan: CatalogEntry;
  /** The plan's row for the indicator, null when its table does not list it. */
  row: Indicator | null;
  /**
   * The 2025 target the plan's text states for it (文中所述), only when its table has no row
   * for it (ingest already leaves a measure the table has to the table).
   */
  stated: StatedIndicator | null;
}

export interface IndicatorComparison {
  indicator: CanonicalIndicator;
  /** One entry per plan that has an indicator table or a 2025 target stated in its text, in catalogue order. */
  plans: PlanIndicator[];
}

/** Plans that print an indicator table or state 2025 targets in their text (the others have nothing to compare). */
export const plansWithIndicators = (plans: Plan[]): Plan[] => plans.filter((p) => indicatorRows(p).length > 0 || statedTargets(p).length > 0);

export function compareIndicators(plans: Plan[], canonical: CanonicalIndicator[]): IndicatorComparison[] {
  const withTables = plansWithIndicators(plans);
  return canonical.map((indicator) => ({
    indicator,
    plans: withTables.map((plan) => {
      const row = indicatorRows(plan).find((r) => r.canonical === indicator.id) ?? null;
      return { plan: plan.catalog, row, stated: row ? null : (statedTargets(plan).find((s) => s.canonical === indicator.id) ?? null) };
    }),
  }));
}

/**
 * Rows no canonical indicator matches, per plan (shown under their plan, not compared): table
 * rows, then targets stated in the text (any year).
 */
export function unmappedIndicators(plans: Plan[]): { plan: Plan; rows: Indicator[]; stated: StatedIndicator[] }[] {
  return plans
    .map((plan) => ({ plan, rows: indicatorRows(plan).filter((r) => r.canonical === null), stated: plan.statedIndicators.filter((s) => s.canonical === null) }))
    .filter((p) => p.rows.length > 0 || p.stated.length > 0);
}

/** A value cell as printed; an empty or dash-only cell says so in words. */
export function valueText(value: IndicatorValue | null): string {
  if (value === null) return '原文无此列';
  const text = value.text.trim();
  if (text === '' || /^[-—–－]+$/.test(text)) return '未填';
  return text;
}

export interface ChartBar {
  label: string;
  value: number;
  /** Text printed at the end of the bar, e.g. >90%. */
  text: string;
}

export interface ChartGroup {
  label: string;
  bars: ChartBar[];
}

/**
 * What a chart's bars measure, and so its scale: shares of 100 (coverage, enrolment) on
 * 0–100%; yearly growth rates on their own %-scale; counts (人, 户) each on its own scale.
 */
export type ChartScale = 'share' | 'growth' | 'count';

export interface ChartSet {
  scale: ChartScale;
  groups: ChartGroup[];
}

const scaleOf = (c: IndicatorComparison): ChartScale => (c.indicator.unit !== '%' ? 'count' : c.indicator.scale);

/** Added to a bar's label when its target is stated in the text, not printed in a table. */
export const STATED_BAR_MARK = '（文中所述）';

/**
 * A numeric 2025 target drawn as a bar: the printed operator and the unit. Cumulative [·]
 * targets are not drawn. A target stated in the text is drawn too, its label marked so.
 */
function targetBars(c: IndicatorComparison, planLabel: (plan: CatalogEntry) => string): ChartBar[] {
  const unit = c.indicator.unit;
  return c.plans.flatMap(({ plan, row, stated }) => {
    const target = row?.target2025 ?? stated?.target;
    // A stated target is drawn on the indicator's scale only in the indicator's unit.
    if (stated && stated.unit !== unit) return [];
    if (!target || target.number === null || target.cumulative) return [];
    return [{ label: `${planLabel(plan)}${stated ? STATED_BAR_MARK : ''}`, value: target.number, text: `${target.op ?? ''}${target.number}${unit}` }];
  });
}

/** The chart sets of the indicator comparison, one per scale that has bars, in the order share, growth, count. */
export function targetChartSets(comparisons: IndicatorComparison[], planLabel: (plan: CatalogEntry) => string): ChartSet[] {
  const scales: ChartScale[] = ['share', 'growth', 'count'];
  return scales
    .map((scale) => ({
      scale,
      groups: comparisons
        .filter((c) => scaleOf(c) === scale)
        .map((c) => ({ label: scale === 'count' ? `${c.indicator.name}（${c.indicator.unit}）` : c.indicator.name, bars: targetBars(c, planLabel) }))
        .filter((g) => g.bars.length > 0),
    }))
    .filter((set) => set.groups.length > 0);
}

/** Bars for the share chart: canonical indicators that are shares of 100, one bar per plan with a numeric 2025 target. */
export function percentTargetGroups(comparisons: IndicatorComparison[], planLabel: (plan: CatalogEntry) => string): ChartGroup[] {
  return targetChartSets(comparisons, planLabel).find((s) => s.scale === 'share')?.groups ?? [];
}
