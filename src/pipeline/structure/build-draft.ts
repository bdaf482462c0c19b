/**
 * Stage 2: cleaned lines → draft tree (chapters, sections, clauses, 专栏 boxes).
 *
 * The extractor writes each page top to bottom, so a box that crosses a page break is
 * interleaved with the body text of the next page, sometimes mid-sentence. The parser
 * therefore keeps two open units, the body's and the box's, and routes each line:
 * - a numbered line goes where its number is the next expected one; when both expect
 *   it, to the body unless the body's last sentence is unfinished (then the body text
 *   is only interrupted by the box);
 * - an unnumbered line continues the unit whose sentence is unfinished, or else the
 *   one written last.
 */
import type { CleanLine } from '../clean/clean-lines.ts';
import { IngestError } from '../problems/ingest-error.ts';
import type { DraftBox, DraftChapter, DraftGroup, DraftPlan, DraftSection, DraftUnit, Piece } from './draft.ts';
import { zhNumeral } from './numerals.ts';
import { GROUP_FAMILIES, ITEM_FAMILIES, matchFamilies, type Family, type NumberedMatch } from './families.ts';
import { chooseLevels } from './levels.ts';
import { chapterTitleOk, continuesAcross, endsSentence, matchBoxTitle, PARAGRAPH_PER_LINE_WIDTH, startsParagraph } from './patterns.ts';
import { readTable } from './read-table.ts';

/** Longest title we take from the start of a clause (up to its first 。). */
const MAX_LEAD_TITLE = 60;

interface Cursor {
  file: string;
  lines: CleanLine[];
  /** Typical width of a wrapped line in this file; shorter lines that end a sentence end a paragraph. */
  wrapWidth: number;
  /** Cleaned length of each source line. */
  lengthOfLine: Map<number, number>;
}

function piece(line: CleanLine, text: string, paragraphStart: boolean): Piece {
  return { text, line: line.line, incomplete: line.incomplete, paragraphStart };
}

/**
 * The first piece of a numbered unit: the text after its label. A label printed alone on its
 * line (`5.` with the text on the next line) gives an empty piece, so the unit still records
 * the line its label is on.
 */
function labelPiece(line: CleanLine, rest: string): Piece {
  return piece(line, rest, true);
}

function lastText(unit: DraftUnit | null): string {
  if (unit && unit.pieces.length === 1 && unit.pieces[0].text === '') return unit.label;
  if (!unit || unit.pieces.length === 0) return unit?.label ?? '';
  return unit.pieces[unit.pieces.length - 1].text;
}

function finished(unit: DraftUnit | null): boolean {
  return unit === null || endsSentence(lastText(unit));
}

