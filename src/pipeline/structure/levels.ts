/**
 * Works out a plan's own hierarchy from the numbering families it uses.
 *
 * A rank (see families.ts) counts as used when a line starting with its number 1 appears
 * (a chapter-level title must be short). Number 1 of a deeper rank must come
 * after a heading of the levels already chosen rather than right after a 专栏 title, so the
 * 一、 groups inside boxes do not count as a body level.
 *
 * The used ranks, outermost first, map onto the one plan model:
 * - the first is the chapter level;
 * - the next is the section level when it is a heading family (第一节, 一、, （一）), else
 *   there are no sections and it is the clause level;
 * - the next is the clause level.
 * Deeper ranks stay inside the clause text (as paragraphs where the lines break).
 */
import type { CleanLine } from '../clean/clean-lines.ts';
import { FAMILIES, MAX_SECTION_RANK, familiesOfRank, matchFamilies, type Family } from './families.ts';
import { chapterTitleOk, matchBoxTitle } from './patterns.ts';

export interface Levels {
  chapter: Family[];
  section: Family[] | null;
  clause: Family[] | null;
}

/** A line that starts the rank in this position (chapter-level titles are short). */
function startsRank(rank: number, text: string, asChapter: boolean) {
  const m = matchFamilies(familiesOfRank(rank), text);
  if (!m) return null;
  if (asChapter && !chapterTitleOk(m.rest)) return null;
  return m;
}

export function chooseLevels(lines: CleanLine[]): Levels | null {
  const ranks = [...new Set(FAMILIES.map((f) => f.rank))].sort((a, b) => a - b);
  const chosen: number[] = [];
  for (const rank of ranks) {
    if (chosen.length === 3) break;
    const asChapter = chosen.length === 0;
    let count = 0;
    let firstOk = false;
    /** The last structural line seen: a heading of a chosen level, or a 专栏 title. */
    let last: 'none' | 'heading' | 'box' = 'none';
    for (const line of lines) {
      if (matchBoxTitle(line.text)) {
        last = 'box';
        continue;
      }
      if (chosen.some((r) => startsRank(r, line.text, r === chosen[0]))) {
        last = 'heading';
        continue;
      }
      const m = startsRank(rank, line.text, asChapter);
      if (!m) continue;
      count++;
      if (m.value === 1 && (asChapter || last === 'heading')) firstOk = true;
    }
    if (count === 0 || !firstOk) continue;
    // A clause-like rank cannot hold sections: when it comes second, the plan has none.
    if (chosen.length === 1 && rank > MAX_SECTION_RANK) chosen.push(-1);
    chosen.push(rank);
  }
  if (chosen.length === 0) return null;
  const of = (k: number) => (chosen[k] === undefined || chosen[k] < 0 ? null : familiesOfRank(chosen[k]));
  return { chapter: of(0)!, section: of(1), clause: of(2) };
}
