/**
 * Enumerations that share their head word (items: `enumerable` in content/synonyms.yaml). Plans write 视力、听力、智力残疾儿童 for 视力残疾儿童,
 * 听力残疾儿童 and 智力残疾儿童, and 智力、精神和重度肢体残疾人 for 智力残疾人 …; only the last item
 * stands next to the head, so a search for 视力残疾儿童 (or a question mapped to 智力残疾) would
 * find the words apart at best. The indexer spells each earlier item out with the head and
 * appends those phrases to the record's content after a separator (`EXPANSION_MARK`): Pagefind
 * indexes them with positions of their own, so the spelled-out phrase matches as one string,
 * and the page shows only the text before the separator (`visibleContent`).
 *
 * Pure functions over the indexer's tokens (src/search/tokenize.ts): no new words are made,
 * only existing tokens put side by side, so the query dictionary does not change.
 */
import { isWordToken } from './text.ts';

/**
 * Separates the clause's own tokens from the spelled-out phrases, and those from each other.
 * A punctuation token (Pagefind gives it a position and indexes nothing), so nothing matches
 * across it; a character the plans do not print (ingest keeps the source text as printed).
 */
export const EXPANSION_MARK = '⸻';
const SEPARATOR = ` ${EXPANSION_MARK} `;

/** Words joining the last item of a list: 视力、听力和言语残疾人. */
const CONJUNCTIONS = new Set(['和', '及', '与', '或', '以及', '或者']);
/** Ends an enumeration before its head: 盲、聋、智力、精神等老年残疾人. */
const ETC = new Set(['等']);
/** Ends the words after a list before what they describe: …等老年残疾人的需要 (等 again, or 的). */
const TAIL_END = new Set([...ETC, '的']);
/** At most this many tokens of head: 残疾 儿童 (enough for 视力残疾儿童). */
const MAX_HEAD_TOKENS = 2;
/** A head found after a conjunction or 等 lies within this many tokens. */
const MAX_TAIL_TOKENS = 4;


/** Phrases in the order found, each once. */
function phraseList() {
  const list: string[][] = [];
  const seen = new Set<string>();
  return {
    list,
    add(phrase: string[]) {
      const key = phrase.join(' ');
      if (!seen.has(key)) (seen.add(key), list.push(phrase));
    },
  };
}

/** The head words from `from` on: at most MAX_HEAD_TOKENS words, up to punctuation, a joining word, 等 or 的. */
function headAt(tokens: readonly string[], from: number): string[] {
  const head: string[] = [];
  for (let k = from; k < tokens.length && head.length < MAX_HEAD_TOKENS && isWordToken(tokens[k]) && !CONJUNCTIONS.has(tokens[k]) && !TAIL_END.has(tokens[k]); k++) head.push(tokens[k]);
  return head;
}

/**
 * The phrases an enumeration implies: for `w1 、 w2 、 … wn h1 h2` each earlier item with the
 * head (w1 h1 h2 …); when the list ends with a conjunction or 等 (智力 、 精神 和 重度 肢体
 * 残疾人 等), each item before it with the last word of the tail before punctuation or 等
 * (智力 残疾人, 精神 残疾人). Returns token lists, in order, without duplicates.
 */
export function sharedHeadPhrases(tokens: readonly string[], enumerable: ReadonlySet<string>): string[][] {
  const isItem = (t: string) => enumerable.has(t);
  const phrases = phraseList();
  const add = phrases.add;
  let i = 0;
  while (i < tokens.length) {
    // An enumeration: item (、 item)+, at least two items.
    if (!isItem(tokens[i]) || tokens[i + 1] !== '、') {
      i++;
      continue;
    }
    const items = [tokens[i]];
    let j = i + 1;
    while (tokens[j] === '、' && isItem(tokens[j + 1] ?? '')) {
      items.push(tokens[j + 1]);
      j += 2;
    }
    if (items.length < 2) {
      i = j;
      continue;
    }
    const next = tokens[j] ?? '';
    if (CONJUNCTIONS.has(next) || ETC.has(next)) {
      // The head is the last word before punctuation or 等, within a few tokens; every item
      // before the conjunction (and the last one too when 等 closes the list) takes it.
      const tail: string[] = [];
      let k = j + 1;
      // (A second conjunction, 视力、听力和和, ends it too: a head is never a joining word.)
      while (k < tokens.length && tail.length <= MAX_TAIL_TOKENS && isWordToken(tokens[k]) && !TAIL_END.has(tokens[k]) && !CONJUNCTIONS.has(tokens[k])) tail.push(tokens[k++]);
      if (tail.length && tail.length <= MAX_TAIL_TOKENS) {
        const head = tail[tail.length - 1];
        for (const w of items) if (!head.startsWith(w)) add([w, head]);
      }
    } else if (isWordToken(next) && !TAIL_END.has(next)) {
      // The last item stands next to the head: 智力 残疾 儿童.
      const head = headAt(tokens, j);
      // The last item may be two items' words (智力、精神、重度肢体残疾人: 重度 | 肢体 残疾人):
      // then the head after it is spelled out too (智力 残疾人).
      for (const w of items.slice(0, -1)) {
        for (let k = 0; k < head.length; k++) if (k === 0 || isItem(head[k - 1])) add([w, ...head.slice(k)]);
      }
    }
    i = j;
  }
  return phrases.list;
}

/** The numerals of a degree written short in a list: 三、四级 is 三级 and 四级. */
const DEGREE_NUMERALS = new Set(['一', '二', '三', '四']);
const DEGREE = /^[一二三四]级$/u;

/**
 * Degrees written short (三、四级智力残疾人, 三四级智力残疾人, 一、二级重度残疾人): the first
 * numeral shares the 级 of the second, so 三 is 三级, and it joins the words after the list as
 * the second does (三级 智力 残疾人). Only when that degree is an `enumerable` word, so no new
 * word is made. Returns token lists, in order, without duplicates.
 */
export function shortDegreePhrases(tokens: readonly string[], enumerable: ReadonlySet<string>): string[][] {
  const phrases = phraseList();
  for (let i = 0; i < tokens.length; i++) {
    if (!DEGREE_NUMERALS.has(tokens[i])) continue;
    const at = tokens[i + 1] === '、' ? i + 2 : i + 1;
    const second = tokens[at] ?? '';
    const degree = `${tokens[i]}级`;
    if (!DEGREE.test(second) || !enumerable.has(degree) || !enumerable.has(second)) continue;
    phrases.add([degree, ...headAt(tokens, at + 1)]);
  }
  return phrases.list;
}

/** The record content Pagefind indexes: the tokens, then each spelled-out phrase after the mark. */
export function indexedContent(tokens: readonly string[], enumerable: ReadonlySet<string>): string {
  const phrases = [...sharedHeadPhrases(tokens, enumerable), ...shortDegreePhrases(tokens, enumerable)];
  return [tokens.join(' '), ...phrases.map((p) => p.join(' '))].join(SEPARATOR);
}

/** The clause's own text of an indexed content (what the page shows and highlights). */
export function visibleContent(content: string): string {
  const at = content.indexOf(SEPARATOR);
  return at === -1 ? content : content.slice(0, at);
}