/** Wrapped-line width: the 80th percentile of line lengths (long-line files get a large width). */
export function estimateWrapWidth(lines: CleanLine[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

type Matched = NumberedMatch & { family: Family };

/** A chapter-level heading: its title, when printed on the same line, is short. */
function matchHeading(families: Family[], text: string): Matched | null {
  const m = matchFamilies(families, text);
  return m && chapterTitleOk(m.rest) ? { ...m, rest: m.rest.trim() } : null;
}

export function buildDraft(file: string, lines: CleanLine[]): DraftPlan {
  const levels = chooseLevels(lines);
  if (!levels) {
    throw new IngestError(
      file,
      lines[0]?.line ?? 1,
      'no chapter heading (第一章, 一、, 第一部分 …) found: this does not look like a plan',
    );
  }
  const matchChapter = (text: string) => matchHeading(levels.chapter, text);
  const matchGroup = (text: string) => matchHeading(GROUP_FAMILIES, text);
  const matchSection = (text: string) => (levels.section ? matchFamilies(levels.section, text) : null);
  const matchNumbered = (text: string) => (levels.clause ? matchFamilies(levels.clause, text) : null);
  const matchItem = (text: string) => matchFamilies(levels.clause && levels.clause[0].rank < 5 ? [...levels.clause, ...ITEM_FAMILIES] : ITEM_FAMILIES, text);
  const cursor: Cursor = { file, lines, wrapWidth: estimateWrapWidth(lines), lengthOfLine: new Map(lines.map((l) => [l.line, l.text.length])) };
  const plan: DraftPlan = { levels, front: [], chapters: [], boxes: [] };

  // Assigned inside the helper closures below, so TypeScript must not narrow them to null.
  let chapter = null as DraftChapter | null;
  let section = null as DraftSection | null;
  let bodyUnit = null as DraftUnit | null;
  /** Last clause number in the body, overall (some plans number clauses 1–38 across sections). */
  let lastBodyNumber = 0;
  /** Last clause number in the current section or chapter. */
  let lastLocalNumber = 0;

  let box = null as DraftBox | null;
  let group = null as DraftGroup | null;
  let boxUnit = null as DraftUnit | null;
  let lastTouched = 'body' as 'body' | 'box';

  const bodyContainer = (): DraftUnit[] => section?.units ?? chapter?.units ?? plan.front;

  const newBodyUnit = (unit: DraftUnit) => {
    bodyContainer().push(unit);
    bodyUnit = unit;
    lastTouched = 'body';
  };

  const newBoxUnit = (unit: DraftUnit) => {
    group!.items.push(unit);
    boxUnit = unit;
    lastTouched = 'box';
  };

  const closeBox = () => {
    box = null;
    group = null;
    boxUnit = null;
  };

  const paragraphBreak = (unit: DraftUnit, line: CleanLine): boolean => {
    const prev = unit.pieces[unit.pieces.length - 1];
    if (!prev) return false;
    // The paragraph so far: from its first line to the last one added.
    const start = unit.pieces.map((p) => p.paragraphStart).lastIndexOf(true);
    const sofar = unit.pieces.slice(Math.max(0, start)).map((p) => p.text).join('');
    if (continuesAcross(sofar, line.text)) return false;
    const short = (cursor.lengthOfLine.get(prev.line) ?? 0) < cursor.wrapWidth * 0.85;
    if (chapter === null) {
      // Before the first chapter (notice, title, issuer, date) a short line is a line of its
      // own, but an addressee list (各市、县（区）残联、…：) runs until its colon.
      if (/^各/.test(sofar) && !endsSentence(sofar)) return false;
      return short;
    }
    if (!endsSentence(prev.text)) return false;
    if (cursor.wrapWidth >= PARAGRAPH_PER_LINE_WIDTH) return true;
    return startsParagraph(line.text) || short;
  };

  /** Add an unnumbered line to the unit it continues. */
  const continueText = (line: CleanLine) => {
    // A group heading inside a box followed by plain text: the text is the group's paragraph.
    if (box && group && group.items.length === 0 && lastTouched === 'box') {
      newBoxUnit({ kind: 'box-item', number: null, label: '', pieces: [piece(line, line.text, true)] });
      return;
    }
    const candidates = [bodyUnit, box ? boxUnit : null].filter((u): u is DraftUnit => u !== null);
    const open = candidates.filter((u) => !finished(u));
    let target: DraftUnit | null;
    if (open.length === 1) target = open[0];
    else target = lastTouched === 'box' && box && boxUnit ? boxUnit : bodyUnit;
    if (!target) {
      newBodyUnit({ kind: 'paragraph', number: null, label: '', pieces: [piece(line, line.text, true)] });
      return;
    }
    const isBox = target === boxUnit && box !== null;
    const breaks = paragraphBreak(target, line);
    if (breaks && target.kind === 'paragraph' && !isBox) {
      // Unnumbered paragraphs are separate citable units.
      newBodyUnit({ kind: 'paragraph', number: null, label: '', pieces: [piece(line, line.text, true)] });
      return;
    }
    target.pieces.push(piece(line, line.text, breaks));
    lastTouched = isBox ? 'box' : 'body';
  };

  const startChapter = (line: CleanLine, m: Matched) => {
    closeBox();
    const cite = m.family.cite(m.number, m.label);
    chapter = { number: m.number, value: m.value, title: m.rest, heading: line.text, line: line.line, units: [], sections: [], cite: cite.within, citeAlone: cite.alone };
    plan.chapters.push(chapter);
    section = null;
    bodyUnit = null;
    lastLocalNumber = 0;
    lastTouched = 'body';
  };

  const startSection = (headingLines: CleanLine[], number: string | null, value: number, label: string, rest: string, family: Family) => {
    if (!chapter) throw new IngestError(file, headingLines[0].line, `section heading before any chapter: ${headingLines[0].text}`);
    // The title ends at the first 。 when body text follows on the same line.
    const stop = rest.indexOf('。');
    const title = stop >= 0 && stop < MAX_LEAD_TITLE ? rest.slice(0, stop + 1) : rest;
    const inline = rest.slice(title.length).trim();
    const heading = label + title;
    section = {
      number,
      impliedNumber: number === null ? zhNumeral(value) : null,
      value,
      title: title.replace(/[。，]$/, ''),
      heading,
      cite: family.cite(number ?? zhNumeral(value), label || impliedLabel(family, value)).alone,
      headingLines: headingLines.map((l) => l.line),
      headingOffsets: headingLines.map((_, k) => (k === 0 ? 0 : headingLines.slice(0, k).reduce((n, l) => n + l.text.length, 0))),
      units: [],
    };
    chapter.sections.push(section);
    bodyUnit = null;
    lastLocalNumber = 0;
    lastTouched = 'body';
    if (inline) {
      const last = headingLines[headingLines.length - 1];
      newBodyUnit({ kind: 'paragraph', number: null, label: '', pieces: [piece(last, inline, true)] });
    }
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const text = line.text;

    const boxTitle = matchBoxTitle(text);
    if (boxTitle) {
      box = {
        number: boxTitle.number,
        key: boxTitle.key,
        title: boxTitle.title,
        heading: boxTitle.separator ? line.text : null,
        line: line.line,
        groups: [],
        columns: [],
        headerLines: [],
        categories: [],
        rows: [],
        notes: [],
        parent: { chapter: chapter?.value ?? 0, section: section?.value ?? 0 },
      };
      plan.boxes.push(box);
      group = { number: null, value: 0, title: null, line: null, items: [] };
      box.groups.push(group);
      boxUnit = null;
      lastTouched = 'box';
      const after = readTable(file, lines, i + 1, box);
      if (after > i + 1) {
        // A table box holds only its table; text after it belongs to the body again.
        const table = box;
        closeBox();
        table.groups = [];
        lastTouched = 'body';
        i = after;
        continue;
      }
      i++;
      continue;
    }

    const chap = matchChapter(text);
    const grp = box && group ? matchGroup(text) : null;
    const num = matchNumbered(text);
    const bodyExpects = (m: Matched) =>
      m.value === lastLocalNumber + 1 || m.value === lastBodyNumber + 1 || (m.value === 1 && lastLocalNumber === 0);
    if (grp && box) {
      const current: number = chapter?.value ?? 0;
      // Boxes have their own 一、二、 groups; a number that continues the box's groups is a
      // group unless it is also the next chapter (or clause) and the body was being written.
      const groupNext = group!.number === null ? 1 : group!.value + 1;
      const bodyWants = (chap !== null && chap.value === current + 1) || (num !== null && num.family === grp.family && bodyExpects(num));
      if (grp.value === groupNext && (!bodyWants || lastTouched === 'box')) {
        if (group && group.number === null && group.items.length === 0) box.groups.pop();
        group = { number: grp.number, value: grp.value, title: grp.rest, line: line.line, items: [] };
        box.groups.push(group);
        boxUnit = null;
        lastTouched = 'box';
        i++;
        continue;
      }
    }

    if (chap) {
      // Kept as printed even when the numbering skips or repeats (北海 goes 二、四、四、).
      startChapter(line, chap);
      i++;
      continue;
    }

    const sec = matchSection(text);
    if (sec && chapter) {
      // A heading that ends in a comma runs on to the next line(s) until its sentence ends.
      const headingLines = [line];
      let rest = sec.rest;
      while (/[，、]/.test(rest) && !rest.includes('。') && !endsSentence(rest) && i + 1 < lines.length && headingLines.length < 3) {
        const next = lines[i + 1];
        if (matchNumbered(next.text) || matchSection(next.text) || matchBoxTitle(next.text)) break;
        rest += next.text;
        headingLines.push(next);
        i++;
      }
      startSection(headingLines, sec.number, sec.value, sec.label, rest, sec.family);
      i++;
      continue;
    }

    const item = box && group ? matchItem(text) : null;
    if (item) {
      const boxExpects = group!.items.filter((u) => u.number !== null).length === 0 ? 1 : Number(lastNumber(group!.items)) + 1;
      const bodyWants = num !== null && bodyExpects(num);
      if (item.value === boxExpects && (!bodyWants || lastTouched === 'box' || !finished(bodyUnit))) {
        newBoxUnit({ kind: 'box-item', number: String(item.value), label: item.label, pieces: [labelPiece(line, item.rest)] });
        i++;
        continue;
      }
    }
    // A clause number that is not the next one still starts a clause (as printed) when the
    // text before it has ended; a repeated number is then refused when ids are given.
    if (num && chapter && (bodyExpects(num) || (finished(bodyUnit) && lastTouched === 'body' && !item))) {
      newBodyUnit({ kind: 'clause', number: String(num.value), label: num.label, pieces: [labelPiece(line, num.rest)] });
      lastLocalNumber = num.value;
      lastBodyNumber = num.value;
      i++;
      continue;
    }

    // A short unnumbered line with no punctuation, followed by clause 1, in a chapter with
    // numbered sections: a section heading whose number the extractor lost.
    if (
      chapter &&
      section &&
      text.length <= 24 &&
      !/[，。；：、,.]/.test(text) &&
      finished(lastTouched === 'box' ? boxUnit : bodyUnit) &&
      i + 1 < lines.length &&
      matchNumbered(lines[i + 1].text)?.value === 1 &&
      lastLocalNumber > 0
    ) {
      closeBox();
      startSection([line], null, section.value + 1, '', text, levels.section![0]);
      i++;
      continue;
    }

    continueText(line);
    i++;
  }

  if (plan.chapters.length === 0) {
    throw new IngestError(file, lines[0]?.line ?? 1, 'no chapter heading (第一章, 一、, 第一部分 …) found: this does not look like a plan');
  }
  return plan;
}

/** The label a section whose number was lost would have had in its family: （五）, 第五节. */
function impliedLabel(family: Family, value: number): string {
  const sample = ['（一）', '(一)', '一）', '第一节', '一、', '一．'].find((l) => family.match(`${l}x`)) ?? '（一）';
  return sample.replace('一', zhNumeral(value));
}

function lastNumber(units: DraftUnit[]): string {
  for (let k = units.length - 1; k >= 0; k--) if (units[k].number !== null) return units[k].number!;
  return '0';
}

