/**
 * Line patterns of the plans' own hierarchy. Each returns null when the line is not that kind.
 * They look at one line only; whether a match is really a heading is decided by the parser,
 * which knows the numbering so far.
 */
import { zhNumeralValue } from './numerals.ts';

export interface NumberedMatch {
  number: string;
  value: number;
  label: string;
  rest: string;
}

const ZH = '[一二三四五六七八九十]{1,3}';

/** 一、编制背景 — a chapter (or a group inside a box). Titles are short and carry no sentence punctuation. */
export function matchChapter(text: string): NumberedMatch | null {
  const m = new RegExp(`^(${ZH})、\\s*(.+)$`, 's').exec(text);
  if (!m) return null;
  const title = m[2].trim();
  if (title.length > 32 || /[，。；：,;]/.test(title)) return null;
  return { number: m[1], value: zhNumeralValue(m[1]), label: `${m[1]}、`, rest: title };
}

/** （一）指导思想 — a section heading; the rest may hold the title and inline body text. */
export function matchSection(text: string): NumberedMatch | null {
  const m = new RegExp(`^[（(](${ZH})[）)]\\s*(.*)$`, 's').exec(text);
  if (!m) return null;
  const label = text.slice(0, text.length - m[2].length).trimEnd();
  return { number: m[1], value: zhNumeralValue(m[1]), label, rest: m[2] };
}

/** 1.加强… / 1、… / 1．… — a numbered clause or box item. `1.8 万` is a number, not a label. */
export function matchNumbered(text: string): NumberedMatch | null {
  const m = /^(\d{1,3})\s*([.．、])\s*(?!\d)(.*)$/s.exec(text);
  if (!m) return null;
  return { number: m[1], value: Number(m[1]), label: `${m[1]}${m[2]}`, rest: m[3] };
}

/** 专栏 2 健全残疾人保障体系 */
export function matchBoxTitle(text: string): { number: string; title: string } | null {
  const m = /^专栏\s*(\d{1,2})\s*(.*)$/s.exec(text);
  if (!m) return null;
  return { number: m[1], title: m[2].trim() };
}

/** The text ends a sentence (or a lead-in before a list), so a following line may start a new paragraph. */
export function endsSentence(text: string): boolean {
  if (/[。！？；：]$/.test(text)) return true;
  if (/[。！？][”’"）)]$/.test(text)) return true;
  // A responsibility note closes a clause: （…牵头，…负责）
  return /[（(][^（(]*(牵头|负责|责任单位|责任落实|配合部门)[^（(]*[）)]$/.test(text);
}

/** Markers that start a new paragraph even after a full-width line. */
export function startsParagraph(text: string): boolean {
  return /^(——|到\s*20\d\d\s*年|注[：:])/.test(text);
}

/** Table header cell words. */
export const HEADER_WORDS = /^(类别|序号|指标|\d{4}年|目标|属性|目标属性|单位)$/;

/** An indicator row's last cell. */
export const ATTRIBUTE = /^(约束性|预期性)$/;
