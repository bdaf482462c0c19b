/**
 * The characters of a saved web page: a BOM wins, then the charset the page declares
 * (<meta charset> or http-equiv Content-Type), then the bytes decide (decode-text.ts).
 * Government portals often declare gb2312 and use GBK characters; the WHATWG decoder for
 * gb2312/gbk is GB18030, a superset, so those pages decode fully.
 */
import { IngestError } from '../problems/ingest-error.ts';
import { byteOrderMark, decodeText } from './decode-text.ts';

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w.:]+)/i;

/** The charset label a page declares in its first 4 KB, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

export function decodeHtml(file: string, bytes: Uint8Array): string {
  if (byteOrderMark(bytes)) return decodeText(file, bytes).text;
  const label = declaredCharset(bytes);
  if (label) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw new IngestError(file, 1, `the page declares charset "${label}", which is not a known encoding`);
    }
    try {
      return decoder.decode(bytes);
    } catch {
      // The declaration is wrong (a GBK page saved as "utf-8", or the reverse): trust the bytes.
    }
  }
  return decodeText(file, bytes).text;
}
