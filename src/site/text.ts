/** Small text helpers for Chinese plan text. */
import type { Clause } from '../model/plan.ts';


/**
 * Splits a paragraph into its lead sentence (the clause title, shown in bold) and the rest.
 * The lead is only split off when the paragraph really starts with it, so the text is never changed.
 */
export function splitLead(paragraph: string, title: string | null): { lead: string | null; rest: string } {
  if (title && paragraph.startsWith(title)) return { lead: title, rest: paragraph.slice(title.length) };
  return { lead: null, rest: paragraph };
}

/** Sentences of a text, each with its closing punctuation. */
export function sentences(text: string): string[] {
  return text.match(/[^。！？；]+[。！？；]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** Cuts a text to about `max` characters at a sentence or clause boundary, adding …… when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastBreak = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'), cut.lastIndexOf('；'));
  return `${lastBreak > max / 2 ? cut.slice(0, lastBreak) : cut}……`;
}

/**
 * What a list shows for a clause instead of its full text: the heading-like lead (label +
 * title, or the first sentence when the clause has no title) and the sentence after it.
 */
export function clauseGist(unit: Clause, max = 70): { lead: string; next: string | null } {
  const body = unit.paragraphs.join('');
  const { lead, rest } = splitLead(body, unit.title);
  if (lead) {
    const next = sentences(rest)[0];
    return { lead: unit.label + lead, next: next ? shorten(next, max) : null };
  }
  const first = sentences(body)[0] ?? body;
  return { lead: unit.label + shorten(first, max), next: null };
}

/** The sentences of `text` that contain one of `terms` (for topic pages), each cut to show its first match. */
export function sentencesWith(text: string, terms: string[], max = 120): string[] {
  return sentences(text)
    .filter((s) => terms.some((t) => s.includes(t)))
    .map((s) => shortenAround(s, terms, max));
}

/** Where a pause (，、；：) lets a cut sentence start again, looking back this far at most. */
const RESTART_WITHIN = 40;

/**
 * Cuts a long sentence to about `max` characters so that it still shows the first of `terms`
 * it holds: from its start when the term is in the first `max`, otherwise from the pause
 * before the term (……，然后 …), so an excerpt never stops before the words it was chosen for.
 */
export function shortenAround(sentence: string, terms: string[], max = 120): string {
  if (sentence.length <= max) return sentence;
  const found = terms
    .map((t) => ({ at: sentence.indexOf(t), t }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at || b.t.length - a.t.length)[0];
  const cut = shorten(sentence, max);
  if (!found || cut.length - 2 >= found.at + found.t.length) return cut;
  const before = sentence.slice(Math.max(0, found.at - RESTART_WITHIN), found.at);
  const pause = Math.max(before.lastIndexOf('，'), before.lastIndexOf('、'), before.lastIndexOf('；'), before.lastIndexOf('：'));
  const start = pause >= 0 ? found.at - before.length + pause + 1 : found.at;
  return `……${shorten(sentence.slice(start), max)}`;
}

/** Splits text into plain and matched pieces, so a page can mark the matched terms. */
export function markTerms(text: string, terms: string[]): { text: string; match: boolean }[] {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return text
    .split(pattern)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, match: sorted.includes(piece) }));
}
