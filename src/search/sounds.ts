/**
 * Words typed with a pinyin slip (残急人 for 残疾人, 补帖 for 补贴, 低宝 for 低保): a pinyin
 * keyboard offers every character of a sound, and the wrong one is picked often, most of all by
 * older people and on small screens. Such a word is in no plan and no vocabulary, so the
 * dictionary cuts it into single characters and nothing answers it.
 *
 * The sound table (`sounds.txt` beside the index, written by `npm run index`; only fetched when a
 * query holds such a run) gives each common character its readings without tones. A run of
 * characters the search does not know is read window by window, longest first: a window whose
 * every character sounds like the character of a known word at the same place, and which
 * shares at least one character with it, is that word. But many everyday words sound like a
 * word of the plans and share a character with it (重新 and 重心, 进站 and 进展): the table also
 * lists the common words of the general dictionary that the rule would change, and those are
 * never read as slips. Pure: the table and the words come in.
 */
import type { Lexicon } from './lexicon.ts';
import { isLoneChar, unknownRuns } from './question-words.ts';
import { queryWords } from './query.ts';
import { normalizeQuery } from './text.ts';

/**
 * Character → its readings without tones, the common one first (行 → xing hang heng), and the
 * words that are no slips.
 */
export interface SoundTable {
  readings: ReadonlyMap<string, readonly string[]>;
  /** Everyday words that sound like a word of the search but are words of their own (重新). */
  words: ReadonlySet<string>;
}

/** The file beside the index. */
export const SOUNDS_FILE = 'sounds.txt';

/** The line of the file that lists the words that are no slips (the other lines are readings). */
const WORDS_LINE = '=';
/** Marks a line of less common readings (`~shui 说`): each character's common reading is on an unmarked line. */
const RARE = '~';

/** A correction: what was typed and the word it is read as. */
export interface SoundFix {
  typed: string;
  meant: string;
  /** Read by a southern sound (组听器 → 助听器): the two only sound alike, and the line says so. */
  alike?: true;
}

/** A word read by sound, and whether its sound is only alike (`foldSound`). */
interface Reading {
  word: string;
  alike: boolean;
}

/**
 * `ji 及极即急疾` lines (each character's common reading), `~shui 说` lines (its other readings) and
 * `= 重新 进站 …` → table.
 */
export function decodeSounds(text: string): SoundTable {
  const readings = new Map<string, string[]>();
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const [sound, ...rest] = line.split(' ');
    if (sound === WORDS_LINE) {
      for (const w of rest) if (w) words.add(w);
      continue;
    }
    const chars = rest.join('');
    if (!sound || !chars) continue;
    const rare = sound.startsWith(RARE);
    const reading = rare ? sound.slice(RARE.length) : sound;
    for (const c of chars) {
      const known = readings.get(c);
      if (!known) readings.set(c, [reading]);
      else if (rare) known.push(reading);
      else known.unshift(reading);
    }
  }
  return { readings, words };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Table → lines: readings, characters and words in code point order (the same bytes each build). */
export function encodeSounds(table: SoundTable): string {
  const bySound = new Map<string, string[]>();
  for (const [c, readings] of table.readings) {
    readings.forEach((r, i) => {
      const key = i ? RARE + r : r;
      (bySound.get(key) ?? bySound.set(key, []).get(key)!).push(c);
    });
  }
  const lines = [...bySound].sort(([a], [b]) => byCodePoint(a, b)).map(([r, cs]) => `${r} ${cs.sort(byCodePoint).join('')}`);
  if (table.words.size) lines.push(`${WORDS_LINE} ${[...table.words].sort(byCodePoint).join(' ')}`);
  return lines.join('\n');
}

/** One table from several (each province's build writes its own: the national site reads their union). */
export function mergeSounds(texts: readonly string[]): string {
  const readings = new Map<string, string[]>();
  const words = new Set<string>();
  for (const text of texts) {
    const table = decodeSounds(text);
    for (const [c, rs] of table.readings) {
      // The first table's common reading stays first (they are all built from the same data).
      const [common, ...rest] = [...new Set([...(readings.get(c) ?? []), ...rs])];
      readings.set(c, [common, ...rest.sort(byCodePoint)]);
    }
    for (const w of table.words) words.add(w);
  }
  return encodeSounds({ readings, words });
}

