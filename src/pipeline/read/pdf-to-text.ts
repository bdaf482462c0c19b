/**
 * A PDF with a text layer → its line text, with pdf.js (pdfjs-dist, legacy build for Node).
 * Text items are put back into lines by their baseline (y), left to right, a space where
 * a gap is wider than a quarter of the font size (table columns, spaced-out numbers), and a
 * blank line between pages, so the cleaning stage drops page numbers and headers as it does
 * for extracted text. A PDF without text (a scan) is refused: it needs OCR first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError } from '../problems/ingest-error.ts';
import { looksLikeText } from './decode-text.ts';
import { RADICAL_EQUIVALENTS } from './radical-equivalents.ts';

/** Where pdfjs-dist's CMaps (for the Adobe-GB1 CID fonts of Chinese PDFs) and standard fonts are. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${join(PDFJS_ROOT, 'cmaps')}/`;
const STANDARD_FONT_URL = `${join(PDFJS_ROOT, 'standard_fonts')}/`;

/** One positioned piece of text from pdf.js. */
export interface PositionedText {
  text: string;
  x: number;
  /** Baseline, PDF units from the bottom of the page. */
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

const RADICAL = /[\u2e80-\u2fdf\u31c0-\u31ef]/gu;

/**
 * Radicals the Chinese (simplified) CJK fonts draw in the mainland form, which is not the
 * Unicode equivalent: Noto Sans/Serif CJK SC's ⼾ is 户, and PDFs printed with it give ⼾ for 户.
 */
const MAINLAND_RADICAL_FORMS: ReadonlyMap<string, string> = new Map([['\u2f3e', '户']]);

/**
 * Code points a PDF writer chose for a glyph that several share, back to the ones plans use:
 * radicals for ideographs (文 printed as ⽂), the horizontal bar ― for the dash — (GB18030's
 * mapping of the 破折号), and the two- and three-em dashes for the dashes they stand for.
 */
export function textForSharedGlyphs(text: string): string {
  return text
    .replace(RADICAL, (ch) => MAINLAND_RADICAL_FORMS.get(ch) ?? RADICAL_EQUIVALENTS.get(ch) ?? ch)
    .replace(/\u2015/g, '\u2014')
    .replace(/\u2e3a/g, '\u2014\u2014')
    .replace(/\u2e3b/g, '\u2014\u2014\u2014');
}

/** A gap of this many font sizes or more separates table columns (a tab, as the indicator reader expects). */
const COLUMN_GAP = 1.2;

/** Rebuild lines from positioned text: items within half a font size of a baseline share a line. */
export function linesFromPositionedText(items: PositionedText[]): string[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const tolerance = Math.max(item.size, row?.[0].size ?? 0) * 0.5;
    if (row && Math.abs(row[0].y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (line !== '' && gap > item.size * 0.25 && !/\s$/.test(line) && !/^\s/.test(item.text)) line += gap >= item.size * COLUMN_GAP ? '\t' : ' ';
      line += item.text;
      end = Math.max(end, item.x + item.width);
    }
    return line.replace(/\s+$/, '');
  });
}

const hasText = (page: string) => page.replace(/\s/g, '').length > 0;

/** Page numbers as a short list: 2–5, 9. */
function pageList(numbers: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    ranges.push(i === j ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
    i = j;
  }
  return ranges.join(', ');
}

/**
 * Refuse a PDF whose text is not there: no text at all (a scan), most pages without text
 * (a scan with a typed cover or a few OCR'd pages), or text that is not text (fonts with no
 * Unicode mapping give symbols). A few pages without text (a cover image, a chart) are fine.
 */
export function checkTextLayer(file: string, pages: string[]): void {
  const empty = pages.flatMap((page, k) => (hasText(page) ? [] : [k + 1]));
  if (empty.length === pages.length) {
    throw new IngestError(file, 1, `a PDF with no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images: a scan?): it needs OCR, or ask for the text version`);
  }
  if (empty.length > 1 && empty.length * 2 > pages.length) {
    throw new IngestError(file, 1, `a PDF with no text layer on ${empty.length} of ${pages.length} pages (${pageList(empty)}: scanned?): it needs OCR, or ask for the text version`);
  }
  if (!looksLikeText(pages.join('\n'))) {
    throw new IngestError(file, 1, 'the PDF text layer is not readable text (fonts without a Unicode mapping): it needs OCR, or ask for the text version');
  }
}

/** The plan's line text from a PDF's bytes. */
export async function pdfToText(file: string, bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'PasswordException' ? 'a password-protected PDF: ask the publisher for an open copy' : `not a readable PDF (${(error as Error).message})`;
    throw new IngestError(file, 1, reason);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ text: textForSharedGlyphs(item.str), x, y, width: item.width, size: Math.hypot(a, b) || item.height });
      }
      pages.push(linesFromPositionedText(items).join('\n'));
      page.cleanup();
    }
    const text = pages.join('\n\n');
    checkTextLayer(file, pages);
    return text;
  } finally {
    await pdf.destroy();
  }
}
