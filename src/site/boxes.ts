/** 专栏 project boxes across plans, grouped by task area for /boxes/. */
import type { Area, Box, BoxGroup, CatalogEntry, Plan } from '../model/plan.ts';
import { boxGroupHeading, placedUnits, type PlacedUnit } from './units.ts';

export interface BoxGroupInArea {
  box: Box;
  group: BoxGroup;
  heading: string;
  items: PlacedUnit[];
}

export interface PlanBoxesInArea {
  plan: Plan;
  catalog: CatalogEntry;
  groups: BoxGroupInArea[];
}

/**
 * For one area: each plan's 专栏 groups (not indicator tables) with the items assigned to
 * that area, in source order. A box whose items fall into several areas appears under
 * each of them, with only the items of that area.
 */
export function boxesInArea(plans: Plan[], area: Area): PlanBoxesInArea[] {
  return plans
    .map((plan) => {
      const items = placedUnits(plan).filter((p) => p.place === 'box' && p.unit.area === area);
      const groups: BoxGroupInArea[] = [];
      for (const item of items) {
        const last = groups.at(-1);
        if (last && last.group === item.group) last.items.push(item);
        else groups.push({ box: item.box!, group: item.group!, heading: boxGroupHeading(item.box!, item.group!), items: [item] });
      }
      return { plan, catalog: plan.catalog, groups };
    })
    .filter((p) => p.groups.length > 0);
}

/** Number of 专栏 project items (not indicator rows) in a plan. */
export const boxItemCount = (plan: Plan): number => plan.boxes.reduce((n, b) => n + b.groups.reduce((m, g) => m + g.items.length, 0), 0);
