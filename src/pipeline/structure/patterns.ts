/**
 * Line patterns of the plans' own hierarchy. Each returns null when the line is not that kind.
 * They look at one line only; whether a match is really a heading is decided by the parser,
 * which knows the numbering so far.
 */
import { asciiDigits } from './families.ts';
import { zhNumeralValue } from './numerals.ts';

export type { NumberedMatch } from './families.ts';

const ZH = '[一二三四五六七八九十]{1,3}';

/** A chapter title is short and carries no sentence punctuation (一、编制背景, 第一章 总则). */
export function chapterTitleOk(title: string): boolean {
  return title.trim().length <= 32 && !/[，。；：,;]/.test(title);
}

export interface BoxTitle {
  /** As printed, whitespace removed: `2`, `一`, `1-1`. */
  number: string;
  /** For ids: `2`, `1` (专栏一), `1-1`. */
  key: string;
  title: string;
  /** The separator printed after the number (`：`), empty when none. */
  separator: string;
}

/** 专栏 2 健全残疾人保障体系 · 专栏一 … · 专栏 1-1 … · 专栏1：… */
export function matchBoxTitle(text: string): BoxTitle | null {
  const m = new RegExp(`^专栏\\s*([0-9０-９]{1,2}(?:\\s*[-－—]\\s*[0-9０-９]{1,2})?|${ZH})(?![0-9０-９])\\s*([：:]?)\\s*(.*)$`, 's').exec(text);
  if (!m) return null;
  const number = m[1].replace(/\s+/g, '');
  const key = /^[一二三四五六七八九十]/.test(number)
    ? String(zhNumeralValue(number))
    : asciiDigits(number).replace(/[－—]/g, '-');
  if (key === 'NaN') return null;
  return { number, key, title: m[3].trim(), separator: m[2] };
}

/** The text ends a sentence (or a lead-in before a list), so a following line may start a new paragraph. */
export function endsSentence(text: string): boolean {
  if (/[。！？；：]$/.test(text)) return true;
  if (/[。！？][”’"）)]$/.test(text)) return true;
  // A responsibility note closes a clause: （…牵头，…负责）
  return /[（(][^（(]*(牵头|负责|责任单位|责任落实|配合部门)[^（(]*[）)]$/.test(text);
}

/** Brackets and quotes a line can leave open, and how each is closed. */
const PAIRS: [string, string][] = [['《', '》'], ['（', '）'], ['(', ')'], ['“', '”'], ['‘', '’'], ['〔', '〕'], ['【', '】']];

/** Whether the text leaves a bracket or a quote open (关于印发《会宁县“十四五”残疾人保障和). */
export function leavesOpen(text: string): boolean {
  return PAIRS.some(([open, close]) => text.split(open).length > text.split(close).length);
}

/**
 * Whether a line break in a PDF's text falls inside one sentence, judged from the text on
 * both sides, whatever the lines' lengths: a bracket or quote is still open, the line ends
 * with a list comma or an opening mark, or the next line starts with punctuation that cannot
 * start a paragraph (、，。）》”).
 */
export function continuesAcross(before: string, after: string): boolean {
  if (leavesOpen(before)) return true;
  if (/[、，,《（(“‘〔【—-]$/.test(before)) return true;
  return /^[、，,。；;：:）)》”’〕】]/.test(after);
}

/**
 * A line width (in characters) that no printed page has: a file whose lines are this long
 * holds one paragraph a line (the PDF's text layer joined them), so a sentence end at a line
 * end is a paragraph end, and a line without one runs on (a page break).
 */
export const PARAGRAPH_PER_LINE_WIDTH = 100;

/** Markers that start a new paragraph even after a full-width line. */
export function startsParagraph(text: string): boolean {
  return /^(——|到\s*20\d\d\s*年|注[：:])/.test(text);
}

/** Table header cell words. */
export const HEADER_WORDS = /^(类别|序号|指标|\d{4}年|目标|属性|目标属性|单位)$/;

/** An indicator row's last cell. */
export const ATTRIBUTE = /^(约束性|预期性)$/;
