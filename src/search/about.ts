/**
 * What a result is about, in a few words, for its link text: a screen reader that lists the
 * links on the results page hears “困难残疾人生活补贴和重度残疾人护理补贴。”, not a row of
 * citations that all start 《…规划》. Pure; used by the search page and the CLI.
 *
 * A clause's own title (its first sentence, when short) is what it is about; otherwise its
 * first words up to a pause. An indicator row is short already: its name and figures.
 */

/** The numbering a clause is printed with (1. （一） ① 一、 (1) 第一条 …): the citation says it. */
const LEADING_NUMBER =
  /^\s*(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[）)]|[①-⑳]|[一二三四五六七八九十]+[、．.]|[\d０-９]+(?:[.．、)]|\s))\s*/u;

/** Longest “about” text before it is cut at a pause or with an ellipsis. */
export const ABOUT_MAX = 36;

export function aboutText(text: string, kind: string): string {
  const t = text.trim();
  if (kind === '指标') return t;
  const body = t.replace(LEADING_NUMBER, '');
  if (!body) return t;
  // The first sentence when it is a title (短句。), else the words up to the first pause.
  const sentence = /^[^。；！？]{2,}?[。；！？]/u.exec(body)?.[0];
  if (sentence && [...sentence].length <= ABOUT_MAX) return sentence;
  const clause = /^[^。；！？，：]{4,}?[，：]/u.exec(body)?.[0];
  if (clause && [...clause].length <= ABOUT_MAX) return `${clause.slice(0, -1)}…`;
  const chars = [...body];
  return chars.length <= ABOUT_MAX ? body : `${chars.slice(0, ABOUT_MAX - 1).join('')}…`;
}
