/**
 * A Word .docx → its line text: each paragraph of word/document.xml one line, each table
 * row one line of tab-separated cells. A footnote or endnote is the plan's text too: its
 * mark is printed where it stands (（注1）) and its text as a line of its own after the
 * paragraph that cites it (注1：…), so nothing of it is lost. Headers and footers are page
 * furniture (the title repeated, page numbers) and comments are a reader's, not the plan's:
 * neither is read. Deleted tracked changes (w:delText) and field codes (w:instrText) are not
 * text. Word's automatic list numbers are printed as Word prints them (docx-numbering.ts).
 */
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { IngestError } from '../problems/ingest-error.ts';
import { isTag, ListNumberer, parseNumbering, type XmlNode } from './docx-numbering.ts';


/**
 * The notes of the package (footnotes and endnotes by id) and the ones cited so far, numbered
 * in the order the text cites them, as Word numbers them.
 */
class Notes {
  private readonly cited: string[] = [];
  constructor(private readonly texts: Map<string, string>) {}

  /** The mark of a cited note, remembering its text for the line after the paragraph. */
  cite(kind: 'footnote' | 'endnote', id: string): string {
    const text = this.texts.get(`${kind}:${id}`);
    if (text === undefined) return '';
    const n = this.cited.push(text);
    return `（注${n}）`;
  }

  /** The lines of the notes cited since the last call (注1：…). */
  take(from: number): string[] {
    return this.cited.slice(from).map((text, i) => `注${from + i + 1}：${text}`);
  }

  get count(): number {
    return this.cited.length;
  }
}

/** The notes of word/footnotes.xml or word/endnotes.xml, less Word's separator lines. */
function readNotes(xml: XmlNode | null, kind: 'footnote' | 'endnote', into: Map<string, string>): void {
  const walk = (node: XmlNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === `w:${kind}`) {
        const type = child.attribs?.['w:type'];
        if (type && type !== 'normal') continue; // separator, continuationSeparator, continuationNotice
        const id = child.attribs?.['w:id'];
        const text = (child.children ?? [])
          .filter((c) => isTag(c, 'w:p'))
          .map((p) => runText(p, null).replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' ');
        if (id !== undefined && text) into.set(`${kind}:${id}`, text);
      } else walk(child);
    }
  };
  if (xml) walk(xml);
}

/** The text of the runs inside a paragraph (or any element), with tabs, line breaks and note marks. */
function runText(node: XmlNode, notes: Notes | null): string {
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
      case 'w:footnoteref': // inside a note: its own number, printed on the note's line
      case 'w:endnoteref':
        break;
      case 'w:footnotereference':
      case 'w:endnotereference':
        out += notes?.cite(child.name === 'w:footnotereference' ? 'footnote' : 'endnote', child.attribs?.['w:id'] ?? '') ?? '';
        break;
      default:
        out += runText(child, notes);
    }
  }
  return out;
}

/** One table row: each cell's paragraphs joined by a space, cells by a tab. */
function rowText(row: XmlNode, numberer: ListNumberer, notes: Notes): string {
  return (row.children ?? [])
    .filter((c) => isTag(c, 'w:tc'))
    .map((cell) => blockLines(cell, numberer, notes, false).join(' ').replace(/\t/g, ' ').trim())
    .join('\t');
}

/**
 * Lines of a block container (body, cell, content control): paragraphs and table rows in
 * order, each followed by the notes it cites (a table's after the whole table, so its rows
 * stay together). Inside a cell the notes wait for the table.
 */
function blockLines(node: XmlNode, numberer: ListNumberer, notes: Notes, withNotes = true): string[] {
  const lines: string[] = [];
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    const cited = notes.count;
    if (child.name === 'w:p') lines.push(...(numberer.numberOf(child) + runText(child, notes)).split('\n'));
    else if (child.name === 'w:tbl') {
      for (const row of child.children ?? []) if (isTag(row, 'w:tr')) lines.push(rowText(row, numberer, notes));
    } else if (child.name === 'w:sectpr') continue;
    else {
      lines.push(...blockLines(child, numberer, notes, withNotes)); // w:sdt, w:sdtContent, w:customXml, w:ins …
      continue;
    }
    if (withNotes) lines.push(...notes.take(cited));
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
  const texts = new Map<string, string>();
  readNotes(await readXml(zip, 'word/footnotes.xml'), 'footnote', texts);
  readNotes(await readXml(zip, 'word/endnotes.xml'), 'endnote', texts);
  return blockLines(body, numberer, new Notes(texts)).map((line) => line.replace(/[ \u00a0]+$/, '')).join('\n');
}
