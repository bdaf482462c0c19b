/**
 * The plan model read back as source text. One traversal gives every heading, clause,
 * 专栏 title and item, table row and note with the source lines it came from; from it:
 * - `sourceEntries`: whole entries in source order, for the site's source view;
 * - `planFragments`: single-line pieces in source order, to prove the model holds the
 *   cleaned source exactly (a unit interleaved with a box is split back into its lines).
 */
import type { Clause, Plan } from './plan.ts';

/** A clause's full text exactly as the source prints it: label + paragraphs, no separators. */
export const clauseText = (unit: Pick<Clause, 'label' | 'paragraphs'>): string => unit.label + unit.paragraphs.join('');

export type SourceEntryKind = 'chapter' | 'section' | 'unit' | 'box-title' | 'box-group' | 'table-header' | 'table-category' | 'table-row' | 'note';

export interface SourcePiece {
  line: number;
  text: string;
}

export interface SourceEntry {
  kind: SourceEntryKind;
  /** Id of the model node (clause, section, box, indicator row …). */
  id: string;
  /** First source line, the sort key. */
  line: number;
  /** The text split at source line breaks, each piece with its line. */
  pieces: SourcePiece[];
  /** True when the extractor cut off part of this unit in the source. */
  incomplete: boolean;
}

export interface Fragment extends SourcePiece {
  /** Id of the node the piece belongs to. */
  id: string;
}

/** Splits text at the offsets where each source line's piece starts. */
function piecesOf(text: string, lines: number[], at: number[]): SourcePiece[] {
  return lines.map((line, k) => ({ line, text: text.slice(at[k], at[k + 1] ?? text.length) }));
}

const unitEntry = (unit: Clause): SourceEntry => ({
  kind: 'unit',
  id: unit.id,
  line: unit.lines[0],
  pieces: piecesOf(clauseText(unit), unit.lines, unit.at),
  incomplete: unit.incomplete,
});

const single = (kind: SourceEntryKind, id: string, line: number, text: string): SourceEntry => ({
  kind,
  id,
  line,
  pieces: [{ line, text }],
  incomplete: false,
});

/** Every entry of the plan in model order. */
function planEntries(plan: Plan): SourceEntry[] {
  const entries: SourceEntry[] = plan.front.map(unitEntry);
  for (const chapter of plan.chapters) {
    entries.push(single('chapter', chapter.id, chapter.lines[0], chapter.heading));
    entries.push(...chapter.units.map(unitEntry));
    for (const section of chapter.sections) {
      entries.push({ kind: 'section', id: section.id, line: section.lines[0], pieces: piecesOf(section.heading, section.lines, section.at), incomplete: false });
      entries.push(...section.units.map(unitEntry));
    }
  }
  for (const box of plan.boxes) {
    entries.push(single('box-title', box.id, box.line, box.heading ?? `专栏${box.number} ${box.title}`));
    if (box.table) {
      const { table } = box;
      entries.push(single('table-header', `${box.id}-header`, table.headerLines[0], table.columns.join(' ')));
      table.categories.forEach((c, k) => entries.push(single('table-category', `${box.id}-category${k + 1}`, c.line, c.text)));
      for (const row of table.rows) entries.push(single('table-row', row.id, row.lines[0], row.printed));
    }
    box.notes.forEach((note, k) => entries.push(single('note', `${box.id}-note${k + 1}`, note.line, note.text)));
    for (const group of box.groups) {
      if (group.number !== null) entries.push(single('box-group', group.id, group.lines[0], `${group.number}、${group.title ?? ''}`));
      entries.push(...group.items.map(unitEntry));
    }
  }
  return entries;
}

/** Stable sort by source line: items that start on the same line keep their model order. */
function byLine<T extends { line: number }>(items: T[]): T[] {
  return items.map((item, order) => ({ item, order })).sort((a, b) => a.item.line - b.item.line || a.order - b.order).map(({ item }) => item);
}

/** Whole entries sorted by their first source line. */
export function sourceEntries(plan: Plan): SourceEntry[] {
  return byLine(planEntries(plan)).map((entry) => ({ ...entry, pieces: entry.pieces.filter((p) => p.text !== '') }));
}

/** Single-line pieces sorted by source line. */
export function planFragments(plan: Plan): Fragment[] {
  return byLine(planEntries(plan).flatMap((entry) => entry.pieces.map((piece) => ({ ...piece, id: entry.id }))));
}
