/**
 * Where a plan's indicator tables (专栏 boxes printed as tables) are shown. A table belongs
 * where the plan prints it — usually inside 总体要求 under 主要目标 — so the overview page shows
 * it there, after that section's text; only a table printed inside a task chapter (whose
 * text is on the area pages) is shown in the overview's own 主要指标 part instead.
 */
import type { Box, Plan } from './plan.ts';

export type TableBox = Box & { table: NonNullable<Box['table']> };

/** The boxes that are indicator tables, in source order. */
export const tableBoxes = (plan: Plan): TableBox[] => plan.boxes.filter((b): b is TableBox => !!b.table);

/** Ids of the overview chapters and sections (those shown on the overview page). */
function overviewPlaces(plan: Plan): Set<string> {
  const places = new Set<string>(plan.front.length ? ['front'] : []);
  for (const chapter of plan.chapters) {
    if (chapter.role === 'tasks') continue;
    places.add(chapter.id);
    for (const section of chapter.sections) places.add(section.id);
  }
  return places;
}

/** The tables shown after the text of one overview chapter or section (by its id). */
export const tablesAt = (plan: Plan, placeId: string): TableBox[] =>
  overviewPlaces(plan).has(placeId) ? tableBoxes(plan).filter((b) => b.parent === placeId) : [];

/** The tables whose place is not on the overview page: shown in its 主要指标 part. */
export const tablesElsewhere = (plan: Plan): TableBox[] => {
  const places = overviewPlaces(plan);
  return tableBoxes(plan).filter((b) => !places.has(b.parent));
};

/** The anchor on the overview page where a plan's indicator tables start (null: it has none). */
export function indicatorsAnchor(plan: Plan): string | null {
  if (tablesElsewhere(plan).length) return 'indicators';
  return tableBoxes(plan)[0]?.id ?? null;
}
