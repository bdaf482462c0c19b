/**
 * The Scale section of docs/benchmarks.md, written by `npm run bench:scale` between two
 * markers; `npm run bench` rewrites the rest of the file and keeps this section as it is.
 */
export const SCALE_START = '<!-- scale:start -->';
export const SCALE_END = '<!-- scale:end -->';

/** The section (with its markers) found in a benchmarks file, or '' when there is none. */
export function scaleSection(doc: string): string {
  const start = doc.indexOf(SCALE_START);
  const end = doc.indexOf(SCALE_END);
  return start === -1 || end < start ? '' : `${doc.slice(start, end + SCALE_END.length)}\n`;
}

/** The file with its Scale section replaced by `section` (or `section` appended). */
export function withScaleSection(doc: string, section: string): string {
  const old = scaleSection(doc);
  const rest = old ? doc.replace(old, '').replace(/\n+$/, '\n') : doc.replace(/\n*$/, '\n');
  return `${rest}\n${section}`;
}
