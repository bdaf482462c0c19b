/**
 * Where each clause and 专栏 item of a plan lives on the site. Task clauses and box items
 * are shown on their plan's area page; the front matter and overview/implementation
 * chapters on the plan's overview page. This mirrors how `npm run ingest` splits the MDX.
 */
import { AREAS, type Area, type Box, type BoxGroup, type Clause, type Plan } from '../model/plan.ts';
import { areaByName } from './load.ts';
import { lineAnchor, planAreaPath, planPath, sourcePath, withAnchor } from './paths.ts';

export interface PlacedUnit {
  unit: Clause;
  /** Where the unit sits in the document. */
  place: 'front' | 'body' | 'box';
  /** Heading of the section, chapter or 专栏 group the unit sits in. */
  container: { id: string; heading: string };
  box: Box | null;
  group: BoxGroup | null;
}

/** Heading of a 专栏 group as the area pages print it, e.g. 专栏2 残疾人社会保障重点项目 · 一、资金类. */
export const boxGroupHeading = (box: Box, group: BoxGroup): string =>
  `专栏${box.number} ${box.title}${group.title ? ` · ${group.number ?? ''}、${group.title}` : ''}`;

/** Every unit of a plan (front, chapters, 专栏 items), in source order. */
export function placedUnits(plan: Plan): PlacedUnit[] {
  const placed: PlacedUnit[] = plan.front.map((unit) => ({
    unit,
    place: 'front' as const,
    container: { id: 'front', heading: '发文信息与前言' },
    box: null,
    group: null,
  }));
  for (const chapter of plan.chapters) {
    for (const unit of chapter.units) {
      placed.push({ unit, place: 'body', container: { id: chapter.id, heading: chapter.heading }, box: null, group: null });
    }
    for (const section of chapter.sections) {
      const heading = `${chapter.number}、${chapter.title} ${section.heading}`;
      for (const unit of section.units) placed.push({ unit, place: 'body', container: { id: section.id, heading }, box: null, group: null });
    }
  }
  for (const box of plan.boxes) {
    for (const group of box.groups) {
      for (const unit of group.items) {
        placed.push({ unit, place: 'box', container: { id: group.id, heading: boxGroupHeading(box, group) }, box, group });
      }
    }
  }
  return placed.sort((a, b) => a.unit.lines[0] - b.unit.lines[0]);
}

/** The units a plan's area page shows, in source order. */
export const unitsInArea = (plan: Plan, area: Area): PlacedUnit[] => placedUnits(plan).filter((p) => p.unit.area === area);

/** The page and anchor where a unit can be read. */
export function unitHref(plan: Plan, placed: PlacedUnit): string {
  const slug = plan.catalog.slug;
  if (placed.unit.area) return withAnchor(planAreaPath(slug, areaByName(placed.unit.area).slug), placed.unit.id);
  // Overview text is on the overview page; a box item without an area is on no
  // reading page, so it points at its line in the source view.
  if (placed.place !== 'box') return withAnchor(planPath(slug), placed.unit.id);
  return withAnchor(sourcePath(slug), lineAnchor(placed.unit.lines[0]));
}

/** Areas that hold at least one unit of the plan (the plan's area pages that exist). */
export function areasWithUnits(plan: Plan): Set<Area> {
  return new Set(placedUnits(plan).flatMap((p) => (p.unit.area ? [p.unit.area] : [])));
}

/** The areas each section of a task chapter spreads into, in area order (for tables of contents). */
export function sectionAreas(plan: Plan, sectionId: string): Area[] {
  const section = plan.chapters.flatMap((c) => c.sections).find((s) => s.id === sectionId);
  const areas = new Set((section?.units ?? []).flatMap((u) => (u.area ? [u.area] : [])));
  return AREAS.filter((a) => areas.has(a));
}
