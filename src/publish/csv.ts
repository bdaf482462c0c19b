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