/** Longest window tried (the longest everyday words are about this long). */
const MAX_WINDOW = 6;
/** Readings combined per window at most (heteronyms multiply: 行 重 还 …). */
const MAX_KEYS = 32;

/**
 * A reading as a southern or western speaker may type it (z/zh, c/ch, s/sh, n/l, r/l, h/f and
 * -n/-ng sound alike to them: 组听器 for 助听器, 无站碍 for 无障碍, 孤独针 for 孤独症).
 */
export function foldSound(reading: string): string {
  return reading
    .replace(/^([zcs])h/, '$1')
    .replace(/^[nr](?=[a-zü])/, 'l')
    .replace(/^h(?=[a-zü])/, 'f')
    .replace(/([aei])ng$/, '$1n');
}

/**
 * The ways a string can sound, as `ji|bing` keys (none when a character has no reading). What
 * was typed (`typed`) sounds only as its characters' common readings: a keyboard offers 说 for
 * shuo, not among the characters of shui, so 说收 is no slip for 税收.
 */
function soundKeys(chars: readonly string[], readings: SoundTable['readings'], fold: (r: string) => string = (r) => r, typed = false): string[] {
  let keys: string[] = [''];
  for (const c of chars) {
    const all = readings.get(c);
    if (!all) return [];
    const rs = typed ? all.slice(0, 1) : all;
    const folded = [...new Set(rs.map(fold))];
    keys = keys.flatMap((k) => folded.map((r) => (k ? `${k}|${r}` : r))).slice(0, MAX_KEYS);
  }
  return keys;
}

/** Known words by how they sound, exactly and as folded (`foldSound`): built once per dictionary. */
export interface SoundIndex {
  exact: Map<string, string[]>;
  folded: Map<string, string[]>;
}

export function soundIndex(words: Iterable<string>, readings: SoundTable['readings']): SoundIndex {
  const index: SoundIndex = { exact: new Map(), folded: new Map() };
  const add = (map: Map<string, string[]>, k: string, w: string) => (map.get(k) ?? map.set(k, []).get(k)!).push(w);
  for (const w of new Set(words)) {
    const chars = [...w];
    if (chars.length < 2 || chars.length > MAX_WINDOW || !/^\p{Script=Han}+$/u.test(w)) continue;
    for (const k of soundKeys(chars, readings)) add(index.exact, k, w);
    if (chars.length >= MIN_FOLDED) for (const k of soundKeys(chars, readings, foldSound)) add(index.folded, k, w);
  }
  return index;
}

/** Shortest word read by a folded sound, with one character typed otherwise: shorter ones sound alike by chance. */
const MIN_FOLDED = 3;

/**
 * The known word typed characters (`chars`) sound like, among those `fits` allows (given the
 * word's characters and how many stand where they were typed); null when none, or two equally
 * good. More characters shared weigh most, then a word the plans print (`planWord`: 扶具 is 辅具,
 * not the everyday 福具). Only when no word sounds the same is a word of three characters or more
 * read by a folded sound, and then only a word the plans print with a single character typed
 * otherwise (组听器 → 助听器): a weaker sign, so 帮着康复 does not become the everyday 做康复.
 */
