/**
 * Works out a plan's own hierarchy from the numbering families it uses.
 *
 * Levels are chosen outermost first. The chapter level is the outermost rank printed with
 * number 1 and a short title. Each deeper level is scored by how often its number 1 comes
 * right after a heading of the levels already chosen (not after a 专栏 title, so the 一、
 * groups and 1. items inside boxes do not count); the outermost rank scoring at least a
 * half of the best score is taken.
 *
 * The used ranks, outermost first, map onto the one plan model:
 * - the first is the chapter level;
 * - the next is the section level when it is a heading family (第一节, 一、, （一）), else
 *   there are no sections and it is the clause level;
 * - the next is the clause level.
 * Deeper ranks stay inside the clause text (as paragraphs where the lines break).
 */
import type { CleanLine } from '../clean/clean-lines.ts';
import { FAMILIES, GROUP_FAMILIES, MAX_SECTION_RANK, familiesOfRank, matchFamilies, type Family } from './families.ts';
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

/** How often the rank restarts at 1 right after a heading of the chosen levels (any start for the first level). */
function score(lines: CleanLine[], chosen: number[], rank: number): number {
  const asChapter = chosen.length === 0;
  let restarts = 0;
  /** The last structural line seen: a heading of a chosen level, or a 专栏 title. */
  let last: 'none' | 'heading' | 'box' = 'none';
  for (const line of lines) {
    if (matchBoxTitle(line.text)) {
      last = 'box';
      continue;
    }
    // 一、 groups right after a 专栏 title belong to the box, not to the body.
    if (last === 'box' && matchFamilies(GROUP_FAMILIES, line.text)) continue;
    if (chosen.some((r) => startsRank(r, line.text, r === chosen[0]))) {
      last = 'heading';
      continue;
    }
    const m = startsRank(rank, line.text, asChapter);
    if (m && m.value === 1 && (asChapter || last === 'heading')) restarts++;
  }
  return restarts;
}

export function chooseLevels(lines: CleanLine[]): Levels | null {
  const ranks = [...new Set(FAMILIES.map((f) => f.rank))].sort((a, b) => a - b);
  const chosen: number[] = [];
  while (chosen.length < 3) {
    const deeper = ranks.filter((r) => r > Math.max(-1, ...chosen));
    const scores = deeper.map((r) => score(lines, chosen.filter((c) => c >= 0), r));
    const best = Math.max(0, ...scores);
    if (best === 0) break;
    // The outermost rank that restarts often enough: a stray 1. under a chapter does not
    // make it the section level, nor a box item printed after a heading the clause level.
    const rank = chosen.length === 0 ? deeper[scores.findIndex((n) => n > 0)] : deeper[scores.findIndex((n) => n >= Math.max(1, best / 2))];
    // A clause-like rank cannot hold sections: when it comes second, the plan has none.
    if (chosen.length === 1 && rank > MAX_SECTION_RANK) chosen.push(-1);
    chosen.push(rank);
  }
  if (chosen.length === 0) return null;
  const of = (k: number) => (chosen[k] === undefined || chosen[k] < 0 ? null : familiesOfRank(chosen[k]));
  return { chapter: of(0)!, section: of(1), clause: of(2) };
}
