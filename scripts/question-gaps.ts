/**
 * npm run questions:gaps [-- <file> …] [--strict]
 *
 * For curators of content/questions.yaml: which words of the questions people ask the search
 * does not understand. Reads questions one per line (a .tsv's first column; lines starting
 * with # are skipped), by default the public question set tests/search/questions.tsv, and
 * prints, per question:
 *   - 没有认出: words the index's dictionary could only cut into single characters (危险 → 危 险);
 *   - 规划里没有: words no plan uses that nothing in the vocabulary maps to plan words.
 * Each is a candidate for an everyday mapping. Pinyin slips the search reads as the word meant
 * (按读音读作 残急人→残疾人, src/search/sounds.ts) are printed too, but they are understood: no
 * gap. With --strict, exits 1 when any gap is found.
 * Needs the built index (npm run build or npm run index): the dictionary is the index's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { missingIndexMessage, readLexicon } from '../src/search/node.ts';
import { questionGaps } from '../src/search/question-gaps.ts';
import { decodeSounds, slipReader, SOUNDS_FILE } from '../src/search/sounds.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { strict: { type: 'boolean', default: false }, dist: { type: 'string', default: 'dist' } },
});
const dist = resolve(root, values.dist!);
if (!existsSync(join(dist, 'pagefind', 'lexicon.json'))) {
  console.error(`questions:gaps: ${missingIndexMessage(dist)}`);
  process.exit(1);
}
const lexicon = readLexicon(dist);
const soundsFile = join(dist, 'pagefind', SOUNDS_FILE);
const sounds = existsSync(soundsFile) ? decodeSounds(readFileSync(soundsFile, 'utf8')) : null;
const readSlips = sounds ? slipReader(sounds, lexicon) : undefined;
const files = positionals.length ? positionals.map((f) => resolve(process.cwd(), f)) : [join(root, 'tests/search/questions.tsv')];
let asked = 0;
let withGaps = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`questions:gaps: ${file} not found`);
    process.exit(1);
  }
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    const question = line.split('\t')[0].trim();
    if (!question || question.startsWith('#')) return;
    asked++;
    const gaps = questionGaps(question, lexicon, readSlips);
    const read = gaps.fixes.length ? `按读音读作 ${gaps.fixes.map((f) => `${f.typed}→${f.meant}`).join('、')}` : '';
    if (!gaps.unknown.length && !gaps.unmatched.length) {
      if (read) console.log(`${file}:${i + 1}: ${question}  →  ${read}`);
      return;
    }
    withGaps++;
    const parts = [
      read,
      gaps.unknown.length ? `没有认出 ${gaps.unknown.join('、')}` : '',
      gaps.unmatched.length ? `规划里没有 ${gaps.unmatched.join('、')}` : '',
    ].filter(Boolean);
    console.log(`${file}:${i + 1}: ${question}  →  ${parts.join('；')}`);
  });
}
console.log(`questions:gaps: ${asked} questions, ${withGaps} with words the search does not understand`);
if (values.strict && withGaps) process.exit(1);
