/**
 * What "the same plan" means across source formats: the plan model without the places in
 * the source file (line numbers move when a format has no blank lines) and without what
 * cleaning removed (page numbers of a PDF are not in the text file).
 */
import type { Plan } from '../../src/model/plan.ts';
import { planFragments } from '../../src/model/plan-text.ts';

const PLACE_KEYS = new Set(['lines', 'line', 'at', 'headerLines']);

function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !PLACE_KEYS.has(k)).map(([k, v]) => [k, withoutPlaces(v)]));
  }
  return value;
}

/** The plan's structure and text: chapters, sections, clauses, boxes, indicators, areas, citations. */
export function planShape(plan: Plan): unknown {
  return withoutPlaces({ front: plan.front, chapters: plan.chapters, boxes: plan.boxes });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every unit of the plan as `id: text` with whitespace removed, in source order (for PDFs). */
export function unitTexts(plan: Plan): string[] {
  const byId = new Map<string, string>();
  for (const f of planFragments(plan)) byId.set(f.id, (byId.get(f.id) ?? '') + squeeze(f.text));
  return [...byId].map(([id, text]) => `${id}: ${text}`);
}

/** Numbering of chapters and sections, and the counts the site shows. */
export function outline(plan: Plan) {
  return {
    chapters: plan.chapters.map((c) => ({ id: c.id, number: c.number, title: squeeze(c.title), sections: c.sections.map((s) => `${s.id} ${s.number} ${squeeze(s.title)}`) })),
    boxes: plan.boxes.map((b) => `${b.id} ${b.number} items ${b.groups.reduce((n, g) => n + g.items.length, 0)}`),
    indicators: plan.boxes.reduce((n, b) => n + (b.table?.rows.length ?? 0), 0),
  };
}
