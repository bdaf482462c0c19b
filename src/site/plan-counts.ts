/**
 * The few numbers per plan that the shared pages show (clauses per area, topic matches,
 * 专栏 items), so that the shared job of a sharded build renders them from a small file
 * instead of loading every plan model: its memory then does not grow with the plans.
 * Each province job writes its plans' counts (PLAN_COUNTS_FILE); the shared job reads
 * them all. A single-job build computes them from the plans.
 */
import type { Area, Plan } from '../model/plan.ts';
import type { Topic } from '../model/topic.ts';
import { boxItemCount } from './boxes.ts';
import { topicMatchCount } from './topics.ts';
import { unitsInArea } from './units.ts';

/** File name inside content/plans/ (and a shard's output) holding PlanCounts[]. */
export const PLAN_COUNTS_FILE = 'counts.json';

export interface PlanCounts {
  slug: string;
  /** Units placed in each area (area name → count; areas without units left out). */
  areaUnits: Partial<Record<Area, number>>;
  /** Clauses matching each topic (topic slug → count; topics without matches left out). */
  topicMatches: Record<string, number>;
  boxItems: number;
}

export function planCounts(plan: Plan, areas: readonly Area[], topics: readonly Topic[]): PlanCounts {
  const areaUnits: Partial<Record<Area, number>> = {};
  for (const area of areas) {
    const n = unitsInArea(plan, area).length;
    if (n) areaUnits[area] = n;
  }
  const topicMatches: Record<string, number> = {};
  for (const topic of topics) {
    const n = topicMatchCount(topic, [plan]);
    if (n) topicMatches[topic.slug] = n;
  }
  return { slug: plan.catalog.slug, areaUnits, topicMatches, boxItems: boxItemCount(plan) };
}

export const areaUnitTotal = (counts: readonly PlanCounts[], area: Area): number => counts.reduce((n, c) => n + (c.areaUnits[area] ?? 0), 0);
export const topicMatchTotal = (counts: readonly PlanCounts[], topicSlug: string): number => counts.reduce((n, c) => n + (c.topicMatches[topicSlug] ?? 0), 0);
export const boxItemTotal = (counts: readonly PlanCounts[]): number => counts.reduce((n, c) => n + c.boxItems, 0);
