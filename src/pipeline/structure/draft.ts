/**
 * Draft tree: what the structure stage recovers before ids, titles and areas are assigned.
 * Every cleaned line ends up in exactly one draft node (as a piece or a heading line).
 */
import type { CleanLine } from '../clean/clean-lines.ts';
import type { Levels } from './levels.ts';

export interface Piece {
  text: string;
  line: number;
  incomplete: boolean;
  /** This piece starts a new paragraph inside its unit. */
  paragraphStart: boolean;
}

export interface DraftUnit {
  kind: 'paragraph' | 'clause' | 'box-item';
  number: string | null;
  label: string;
  pieces: Piece[];
}

export interface DraftSection {
  number: string | null;
  impliedNumber: string | null;
  value: number;
  title: string;
  heading: string;
  /** How a citation prints this section: （二）, (二), 第二节. */
  cite: string;
  headingLines: number[];
  /** Where each heading line starts in `heading`. */
  headingOffsets: number[];
  units: DraftUnit[];
}

export interface DraftChapter {
  number: string;
  value: number;
  title: string;
  heading: string;
  line: number;
  units: DraftUnit[];
  sections: DraftSection[];
  /** How a citation prints this chapter before a section (三, 第三章) and on its own (三、, 第三章). */
  cite: string;
  citeAlone: string;
}

export interface DraftRow {
  number: string;
  /** The number as printed with its punctuation: `1.` or `1`. */
  label: string;
  category: string | null;
  cells: string[];
  /** True when the cells came from tab-separated columns (exact), false when split on spaces. */
  tabbed: boolean;
  lines: CleanLine[];
}

export interface DraftGroup {
  number: string | null;
  value: number;
  title: string | null;
  line: number | null;
  items: DraftUnit[];
}

export interface DraftBox {
  /** As printed: 2, 一, 1-1. */
  number: string;
  /** For ids: 2, 1 (专栏一), 1-1. */
  key: string;
  title: string;
  /** The title line as printed, when the number is followed by a separator (专栏1：…); else null. */
  heading: string | null;
  line: number;
  groups: DraftGroup[];
  columns: string[];
  headerLines: number[];
  /** Category cells, each joined from its fragments. */
  categories: { text: string; lines: CleanLine[] }[];
  rows: DraftRow[];
  notes: CleanLine[];
  /** Where the box starts: chapter value and section value (0 when directly under the chapter). */
  parent: { chapter: number; section: number };
}

export interface DraftPlan {
  /** The numbering families the plan uses for its chapters, sections and clauses. */
  levels: Levels;
  front: DraftUnit[];
  chapters: DraftChapter[];
  boxes: DraftBox[];
}

/** Text of a unit as printed: label and pieces, no separators (Chinese has no spaces). */
export function unitText(unit: DraftUnit): string {
  return unit.label + unit.pieces.map((p) => p.text).join('');
}
