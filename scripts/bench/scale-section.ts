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

/**
 * The sharded build's figures (`npm run bench:scale -- --shards`) sit inside the Scale
 * section between their own markers, so each run rewrites only its own part.
 */
export const SHARDS_START = '<!-- shards:start -->';
export const SHARDS_END = '<!-- shards:end -->';

/** The shards part (with its markers) of a text, or ''. */
export function shardsPart(text: string): string {
  const start = text.indexOf(SHARDS_START);
  const end = text.indexOf(SHARDS_END);
  return start === -1 || end < start ? '' : text.slice(start, end + SHARDS_END.length);
}

/** A Scale section (with markers) with its shards part replaced by `part` (or put before the end marker). */
export function withShardsPart(section: string, part: string): string {
  const old = shardsPart(section);
  if (old) return section.replace(old, part.trim());
  const end = section.lastIndexOf(SCALE_END);
  return end === -1 ? `${section.trim()}\n\n${part.trim()}\n` : `${section.slice(0, end).replace(/\n*$/, '\n\n')}${part.trim()}\n${section.slice(end)}`;
}

/**
 * The measured columns of the sharded table, kept as JSON in a comment inside its part, so
 * a run of one size (3,000 plans takes a quarter of an hour) adds its column to those of
 * earlier runs instead of replacing them.
 */
const ROWS_START = '<!-- shards-rows ';
const ROWS_END = ' -->';

/** The columns recorded in a shards part (none when it has no rows comment). */
export function shardsRowsIn<Row>(part: string): Row[] {
  const start = part.indexOf(ROWS_START);
  if (start === -1) return [];
  const end = part.indexOf(ROWS_END, start);
  return JSON.parse(part.slice(start + ROWS_START.length, end)) as Row[];
}

/** The comment that keeps the columns (`--` cannot occur in JSON of numbers and plain strings, but is escaped anyway). */
export const shardsRowsComment = (rows: readonly unknown[]): string => `${ROWS_START}${JSON.stringify(rows).replace(/--/g, '-\\u002d')}${ROWS_END}`;

/** Earlier columns with the new ones in place of those of the same size, by size. */
export function mergeShardsRows<Row extends { plans: number }>(earlier: readonly Row[], measured: readonly Row[]): Row[] {
  const sizes = new Set(measured.map((r) => r.plans));
  return [...earlier.filter((r) => !sizes.has(r.plans)), ...measured].sort((a, b) => a.plans - b.plans);
}
