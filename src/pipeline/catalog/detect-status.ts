/**
 * A plan's status read from its own title block, for catalogue entries that leave `status`
 * out, and to catch an entry that contradicts the text: a draft published as 正式 would read
 * like a plan in force. Pure.
 *
 * Drafts say so on the title page: （征求意见稿）, （讨论稿）, （送审稿）, bracketed after the
 * title or on a line of their own. Only the lines before the first chapter are read, so a
 * sentence of the body that mentions 征求意见稿 is not taken for the document's status.
 */
import type { Status } from '../../model/plan.ts';
import type { CleanLine } from '../clean/clean-lines.ts';

export const DRAFT_STATUSES = ['征求意见稿', '讨论稿', '送审稿'] as const satisfies readonly Status[];

/** How far into a plan its title block can reach. */
const TITLE_BLOCK_LINES = 15;
/** A line that is the first chapter heading ends the title block. */
const FIRST_CHAPTER = /^(?:第[一二三四五六七八九十]+[章部]|一[、．.]|第一部分)/;

export interface DetectedStatus {
  status: Status;
  /** Source line where the text says it (0 for the catalogue's title). */
  line: number;
}

/** The status the document's title or title block names, or null when it names none. */
export function statusFromText(title: string, lines: readonly Pick<CleanLine, 'line' | 'text'>[]): DetectedStatus | null {
  const named = (text: string, standalone: boolean): Status | null => {
    for (const s of DRAFT_STATUSES) {
      if (new RegExp(`[（(]${s}[）)]`).test(text)) return s;
      if (standalone && text.trim() === s) return s;
    }
    return null;
  };
  const inTitle = named(title, false);
  if (inTitle) return { status: inTitle, line: 0 };
  for (const l of lines.slice(0, TITLE_BLOCK_LINES)) {
    if (FIRST_CHAPTER.test(l.text.trim())) break;
    const s = named(l.text, true);
    if (s) return { status: s, line: l.line };
  }
  return null;
}
