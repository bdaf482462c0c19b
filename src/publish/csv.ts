/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted
 * when it holds a comma, a quote, CR or LF (quotes inside doubled). The file starts with a
 * UTF-8 byte order mark, which is how spreadsheet programs (Excel, WPS) know to read Chinese
 * as UTF-8 rather than the system's code page.
 */

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null;

export function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header, one record per row, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`CSV row has ${row.length} fields, the header ${header.length}`);
  }
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/**
 * The records of a CSV file this module wrote (BOM removed), each as its exact text with
 * its CRLF, and the line it starts on: split at CRLF outside quotes. Throws, naming the
 * file and line, on a quote left open or a record without its CRLF.
 */
export function csvRecords(text: string, file: string): { text: string; line: number }[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const out: { text: string; line: number }[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted && body[i - 1] === '\r') {
        out.push({ text: body.slice(start, i + 1), line: startLine });
        start = i + 1;
        startLine = line;
      }
    }
  }
  if (quoted) throw new Error(`${file}:${startLine}: a quoted field is not closed`);
  if (start < body.length) throw new Error(`${file}:${startLine}: the last record does not end in CRLF`);
  return out;
}

/** The first field of a record (unquoted). */
export const firstField = (record: string): string => {
  const m = /^(?:"((?:[^"]|"")*)"|([^,\r\n]*))/.exec(record)!;
  return m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2];
};
