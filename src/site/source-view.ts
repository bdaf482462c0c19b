/**
 * The plan as a reader would check it against the original: every unit of the model
 * (front matter, chapter and section headings, clauses, 专栏 titles and items, indicator
 * table rows, notes) with the source line it starts on, sorted by that line.
 */
import type { Clause, Plan } from '../model/plan.ts';
import { clauseText } from './text.ts';

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
  /** The text split at source line breaks, each piece with its line (one piece for most entries). */
  pieces: SourcePiece[];
  /** True when the extractor cut off part of this unit in the source. */
  incomplete: boolean;
}

/** Splits text at the offsets where each source line's piece starts. */
function piecesOf(text: string, lines: number[], at: number[] | undefined): SourcePiece[] {
  if (!at || at.length !== lines.length) return [{ line: lines[0], text }];
  return lines.map((line, k) => ({ line, text: text.slice(at[k], at[k + 1] ?? text.length) })).filter((p) => p.text !== '');
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

export function sourceEntries(plan: Plan): SourceEntry[] {
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
    entries.push(single('box-title', box.id, box.line, `专栏${box.number} ${box.title}`));
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
  // Stable sort: entries that start on the same line keep their model order.
  return entries.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.line - b.entry.line || a.order - b.order).map(({ entry }) => entry);
}
