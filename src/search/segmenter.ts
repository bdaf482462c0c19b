/**
 * Query segmenter for the browser (and the CLI): cuts a query into the same tokens the
 * indexer made with nodejieba, using only the index's own vocabulary as dictionary.
 *
 * Latin/digit runs stay whole (lowercased), Han runs are cut by maximum matching against
 * the vocabulary, punctuation is dropped (Pagefind indexes none). Bidirectional maximum
 * matching (BiMM) is the default: it agreed with nodejieba on 100% of query-like strings
 * in the prototype and needs no word frequencies; `tests/search/segmenter.test.ts`
 * measures the agreement of every variant on the real plans.
 */

export type SegmenterAlgo = 'fmm' | 'bmm' | 'bimm';

export type Segmenter = ((query: string) => string[]) & {
  /** Whether a word is in the dictionary. */
  has: (word: string) => boolean;
  /**
   * The word cut into smaller dictionary words of two or more characters (公共交通 →
   * 公共 交通), or null. nodejieba cuts by context, so a plan may hold the parts where the
   * query segmenter found the whole word.
   */
  split: (word: string) => string[] | null;
};

const RUN = /([a-z0-9][a-z0-9.%\-+]*[a-z0-9%]|[a-z0-9])|(\p{Script=Han}+)/gu;

export function makeSegmenter(words: Iterable<string>, algo: SegmenterAlgo = 'bimm'): Segmenter {
  const dict = new Set<string>();
  let maxLen = 1;
  for (const w of words) {
    if (!w) continue;
    dict.add(w);
    const n = [...w].length;
    if (n > maxLen) maxLen = n;
  }
  let exclude = '';
  const has = (w: string) => w !== exclude && dict.has(w);

  const fmm = (s: string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < s.length; ) {
      let n = Math.min(maxLen, s.length - i);
      while (n > 1 && !has(s.slice(i, i + n).join(''))) n--;
      out.push(s.slice(i, i + n).join(''));
      i += n;
    }
    return out;
  };
  const bmm = (s: string[]): string[] => {
    const out: string[] = [];
    for (let j = s.length; j > 0; ) {
      let n = Math.min(maxLen, j);
      while (n > 1 && !has(s.slice(j - n, j).join(''))) n--;
      out.unshift(s.slice(j - n, j).join(''));
      j -= n;
    }
    return out;
  };
  const singles = (t: string[]) => t.filter((w) => [...w].length === 1).length;
  // Classic BiMM: fewer tokens wins, then fewer single characters, a tie goes to BMM
  // (Chinese compounds are more often right-headed).
  const bimm = (s: string[]): string[] => {
    const f = fmm(s);
    const b = bmm(s);
    if (f.length !== b.length) return f.length < b.length ? f : b;
    return singles(f) < singles(b) ? f : b;
  };
  const cut = { fmm, bmm, bimm }[algo];

  const segment = (query: string): string[] => {
    const out: string[] = [];
    for (const m of query.normalize('NFKC').toLowerCase().matchAll(RUN)) {
      if (m[1]) out.push(m[1]);
      else out.push(...cut([...m[2]]));
    }
    return out;
  };
  const split = (word: string): string[] | null => {
    const chars = [...word];
    if (chars.length < 4 || !/^\p{Script=Han}+$/u.test(word)) return null;
    exclude = word;
    try {
      const parts = bimm(chars);
      return parts.length > 1 && parts.every((p) => [...p].length >= 2 && dict.has(p)) ? parts : null;
    } finally {
      exclude = '';
    }
  };
  return Object.assign(segment, { has: (w: string) => dict.has(w), split });
}
