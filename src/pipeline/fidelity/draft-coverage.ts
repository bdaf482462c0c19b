/**
 * Which source lines the recovered structure did not take in. Every non-blank line of a
 * plan must end up in the draft tree (as a heading, a piece of a unit, a table cell, a
 * note) or be known page furniture that cleaning removed (page numbers, markup-only lines).
 * A line left over would be text lost without anyone noticing.
 */
import type { Removal } from '../../model/plan.ts';
import type { CleanLine } from '../clean/clean-lines.ts';
import type { DraftPlan, DraftUnit } from '../structure/draft.ts';

export interface LeftOverLine {
  line: number;
  /** The line as cleaning left it (or as printed, when cleaning dropped it without a record). */
  text: string;
}

const unitLines = (units: DraftUnit[]): number[] => units.flatMap((u) => u.pieces.map((p) => p.line));

/** Every source line a node of the draft tree holds. */
export function draftLines(draft: DraftPlan): Set<number> {
  const lines = new Set<number>(unitLines(draft.front));
  for (const chapter of draft.chapters) {
    lines.add(chapter.line);
    for (const l of unitLines(chapter.units)) lines.add(l);
    for (const section of chapter.sections) {
      for (const l of section.headingLines) lines.add(l);
      for (const l of unitLines(section.units)) lines.add(l);
    }
  }
  for (const box of draft.boxes) {
    lines.add(box.line);
    for (const l of box.headerLines) lines.add(l);
    for (const c of box.categories) for (const l of c.lines) lines.add(l.line);
    for (const r of box.rows) for (const l of r.lines) lines.add(l.line);
    for (const n of box.notes) lines.add(n.line);
    for (const group of box.groups) {
      if (group.line !== null) lines.add(group.line);
      for (const l of unitLines(group.items)) lines.add(l);
    }
  }
  return lines;
}

/**
 * Lines of `source` (the decoded text) that are neither in the draft nor page furniture:
 * cleaned lines no draft node holds, and non-blank lines cleaning dropped without recording
 * a removal.
 */
export function leftOverLines(source: string, cleaned: CleanLine[], removed: Removal[], draft: DraftPlan): LeftOverLine[] {
  const held = draftLines(draft);
  const cleanedAt = new Map<number, string>();
  for (const l of cleaned) cleanedAt.set(l.line, cleanedAt.has(l.line) ? `${cleanedAt.get(l.line)}${l.text}` : l.text);
  const furniture = new Set(removed.map((r) => r.line));
  const left: LeftOverLine[] = [];
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || held.has(line)) return;
    const text = cleanedAt.get(line);
    if (text !== undefined) left.push({ line, text });
    else if (!furniture.has(line)) left.push({ line, text: raw.trim() });
  });
  return left;
}
