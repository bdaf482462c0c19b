/**
 * Stage 0: bytes → text. Rejects input that is not a plan's UTF-8 text
 * (empty, binary, GBK/other encodings) with the line where it goes wrong.
 */
import { IngestError } from '../problems/ingest-error.ts';

/** Line number (1-based) of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
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

/** Decode a seed file, or throw an IngestError naming file and line. */
export function readSource(file: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError(file, lineOfByte(bytes, nul), 'binary data (NUL byte): a plan must be UTF-8 text');
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new IngestError(
      file,
      lineOfByte(bytes, bad),
      `not valid UTF-8 at byte ${bad} (is it GBK/GB18030? convert with: iconv -f GB18030 -t UTF-8)`,
    );
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  // Other control characters (except tab/newline) mean this is not extracted text.
  const control = text.search(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (control >= 0) {
    const line = text.slice(0, control).split('\n').length;
    throw new IngestError(file, line, `control character U+${text.charCodeAt(control).toString(16).padStart(4, '0')}: binary or damaged file`);
  }
  if (text.trim() === '') throw new IngestError(file, 1, 'the file is empty');
  return text;
}
