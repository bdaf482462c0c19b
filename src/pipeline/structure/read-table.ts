/**
 * Reads an indicator table that starts right after a 专栏 title.
 * The extractor flattens tables in three ways seen in the seeds: space-separated rows with
 * the category column split into short fragments (000, 001), one cell per line (003), and
 * tab-separated rows (004). All three become rows of cells here; the indicators stage
 * turns cells into values.
 */
import type { CleanLine } from '../clean/clean-lines.ts';
import { normaliseSpacing } from '../clean/clean-lines.ts';
import { IngestError } from '../problems/ingest-error.ts';
import type { DraftBox, DraftRow } from './draft.ts';
import { ATTRIBUTE, HEADER_WORDS } from './patterns.ts';

/** Cells of one raw line: tab-separated columns when there are tabs, else space-separated tokens. */
export function splitCells(raw: string): { cells: string[]; tabbed: boolean } {
  const tabbed = raw.includes('\t');
  const cells = raw
    .split(tabbed ? /\t+/ : /\s+/)
    .map((cell) => (tabbed ? normaliseSpacing(cell) : cell.trim()))
    .filter((cell) => cell !== '');
  return { cells, tabbed };
}

const ROW_START = /^((\d{1,2})(?:\s*[.．])?)(?:\s*|\t+|\s+)(?!\d)(.*)$/s;
/** A piece of a category cell split over lines: short, no sentence punctuation. */
const FRAGMENT = /^[^，。；：,;\d]{1,8}$/;
const MAX_ROW_LINES = 8;

function rowStart(line: CleanLine, expected: number): { label: string; rest: string } | null {
  const m = ROW_START.exec(line.raw);
  return m && Number(m[2]) === expected && (m[1] !== m[2] || /^\d{1,2}\s/.test(line.raw)) ? { label: m[1].replace(/\s+/g, ''), rest: m[3] } : null;
}

/** True when the lines from `i` are category fragments followed by the expected row. */
function fragmentsBeforeRow(lines: CleanLine[], i: number, expected: number): boolean {
  for (let k = i; k < lines.length && k < i + 6; k++) {
    if (rowStart(lines[k], expected) !== null) return k > i;
    if (!FRAGMENT.test(lines[k].text)) return false;
  }
  return false;
}

/**
 * Consume the table starting at `start`. Returns the index of the first line after it;
 * returns `start` unchanged when no table header is there.
 */
export function readTable(file: string, lines: CleanLine[], start: number, box: DraftBox): number {
  let i = start;
  while (i < lines.length) {
    // `2020 年` is one header cell printed with a gap.
    const { cells } = splitCells(lines[i].raw.replace(/(\d)\s+年/g, '$1年'));
    const words = cells.map((c) => normaliseSpacing(c));
    if (words.length === 0 || !words.every((w) => HEADER_WORDS.test(w))) break;
    box.columns.push(...words);
    box.headerLines.push(lines[i].line);
    i++;
  }
  if (i === start) return start;

  let expected = 1;
  let category: string | null = null;
  let afterRow = true;
  while (i < lines.length) {
    const line = lines[i];
    const first = rowStart(line, expected);
    if (first !== null) {
      const row: DraftRow = { number: String(expected), label: first.label, category, cells: [], tabbed: line.raw.includes('\t'), lines: [] };
      let part = first.rest;
      for (let k = 0; ; k++) {
        row.lines.push(lines[i]);
        row.cells.push(...splitCells(part).cells);
        i++;
        if (ATTRIBUTE.test(row.cells[row.cells.length - 1] ?? '')) break;
        if (k + 1 >= MAX_ROW_LINES || i >= lines.length) {
          throw new IngestError(file, line.line, `indicator row ${expected} has no attribute (约束性 or 预期性) within ${MAX_ROW_LINES} lines`);
        }
        part = lines[i].raw;
      }
      box.rows.push(row);
      expected++;
      afterRow = true;
      continue;
    }
    if (/^注[：:]/.test(line.text)) {
      box.notes.push(line);
      i++;
      continue;
    }
    if (FRAGMENT.test(line.text) && (!afterRow || fragmentsBeforeRow(lines, i, expected))) {
      if (afterRow) box.categories.push({ text: '', lines: [] });
      const current = box.categories[box.categories.length - 1];
      current.text += line.text;
      current.lines.push(line);
      category = current.text;
      afterRow = false;
      i++;
      continue;
    }
    break;
  }
  if (box.rows.length === 0) {
    throw new IngestError(file, lines[start].line, `专栏${box.number} has a table header but no rows`);
  }
  return i;
}