function readAs(
  chars: readonly string[],
  index: SoundIndex,
  readings: SoundTable['readings'],
  planWord: (word: string) => boolean,
  fits: (word: readonly string[], same: number) => boolean,
): Reading | null {
  const typed = chars.join('');
  const best = (map: Map<string, string[]>, keys: string[], more: (same: number, word: string) => boolean): string | null => {
    const candidates = new Map<string, number>();
    for (const k of keys) {
      for (const w of map.get(k) ?? []) {
        if (w === typed) continue;
        const ws = [...w];
        const same = ws.filter((c, i) => c === chars[i]).length;
        if (more(same, w) && fits(ws, same)) candidates.set(w, 2 * same + (planWord(w) ? 1 : 0));
      }
    }
    const ranked = [...candidates].sort((a, b) => b[1] - a[1]);
    if (!ranked.length || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
    return ranked[0][0];
  };
  const exact = best(index.exact, soundKeys(chars, readings, undefined, true), () => true);
  if (exact) return { word: exact, alike: false };
  if (chars.length < MIN_FOLDED) return null;
  const alike = best(index.folded, soundKeys(chars, readings, foldSound, true), (same, w) => same === chars.length - 1 && planWord(w));
  return alike ? { word: alike, alike: true } : null;
}

/** The correction of `typed` to a reading. */
const fixOf = (typed: string, { word, alike }: Reading): SoundFix => (alike ? { typed, meant: word, alike } : { typed, meant: word });

/**
 * The word typed characters were meant as: a known word that sounds the same (or, for three
 * characters or more, alike, see `readAs`) and shares a character with them in the same place.
 */
export function meantWord(
  typed: string,
  index: SoundIndex,
  readings: SoundTable['readings'],
  planWord: (word: string) => boolean = () => false,
): Reading | null {
  return readAs([...typed], index, readings, planWord, (_w, same) => same >= 1);
}

/** What reading by sound needs: the dictionary by sound, the table, and the plans' own words (they win a tie). */
export interface SoundReading {
  index: SoundIndex;
  sounds: SoundTable;
  planWord: (word: string) => boolean;
  /**
   * An everyday word the vocabulary maps to a plan word one character from it (残疾证 → 残疾人证,
   * 助学金 → 助学): people type it for the plans' word, so a slip beside a known word may be read
   * as it (残疾正 → 残疾证). Not an everyday phrase mapped to other words (卖东西 → 创业: 买东西 is
   * no slip for it; 办残疾证 → 残疾人证: 旧版残疾证 is no slip for it).
   */
  nearPlanWord: (word: string) => boolean;
  /**
   * A lone character with a meaning of its own in a question (停 beside 低保 or 补贴, a sense in
   * content/questions.yaml): left over after a slip (补帖停了咋回事), it is a word, not a sign that
   * the run is several words the dictionary does not know.
   */
  understood?: (char: string) => boolean;
}

/**
 * Reads each run of unknown characters (`runs`, `unknownRuns` of the query's words) by sound:
 * the query with the slips replaced, and what was replaced. Windows are tried left to right,
 * longest first; a window that is a word of its own stays as typed. Two-character slips are
 * read only in a run that slips and words of their own explain whole.
 */
export function fixSlips(query: string, runs: readonly string[], { index, sounds, planWord, understood }: SoundReading): { query: string; fixes: SoundFix[] } {
  const fixes: SoundFix[] = [];
  let text = query;
  for (const run of runs) {
    const chars = [...run];
    // The run cut into pieces: each as typed, and the word it sounds like where there is one.
    const pieces: { typed: string; meant: Reading | null }[] = [];
    let i = 0;
    while (i < chars.length) {
      let piece = { typed: chars[i], meant: null as Reading | null };
      for (let len = Math.min(MAX_WINDOW, chars.length - i); len >= 2; len--) {
        const window = chars.slice(i, i + len).join('');
        if (sounds.words.has(window)) {
          piece = { typed: window, meant: null };
          break;
        }
        const meant = meantWord(window, index, sounds.readings, planWord);
        if (meant) {
          piece = { typed: window, meant };
          break;
        }
      }
      pieces.push(piece);
      i += [...piece.typed].length;
    }
    // A word of three or more characters that sounds like the typed ones is a slip wherever it
    // stands (按魔店开业 → 按摩店). Two characters sound like a word by chance too often: such a
    // slip is read only in a run it explains whole (残急人补帖). Characters left over mean the run
    // is several words the dictionary does not know, and a window across two of them (营业厅说 →
    // 厅说) only sounds like a word (听说).
    const explained = pieces.every((p) => p.meant || [...p.typed].length > 1 || !!understood?.(p.typed));
    const read = (p: (typeof pieces)[number]) => !!p.meant && (explained || [...p.typed].length >= 3);
    if (!pieces.some(read)) continue;
    for (const p of pieces) if (read(p)) fixes.push(fixOf(p.typed, p.meant!));
    text = text.replace(run, pieces.map((p) => (read(p) ? p.meant!.word : p.typed)).join(''));
  }
  return { query: text, fixes };
}

/**
 * A slip the dictionary cut beside known words (孤独正儿童 → 孤独 正 儿童, 助听气 → 助听 气, 府恤金
 * → 府 恤金): a slipped character often stands alone next to the word it belonged to,
 * so no run of unknown characters holds it. Around each character no word explains, windows of
 * whole words, three characters or more, are read longest first: the window is a known word
 * that sounds the same, shares at least two characters with it, and differs only where the
 * window holds a lone character (the slip, or a question word it made: 就, 了), never inside a
 * word the dictionary cut whole; and it is a word the plans print (收不了 is not the everyday
 * 受不了) or a near form of one the vocabulary names (残疾正 → 残疾证, `nearPlanWord`). Two characters
 * (签月, 假支) sound like a word by chance too often.
 */
export function fixSpanning(
  query: string,
  cuts: readonly (readonly string[])[],
  known: (word: string) => boolean,
  { index, sounds, planWord, nearPlanWord }: SoundReading,
): { query: string; fixes: SoundFix[] } {
  const fixes: SoundFix[] = [];
  let text = query;
  for (const cut of cuts) {
    let from = 0;
    for (let i = 0; i < cut.length; i++) {
      if (i < from || !isLoneChar(cut[i]) || known(cut[i])) continue;
      // Windows of whole words holding word i, longest first, then leftmost.
      const windows: { a: number; b: number; chars: string[] }[] = [];
      for (let a = Math.max(from, i - MAX_WINDOW + 1); a <= i; a++) {
        for (let b = i + 1; b <= cut.length && b - a <= MAX_WINDOW; b++) {
          const chars = [...cut.slice(a, b).join('')];
          if (b - a >= 2 && chars.length >= 3 && chars.length <= MAX_WINDOW) windows.push({ a, b, chars });
        }
      }
      windows.sort((x, y) => y.chars.length - x.chars.length || x.a - y.a);
      for (const { a, b, chars } of windows) {
        const typed = chars.join('');
        if (sounds.words.has(typed)) continue;
        // Which characters stand alone (a slip can only be one of them).
        const alone: boolean[] = cut.slice(a, b).flatMap((w) => [...w].map(() => isLoneChar(w)));
        const meant = readAs(chars, index, sounds.readings, planWord, (ws, same) => same >= 2 && ws.every((c, j) => c === chars[j] || alone[j]) && (planWord(ws.join('')) || nearPlanWord(ws.join(''))));
        if (!meant) continue;
        fixes.push(fixOf(typed, meant));
        text = text.replace(typed, meant.word);
        from = b;
        break;
      }
    }
  }
  return { query: text, fixes };
}

/** Whether two words differ by one character added, dropped or changed (残疾证 · 残疾人证, 助学金 · 助学). */
function oneEditApart(a: string, b: string): boolean {
  const [x, y] = [[...a], [...b]].sort((p, q) => p.length - q.length);
  if (y.length - x.length > 1) return false;
  if (x.length === y.length) return x.filter((c, i) => c !== y[i]).length === 1;
  return y.some((_c, i) => y.slice(0, i).concat(y.slice(i + 1)).join('') === x.join(''));
}

/**
 * The reader a search uses: the dictionary by sound, built once, and the plans' own words
 * for ties. query → the query, normalised, with its slips read as the words meant: first the
 * runs of unknown characters (`fixSlips`), then what stands beside known words (`fixSpanning`).
 */
export function slipReader(
  sounds: SoundTable,
  lexicon: Pick<Lexicon, 'dictionary' | 'words' | 'segment' | 'aliases' | 'roles'>,
): (query: string) => { query: string; fixes: SoundFix[] } {
  const planWords = new Set(lexicon.words);
  const reading: SoundReading = {
    index: soundIndex(lexicon.dictionary, sounds.readings),
    sounds,
    planWord: (w) => planWords.has(w),
    nearPlanWord: (w) => (lexicon.aliases[w] ?? []).some((v) => planWords.has(v) && oneEditApart(w, v)),
    understood: (c) => !!lexicon.roles?.senses?.has(c),
  };
  return (query) => {
    const typed = normalizeQuery(query);
    const words = queryWords(typed, lexicon);
    const first = fixSlips(typed, words.cuts.flatMap((cut) => unknownRuns(cut, words.known)), reading);
    // Cut again only when a run was read: the words around it changed.
    const { cuts, known } = first.fixes.length ? queryWords(first.query, lexicon) : words;
    const second = fixSpanning(first.query, cuts, known, reading);
    return { query: second.query, fixes: [...first.fixes, ...second.fixes] };
  };
}
