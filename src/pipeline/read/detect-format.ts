/**
 * What kind of file a plan's bytes are, from their first bytes (magic numbers), not from
 * the file name: staff rename files, and portals serve PDFs as .htm. Formats we know but
 * cannot read are refused here with what to do instead.
 */
import { IngestError } from '../problems/ingest-error.ts';
import { byteOrderMark } from './decode-text.ts';

export type SourceFormat = 'pdf' | 'zip' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** Known binary formats that are not plans' text, with the advice for each. */
const REFUSED: { magic: number[]; reason: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], reason: 'an old Word/WPS .doc file: save it as .docx or PDF' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], reason: 'an RTF file: save it as .docx or PDF' },
  { magic: [0x89, 0x50, 0x4e, 0x47], reason: 'a PNG image, not text: a scanned page needs OCR first' },
  { magic: [0xff, 0xd8, 0xff], reason: 'a JPEG image, not text: a scanned page needs OCR first' },
  { magic: [0x47, 0x49, 0x46, 0x38], reason: 'a GIF image, not text' },
  { magic: [0x49, 0x49, 0x2a, 0x00], reason: 'a TIFF image, not text: a scanned page needs OCR first' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], reason: 'a TIFF image, not text: a scanned page needs OCR first' },
  { magic: [0x52, 0x61, 0x72, 0x21], reason: 'a RAR archive: unpack it and catalogue the plan file' },
  { magic: [0x1f, 0x8b], reason: 'a gzip archive: unpack it and catalogue the plan file' },
];

/** How an HTML document starts: a doctype, an <html>, <head> or <body> tag, or <meta>, after comments. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta)[\s>\/]/i;

/** The first bytes as text for sniffing markup: ASCII-compatible encodings as Latin-1, UTF-16 decoded. */
function sniffText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 2048);
  const bom = byteOrderMark(head);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') return new TextDecoder(bom.encoding).decode(head.subarray(2));
  return new TextDecoder('latin1').decode(head.subarray(bom?.length ?? 0));
}

export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  // "%PDF-" may follow a few bytes of junk that some servers prepend; readers accept 1 KB.
  if (/%PDF-\d/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  for (const { magic, reason } of REFUSED) if (startsWith(bytes, magic)) throw new IngestError(file, 1, reason);
  const head = sniffText(bytes);
  if (HTML_START.test(head)) return 'html';
  // A fragment saved as .html (starting <div>, <p> …) is HTML by its name and its first character.
  if (/\.html?$/i.test(file) && /^\s*</.test(head)) return 'html';
  return 'text';
}
