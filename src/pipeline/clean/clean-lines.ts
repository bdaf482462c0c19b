/**
 * Stage 1: raw text → cleaned lines.
 * Drops blank lines and page numbers, strips PDF markup (`**bold**`, `<p>`),
 * normalises spacing, and keeps the source line number of every piece so later
 * stages can cite it. Everything removed is listed, so tests can check it is only debris.
 */
import type { Removal } from '../../model/plan.ts';

export interface CleanLine {
  /** 1-based line number in the source file. */
  line: number;
  /** Trimmed source text with markup removed but spacing kept (tables need the column gaps). */
  raw: string;
  /** Text with spacing normalised: what readers see. */
  text: string;
  /** The extractor cut this line off (it ended in U+FFFD). */
  incomplete: boolean;
  /** The line had `**…**` emphasis (clause titles in some plans). */
  bold: boolean;
}

export interface CleanResult {
  lines: CleanLine[];
  removed: Removal[];
}

const PAGE_NUMBER = /^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3})$/;
const CUT_MARK = '\uFFFD';

/** CJK ideographs, CJK punctuation and full-width forms: text where spaces are never meaningful. */
const WIDE = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7';
const SPACE_AFTER_WIDE = new RegExp(`([${WIDE}])[ \\t\\u00a0\\u3000]+`, 'g');
const SPACE_BEFORE_WIDE = new RegExp(`[ \\t\\u00a0\\u3000]+([${WIDE}])`, 'g');
const ZH_DIGIT = '一二三四五六七八九〇零';
/** A Latin zero written among Chinese numerals (二 0三五) is the numeral 〇. */
const LATIN_ZERO_IN_ZH_NUMBER = new RegExp(`([${ZH_DIGIT}])\\s*0\\s*(?=[${ZH_DIGIT}])`, 'g');

/** Stands for a kept space while the extractor's spaces are removed. */
const KEPT_SPACE = '\u0001';
/**
 * Inside a cited document's title (《…》) a space between two ideographs is the printed gap
 * between joint issuing bodies (《中国残联 国家乡村振兴局关于…的意见》), the way official
 * documents name them: it separates two names and is kept. Elsewhere such a space is
 * typesetting (a title set on two lines, spaced characters) and goes.
 */
const keepIssuerGaps = (line: string): string =>
  line.replace(/《[^《》]*》/g, (title) => title.replace(/(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])/g, KEPT_SPACE));

/** Normalise spacing in one line of Chinese text. Pure; idempotent. */
export function normaliseSpacing(input: string): string {
  return keepIssuerGaps(
    input
      // Unicode line/paragraph separators and odd spaces from the extractor are plain spaces.
      .replace(/[\u2028\u2029\u00a0\u2000-\u200b\u202f\u205f]/g, ' '),
  )
    .replace(LATIN_ZERO_IN_ZH_NUMBER, '$1〇')
    .replace(SPACE_AFTER_WIDE, '$1')
    .replace(SPACE_BEFORE_WIDE, '$1')
    // Spaces before units and closing marks: `100 %`, `(% )`.
    // `[ ]` (an empty cell marker) keeps one space; other gaps inside brackets go.
    .replace(/\[\s+\]/g, '[ ]')
    .replace(/(?<=[^\[\s])\s+([%‰)\]])/g, '$1')
    .replace(/([(\[])\s+(?=[^\]\s])/g, '$1')
    // A printed number label keeps no gap: `1. 实行` is already handled above; `1 .` is not.
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .replaceAll(KEPT_SPACE, ' ')
    .trim();
}

/** Split a line holding several `<p>…</p>` blocks into its blocks, recording removed tags. */
function splitParagraphMarkup(text: string, line: number, removed: Removal[]): string[] {
  if (!/<\/?p\b[^>]*>/i.test(text)) return [text];
  const tags = text.match(/<\/?p\b[^>]*>/gi) ?? [];
  removed.push({ line, kind: 'markup', text: tags.join('') });
  return text
    .split(/<\/?p\b[^>]*>/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Remove `**` emphasis marks that come in pairs; a lone `**` is kept as text. */
function stripBold(text: string): { text: string; bold: boolean; marks: number } {
  const count = text.split('**').length - 1;
  if (count < 2) return { text, bold: false, marks: 0 };
  const pairs = count - (count % 2);
  let seen = 0;
  const out = text.replace(/\*\*/g, (m) => (seen++ < pairs ? '' : m));
  return { text: out, bold: true, marks: pairs };
}

export function cleanLines(source: string): CleanResult {
  const lines: CleanLine[] = [];
  const removed: Removal[] = [];
  source.split('\n').forEach((original, index) => {
    const line = index + 1;
    const trimmed = original.trim();
    // Blank lines are layout, not text: they are skipped without a record.
    if (trimmed === '') return;
    // A lone number with a tab before it is a table cell (one cell per line), not a page number.
    if (PAGE_NUMBER.test(trimmed) && !original.startsWith('\t')) {
      removed.push({ line, kind: 'page-number', text: trimmed });
      return;
    }
    for (const part of splitParagraphMarkup(trimmed, line, removed)) {
      const { text: unbolded, bold, marks } = stripBold(part);
      if (marks) removed.push({ line, kind: 'markup', text: '**'.repeat(marks) });
      let raw = unbolded;
      const incomplete = raw.endsWith(CUT_MARK);
      if (incomplete) {
        raw = raw.replace(/\uFFFD+$/, '');
        removed.push({ line, kind: 'cut-mark', text: CUT_MARK });
      }
      const text = normaliseSpacing(raw);
      if (text === '') continue;
      lines.push({ line, raw: raw.trim(), text, incomplete, bold });
    }
  });
  return { lines, removed };
}
