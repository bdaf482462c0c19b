/**
 * Does a line begin like a heading or a clause number, in any form a plan might print?
 * Broader than the numbering families the structure stage reads (families.ts): it also
 * knows forms no family reads (第1章, 12、 with three digits, ㉑, 第一篇), so a line the
 * parser took for plain text is noticed even when its numbering is unusual.
 * Only the start of a line counts: 一是…二是… and （1）…（2）… inside a sentence are text.
 */

const ZH = '[一二三四五六七八九十百〇零两]+';
const DIGITS = '[0-9０-９]+';
const NUMBER = `(?:${ZH}|${DIGITS})`;

/** The numbering forms, each anchored at the start of the line. */
const NUMBERING_AT_START = new RegExp(
  [
    `第\\s*${NUMBER}\\s*(?:部分|章|节|条|篇|款)`,
    `[（(]\\s*${NUMBER}\\s*[）)]`,
    `${ZH}\\s*[、．.）)]`,
    // A decimal (1.8万) or a date (2021.6) is not a label.
    `${DIGITS}\\s*[.．、）)](?![0-9０-９])`,
    '[①-⑳㉑-㉟㊱-㊿]',
    `专栏\\s*${NUMBER}`,
  ]
    .map((form) => `(?:${form})`)
    .join('|'),
);

const AT_START = new RegExp(`^(?:${NUMBERING_AT_START.source})`);

/** The numbering label the line starts with (whitespace removed), or null when it starts like text. */
export function numberingAtStart(text: string): string | null {
  const m = AT_START.exec(text.trimStart());
  return m ? m[0].replace(/\s+/g, '') : null;
}

const FULL_DIGIT = /[０-９]+/g;
const ASCII_DIGIT = /[0-9]+/g;
const ZH_NUMERAL = new RegExp(ZH, 'g');
const CIRCLED = /[①-⑳㉑-㉟㊱-㊿]/g;

/**
 * The style of a label, shown as the label of number one: 三、 → 一、, （12） → （1）,
 * ５． → １．, 第三章 → 第一章, ④ → ①. Used to tell which numbering each level uses.
 */
export function numberingStyle(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(FULL_DIGIT, '１')
    .replace(ASCII_DIGIT, '1')
    .replace(CIRCLED, '①')
    .replace(ZH_NUMERAL, '一');
}
