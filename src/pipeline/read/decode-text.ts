/**
 * Bytes of a text file → its characters, with the encoding worked out from the bytes
 * (never from the file name): a BOM (UTF-8, UTF-16LE/BE), UTF-16 without a BOM (its NUL
 * bytes all on one side of each pair), strict UTF-8, else GB18030 (which covers GBK and
 * GB2312). Pure; throws an IngestError naming the file and line when the bytes are not text.
 */
import { IngestError } from '../problems/ingest-error.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Line number (1-based) of a byte offset in an ASCII-compatible encoding. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Line number (1-based) of a character offset in decoded text. */
export function lineOfChar(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Number of multi-byte UTF-8 sequences before `end`. */
function utf8SequencesBefore(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4) count++;
  return count;
}

/** The encoding a byte-order mark names, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, spaces, line ends) put a NUL in the high
 * byte of their pair, so in real UTF-16 text most NULs sit on the same side of their pair
 * (not all: 一 is U+4E00, whose low byte is NUL; in the seeds it is 1 NUL in 15).
 */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (even + odd === 0) return null;
  if (odd >= even * 4) return 'utf-16le';
  if (even >= odd * 4) return 'utf-16be';
  return null;
}

/** Characters a plan's text is made of: ASCII, Latin-1, CJK (with the rare extensions of names), CJK and general punctuation, full-width forms. */
const PLAN_CHARACTER = /[\t\n\r\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u2100-\u27bf\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ufffd\u{20000}-\u{3134f}]/u;

/** Whether decoded text reads as text (not binary forced through a decoder): 98 % plan characters. */
export function looksLikeText(text: string): boolean {
  if (text.length === 0) return true;
  let other = 0;
  for (const ch of text) if (!PLAN_CHARACTER.test(ch)) other++;
  return other <= text.length * 0.02;
}

function decode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decode text bytes, detecting the encoding. Throws an IngestError when they are not text. */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = decode(bom.encoding, bytes.subarray(bom.length));
    if (text === null) throw new IngestError(file, 1, `starts with a ${bom.encoding.toUpperCase()} byte-order mark but is not valid ${bom.encoding.toUpperCase()}`);
    return { text, encoding: bom.encoding };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16ByNulPattern(bytes);
    const text = utf16 ? decode(utf16, bytes) : null;
    if (utf16 && text !== null && looksLikeText(text)) return { text, encoding: utf16 };
    throw new IngestError(file, lineOfByte(bytes, nul), 'binary data (NUL byte): a plan must be text (UTF-8, UTF-16 or GB18030), HTML, .docx or PDF');
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  // Chinese UTF-8 text that breaks later is a damaged or mixed file, not GBK: GBK text
  // has an invalid UTF-8 byte within its first few characters.
  if (utf8SequencesBefore(bytes, bad) >= 3) {
    throw new IngestError(file, lineOfByte(bytes, bad), `not valid UTF-8 at byte ${bad}, after valid UTF-8 text: the file mixes encodings or is damaged`);
  }
  const gb = decode('gb18030', bytes);
  if (gb === null) {
    const loose = new TextDecoder('gb18030').decode(bytes);
    throw new IngestError(file, lineOfChar(loose, loose.indexOf('\uFFFD')), 'neither UTF-8 nor GB18030/GBK text (an unknown encoding or a damaged file)');
  }
  if (!looksLikeText(gb)) throw new IngestError(file, 1, 'not text in UTF-8, UTF-16 or GB18030/GBK (binary data?)');
  return { text: gb, encoding: 'gb18030' };
}
