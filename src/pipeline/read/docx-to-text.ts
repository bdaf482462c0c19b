/**
 * A Word .docx → its line text: each paragraph of word/document.xml one line, each table
 * row one line of tab-separated cells. Headers, footers, footnotes and comments live in
 * other parts of the package and are not read; deleted tracked changes (w:delText) and
 * field codes (w:instrText) are not text. Word's automatic list numbers are printed as Word
 * prints them (docx-numbering.ts).
 */
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { IngestError } from '../problems/ingest-error.ts';
import { isTag, ListNumberer, parseNumbering, type XmlNode } from './docx-numbering.ts';


/** The text of the runs inside a paragraph (or any element), with tabs and line breaks. */
function runText(node: XmlNode): string {
  let out = '';
  for (const child of node.children ?? []) {
    if (child.type === 'text') continue; // whitespace between tags is not text in WordprocessingML
    if (child.type !== 'tag') continue;
    switch (child.name) {
      case 'w:t':
        out += (child.children ?? []).map((c) => c.data ?? '').join('');
        break;
      case 'w:tab':
        out += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        out += '\n';
        break;
      case 'w:nobreakhyphen':
        out += '-';
        break;
      case 'w:del':
      case 'w:deltext':
      case 'w:instrtext':
      case 'w:ppr':
      case 'w:rpr':
      case 'mc:fallback': // the old-Word copy of a text box whose mc:Choice we read
        break;
      default:
        out += runText(child);
    }
  }
  return out;
}

/** One table row: each cell's paragraphs joined by a space, cells by a tab. */
function rowText(row: XmlNode, numberer: ListNumberer): string {
  return (row.children ?? [])
    .filter((c) => isTag(c, 'w:tc'))
    .map((cell) => blockLines(cell, numberer).join(' ').replace(/\t/g, ' ').trim())
    .join('\t');
}

/** Lines of a block container (body, cell, content control): paragraphs and table rows in order. */
function blockLines(node: XmlNode, numberer: ListNumberer): string[] {
  const lines: string[] = [];
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === 'w:p') lines.push(...(numberer.numberOf(child) + runText(child)).split('\n'));
    else if (child.name === 'w:tbl') {
      for (const row of child.children ?? []) if (isTag(row, 'w:tr')) lines.push(rowText(row, numberer));
    } else if (child.name === 'w:sectpr') continue;
    else lines.push(...blockLines(child, numberer)); // w:sdt, w:sdtContent, w:customXml, w:ins …
  }
  return lines;
}

/** A part of the package as XML, tag names lower case (attribute names as written), or null when absent. */
async function readXml(zip: JSZip, name: string): Promise<XmlNode | null> {
  const part = zip.file(name);
  if (!part) return null;
  return parseDocument(await part.async('string'), { xmlMode: true, lowerCaseTags: true }) as unknown as XmlNode;
}

/** The plan's line text from a .docx file's bytes. */
export async function docxToText(file: string, bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new IngestError(file, 1, `a damaged zip archive (${(error as Error).message})`);
  }
  const document = zip.file('word/document.xml');
  if (!document) {
    const kind = zip.file('content.xml') ? 'an OpenDocument (.odt) file: save it as .docx or PDF' : 'a zip archive that is not a Word .docx document';
    throw new IngestError(file, 1, kind);
  }
  const xml = (await readXml(zip, 'word/document.xml'))!;
  const body = (function find(node: XmlNode): XmlNode | null {
    if (isTag(node, 'w:body')) return node;
    for (const child of node.children ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  })(xml);
  if (!body) throw new IngestError(file, 1, 'a .docx whose word/document.xml has no body');
  const numberer = new ListNumberer(parseNumbering(await readXml(zip, 'word/numbering.xml'), await readXml(zip, 'word/styles.xml')));
  return blockLines(body, numberer).map((line) => line.replace(/[ \u00a0]+$/, '')).join('\n');
}
