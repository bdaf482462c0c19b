/** Indicator tables of the plans, and the cross-plan comparison of canonical indicators. */
import type { CatalogEntry, Indicator, IndicatorValue, Plan } from '../model/plan.ts';
import type { CanonicalIndicator } from './load.ts';
import { tableBoxes } from '../model/indicator-tables.ts';

export const indicatorRows = (plan: Plan): Indicator[] => tableBoxes(plan).flatMap((b) => b.table.rows);

export interface PlanIndicator {
  plan: CatalogEntry;
  /** The plan's row for the indicator, null when its table does not list it. */
  row: Indicator | null;
}

export interface IndicatorComparison {
  indicator: CanonicalIndicator;
  /** One entry per plan that has an indicator table, in catalogue order. */
  plans: PlanIndicator[];
}

/** Plans that print an indicator table (the others have nothing to compare). */
export const plansWithIndicators = (plans: Plan[]): Plan[] => plans.filter((p) => indicatorRows(p).length > 0);

export function compareIndicators(plans: Plan[], canonical: CanonicalIndicator[]): IndicatorComparison[] {
  const withTables = plansWithIndicators(plans);
  return canonical.map((indicator) => ({
    indicator,
    plans: withTables.map((plan) => ({
      plan: plan.catalog,
      row: indicatorRows(plan).find((r) => r.canonical === indicator.id) ?? null,
    })),
  }));
}

/** Rows no canonical indicator matches, per plan (shown under their plan, not compared). */
export function unmappedIndicators(plans: Plan[]): { plan: CatalogEntry; rows: Indicator[] }[] {
  return plans
    .map((plan) => ({ plan: plan.catalog, rows: indicatorRows(plan).filter((r) => r.canonical === null) }))
    .filter((p) => p.rows.length > 0);
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

/** A numeric 2025 target drawn as a bar: the printed operator and the unit. Cumulative [·] targets are not drawn. */
function targetBars(c: IndicatorComparison, planLabel: (plan: CatalogEntry) => string): ChartBar[] {
  const unit = c.indicator.unit;
  return c.plans.flatMap(({ plan, row }) => {
    const target = row?.target2025;
    if (!target || target.number === null || target.cumulative) return [];
    return [{ label: planLabel(plan), value: target.number, text: `${target.op ?? ''}${target.number}${unit}` }];
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
