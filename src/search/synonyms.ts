/**
 * Synonyms and aliases, applied at query time (pure; used by the browser and the CLI).
 *
 * The curated file (content/synonyms.yaml) is compiled at index time into one table:
 * typed text → the texts to search as well. `same` groups become aliases both ways.
 */

export interface SynonymFile {
  /** Kept whole by the tokenizer (index and query). */
  words: string[];
  /** Groups of equivalent terms. */
  same: string[][];
  /** Typed text → the words plans use (one way). */
  aliases: Record<string, string[]>;
  /**
   * Words that share the head of a list they are items of (视力、听力残疾人 = 视力残疾人 and
   * 听力残疾人): the indexer spells such lists out (src/search/enumerations.ts).
   */
  enumerable: string[];
}

/** Typed text → extra texts to search (never includes the key itself). */
export type AliasTable = Record<string, string[]>;

/** Checks the shape of a parsed synonyms file; throws with a readable message. */
export function validateSynonymFile(raw: unknown, where = 'content/synonyms.yaml'): SynonymFile {
  const fail = (msg: string): never => {
    throw new Error(`${where}: ${msg}`);
  };
  if (!raw || typeof raw !== 'object') fail('expected a mapping with words, same and aliases');
  const o = raw as Record<string, unknown>;
  const isTerm = (x: unknown): x is string => typeof x === 'string' && x.trim() === x && x.length > 0 && !/\s/.test(x);
  const words = o.words ?? [];
  if (!Array.isArray(words) || !words.every(isTerm)) fail('words must be a list of terms without spaces');
  const same = o.same ?? [];
  if (!Array.isArray(same) || !same.every((g) => Array.isArray(g) && g.length >= 2 && g.every(isTerm))) {
    fail('same must be a list of groups of at least two terms');
  }
  const aliases = o.aliases ?? {};
  if (typeof aliases !== 'object' || Array.isArray(aliases)) fail('aliases must be a mapping');
  for (const [k, v] of Object.entries(aliases as object)) {
    if (!isTerm(k)) fail(`alias key "${k}" must be a term without spaces`);
    if (!Array.isArray(v) || v.length === 0 || !v.every(isTerm)) fail(`aliases.${k} must be a non-empty list of terms`);
    if ((v as string[]).includes(k)) fail(`aliases.${k} lists itself (the typed word is always searched)`);
  }
  const enumerable = o.enumerable ?? [];
  if (!Array.isArray(enumerable) || !enumerable.every(isTerm)) fail('enumerable must be a list of terms without spaces');
  const extra = Object.keys(o).filter((k) => !['words', 'same', 'aliases', 'enumerable'].includes(k));
  if (extra.length) fail(`unknown key(s): ${extra.join(', ')}`);
  return { words: words as string[], same: same as string[][], aliases: aliases as Record<string, string[]>, enumerable: enumerable as string[] };
}

/** One alias table: aliases as written plus every `same` member → the other members. */
export function compileAliases(file: SynonymFile): AliasTable {
  const table = new Map<string, string[]>();
  const add = (k: string, vs: string[]) => {
    const cur = table.get(k) ?? [];
    for (const v of vs) if (v !== k && !cur.includes(v)) cur.push(v);
    table.set(k, cur);
  };
  for (const [k, vs] of Object.entries(file.aliases)) add(k, vs);
  for (const group of file.same) for (const k of group) add(k, group);
  return Object.fromEntries([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The texts to search for one typed text: itself first, then every text made by
 * replacing alias keys it contains with their values. Longer keys win where keys
 * overlap; at most `max` texts.
 */
export function expandAliases(text: string, table: AliasTable, max = 8): string[] {
  const out = [text];
  // A one-character key (学, 钱, 瞎) is a word only on its own: inside 学生, 药钱 or 瞎子 it is
  // part of another word, and replacing it there makes nonsense (培训生).
  const keys = Object.keys(table)
    .filter((k) => text.includes(k) && ([...k].length > 1 || text === k))
    .sort((a, b) => b.length - a.length);
  const used: [number, number][] = [];
  for (const key of keys) {
    const at = text.indexOf(key);
    // A key inside a longer key that already matched (残疾证 inside 残疾证明…) is skipped.
    if (used.some(([s, e]) => at < e && at + key.length > s)) continue;
    used.push([at, at + key.length]);
    const next: string[] = [];
    for (const base of out) {
      if (!base.includes(key)) continue;
      for (const v of table[key]) next.push(base.split(key).join(v));
    }
    for (const n of next) if (!out.includes(n) && out.length < max) out.push(n);
  }
  return out;
}
