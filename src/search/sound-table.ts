/**
 * Builds the sound table (`sounds.txt`, read by src/search/sounds.ts) at index time:
 * - the readings, without tones, of the 3,755 common characters of GB 2312's first level (what
 *   a pinyin keyboard offers first, so where slips come from) and of every character of the
 *   search's own words;
 * - the words of jieba's general dictionary (used at least `MIN_FREQUENCY` times in its corpus)
 *   that the slip rule would read as a word of the search (重新 as 重心, 进站 as 进展): people type
 *   them on purpose, so they are never corrected.
 * Build time only: pinyin-pro and the dictionary stay out of the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { encodeSounds, meantWord, soundIndex } from './sounds.ts';
import { hasHan } from './text.ts';

/**
 * How often a word of the general dictionary must occur to be kept as a word of its own. 出声 and
 * 打到 occur 3 times in its corpus and are what 红绿灯会出声不 and 打到卡上 mean; the rarer words
 * below that (mostly names and trade terms) are more often a slip than meant.
 */
export const MIN_FREQUENCY = 3;

/** GB 2312 level 1: rows 0xB0–0xD7, cells 0xA1–0xFE (the last row ends at 0xF9). */
function commonCharacters(): string[] {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= (row === 0xd7 ? 0xf9 : 0xfe); cell++) bytes.push(row, cell);
  }
  return [...new TextDecoder('gbk').decode(new Uint8Array(bytes))];
}

/** jieba's general dictionary: `word frequency tag` lines. */
function generalWords(): { word: string; frequency: number }[] {
  const file = (createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([word, frequency]) => word && frequency)
    .map(([word, frequency]) => ({ word, frequency: Number(frequency) }));
}

/**
 * The table's text for the search's dictionary (`words`: every word the query segmenter knows;
 * `planWords`: the index's words, which win a tie as the engine reads slips).
 */
export function soundTableText(words: readonly string[], planWords: readonly string[] = []): string {
  const chars = new Set(commonCharacters());
  for (const w of words) for (const c of w) if (hasHan(c)) chars.add(c);
  const readings = new Map<string, string[]>();
  for (const c of chars) {
    const rs = pinyin(c, { toneType: 'none', multiple: true, type: 'array' }).filter((r) => /^[a-zü]+$/u.test(r));
    const common = pinyin(c, { toneType: 'none', type: 'array' })[0];
    // The common reading first: a slip is typed by it (src/search/sounds.ts, soundKeys).
    if (rs.length) readings.set(c, [...new Set([...(rs.includes(common) ? [common] : []), ...rs.sort()])]);
  }
  const known = new Set(words);
  const index = soundIndex(known, readings);
  const plan = new Set(planWords);
  const ownWords = new Set(
    generalWords()
      .filter(({ word, frequency }) => frequency >= MIN_FREQUENCY && !known.has(word) && /^\p{Script=Han}{2,6}$/u.test(word))
      .filter(({ word }) => meantWord(word, index, readings, (w) => plan.has(w)) !== null)
      .map(({ word }) => word),
  );
  return encodeSounds({ readings, words: ownWords });
}
