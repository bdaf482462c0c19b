/**
 * Stage 0 for text files: bytes → text. The encoding is detected from the bytes
 * (decode-text.ts); empty files and files with control characters (binary or damaged)
 * are rejected with the line where it goes wrong.
 */
import { IngestError } from '../problems/ingest-error.ts';
import { decodeText } from './decode-text.ts';

export { firstInvalidUtf8 } from './decode-text.ts';

/** Line ends normalised, control characters and emptiness refused: the text every format ends as. */
export function checkPlanText(file: string, input: string): string {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n');
  // Other control characters (except tab/newline) mean this is not extracted text.
  const control = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (control >= 0) {
    const line = text.slice(0, control).split('\n').length;
    throw new IngestError(file, line, `control character U+${text.charCodeAt(control).toString(16).padStart(4, '0')}: binary or damaged file`);
  }
  if (text.trim() === '') throw new IngestError(file, 1, 'the file is empty');
  return text;
}

/** Decode a plain-text seed file in any supported encoding, or throw an IngestError naming file and line. */
export function readSource(file: string, bytes: Uint8Array): string {
  return checkPlanText(file, decodeText(file, bytes).text);
}
