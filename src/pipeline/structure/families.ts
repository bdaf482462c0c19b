/**
 * Numbering families: one row per way Chinese government plans number their headings.
 * The structure stage reads this table; adding a family is adding a row (and a fixture in
 * tests/ingest/layouts.test.ts).
 *
 * `rank` orders the families from outermost to innermost, as plans nest them
 * (第一部分 > 第一章 > 第一节 > 一、 > （一） > 1. / 第一条 > （1） > ①). Rows with the same rank
 * are variants of one level. Each plan uses some of the ranks; `chooseLevels` maps the ones
 * it uses onto chapter / section / clause (see build-draft.ts).
 */
import { zhNumeralValue } from './numerals.ts';

export interface NumberedMatch {
  /** The number for ids: ASCII digits for arabic, circled and article numbers, the numeral for Chinese ones. */
  number: string;
  value: number;
  /** The label as printed, whitespace removed, e.g. `1.`, `１．`, `（一）`, `第三章`. */
  label: string;
  rest: string;
}

export interface Family {
  id: string;
  rank: number;
  /** Numbers printed in Chinese numerals (一, 二 …), kept as printed in the model. */
  chinese: boolean;
  match(text: string): NumberedMatch | null;
  /**
   * How a citation prints this level: `within` when a deeper level follows (三 in 三（二）5.),
   * `alone` when the cited unit sits directly under it (三、 in 三、第1段).
   */
  cite(number: string, label: string): { within: string; alone: string };
}

const ZH = '[一二三四五六七八九十]{1,3}';
const FULL = '０１２３４５６７８９';
/** ASCII digits of a number printed with full-width digits. */
export const asciiDigits = (s: string): string => s.replace(/[０-９]/g, (d) => String(FULL.indexOf(d)));

const noSpace = (s: string) => s.replace(/\s+/g, '');

function zhRow(id: string, rank: number, re: RegExp, cite: Family['cite']): Family {
  return {
    id,
    rank,
    chinese: true,
    match(text) {
      const m = re.exec(text);
      if (!m) return null;
      const value = zhNumeralValue(m[1]);
      if (Number.isNaN(value)) return null;
      return { number: m[1], value, label: noSpace(text.slice(0, text.length - m[2].length)), rest: m[2] };
    },
    cite,
  };
}

function arabicRow(id: string, rank: number, re: RegExp, value: (n: string) => number = (n) => Number(asciiDigits(n))): Family {
  return {
    id,
    rank,
    chinese: false,
    match(text) {
      const m = re.exec(text);
      if (!m) return null;
      const v = value(m[1]);
      return { number: String(v), value: v, label: noSpace(text.slice(0, text.length - m[2].length)), rest: m[2] };
    },
    cite: (_n, label) => ({ within: label, alone: label }),
  };
}

const asPrinted: Family['cite'] = (_n, label) => ({ within: label, alone: label });
/** 三、 cites as 三 before a section (三（二）5.), as 三、 on its own. */
const dropMark: Family['cite'] = (n, label) => ({ within: n, alone: label });

export const FAMILIES: Family[] = [
  zhRow('part', 0, new RegExp(`^第\\s*(${ZH})\\s*部分\\s*(.*)$`, 's'), asPrinted),
  zhRow('chapter', 1, new RegExp(`^第\\s*(${ZH})\\s*章\\s*(.*)$`, 's'), asPrinted),
  zhRow('jie', 2, new RegExp(`^第\\s*(${ZH})\\s*节\\s*(.*)$`, 's'), asPrinted),
  zhRow('zh-dun', 3, new RegExp(`^(${ZH})、\\s*(.+)$`, 's'), dropMark),
  zhRow('zh-dot', 3, new RegExp(`^(${ZH})[．.]\\s*(.+)$`, 's'), dropMark),
  zhRow('zh-paren', 4, new RegExp(`^[（(](${ZH})[）)]\\s*(.*)$`, 's'), asPrinted),
  zhRow('zh-close', 4, new RegExp(`^(${ZH})[）)]\\s*(.*)$`, 's'), asPrinted),
  // `1.8 万` is a number, not a label.
  arabicRow('arabic', 5, /^([0-9０-９]{1,3})\s*[.．、]\s*(?![0-9０-９])(.*)$/s),
  arabicRow('article', 5, new RegExp(`^第\\s*(${ZH})\\s*条\\s*(.*)$`, 's'), zhNumeralValue),
  arabicRow('arabic-paren', 6, /^[（(]([0-9０-９]{1,2})[）)]\s*(.*)$/s),
  arabicRow('arabic-close', 6, /^([0-9０-９]{1,2})[)）]\s*(?![0-9０-９])(.*)$/s),
  arabicRow('circled', 7, /^([①-⑳])\s*(.*)$/s, (c) => c.charCodeAt(0) - 0x2460 + 1),
];

/** First family of the given ranks that matches the line. */
export function matchFamilies(families: Family[], text: string): (NumberedMatch & { family: Family }) | null {
  for (const family of families) {
    const m = family.match(text);
    if (m) return { ...m, family };
  }
  return null;
}

export const familiesOfRank = (rank: number): Family[] => FAMILIES.filter((f) => f.rank === rank);

/** The deepest rank a section can be: below it numbers are clauses. */
export const MAX_SECTION_RANK = 4;
/** Box groups are numbered 一、; box items use any clause-like family. */
export const GROUP_FAMILIES = familiesOfRank(3);
export const ITEM_FAMILIES = FAMILIES.filter((f) => f.rank >= 5);
