/**
 * Excerpts and on-page highlighting, from a result's full text (pure).
 *
 * Pagefind's own excerpt only marks words it matched in the content; words found through
 * the sub-word field (补贴 inside 护理补贴) or through an alias are not marked, and the
 * excerpt carries the spaces the indexer inserted. So the excerpt is built here from the
 * record's text (Pagefind `content` with the inserted spaces removed): every occurrence of
 * the query's words is marked, and the window shows the most of them.
 */
import { escapeHtml } from './text.ts';

export interface Excerpt {
  /** HTML: escaped text with <mark> around matches, … where the text is cut. */
  html: string;
  /** Plain text of the window (no marks, no ellipses). */
  text: string;
  /** Start and end of the window in the full text. */
  start: number;
  end: number;
  /** Matched spans in the full text, in order. */
  marks: { at: number; text: string }[];
}

const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Non-overlapping occurrences of the needles (longer needles first), touching ones merged. */
export function findMarks(text: string, needles: readonly string[]): { at: number; text: string }[] {
  const hay = lowerAscii(text);
  const taken: boolean[] = new Array(text.length).fill(false);
  const marks: { at: number; text: string }[] = [];
  for (const n of [...new Set(needles)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const needle = lowerAscii(n);
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
      let free = true;
      for (let k = at; k < at + needle.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = at; k < at + needle.length; k++) taken[k] = true;
      marks.push({ at, text: text.slice(at, at + needle.length) });
    }
  }
  // Touching marks read as one word (最低 生活 保障 → one <mark>).
  const merged: { at: number; text: string }[] = [];
  for (const m of marks.sort((a, b) => a.at - b.at)) {
    const last = merged[merged.length - 1];
    if (last && last.at + last.text.length === m.at) last.text += m.text;
    else merged.push({ ...m });
  }
  return merged;
}

/**
 * The window of about `length` characters that shows the most distinct needles (then the
 * most matches), starting a little before the first of them.
 */
export function makeExcerpt(text: string, needles: readonly string[], length = 90): Excerpt {
  const marks = findMarks(text, needles);
  let start = 0;
  if (text.length > length && marks.length) {
    let best = { distinct: -1, count: -1, at: 0 };
    for (let i = 0; i < marks.length; i++) {
      const from = marks[i].at;
      const inside = marks.filter((m) => m.at >= from && m.at + m.text.length <= from + length - 12);
      const distinct = new Set(inside.map((m) => lowerAscii(m.text))).size;
      if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) {
        best = { distinct, count: inside.length, at: from };
      }
    }
    start = Math.max(0, Math.min(best.at - 12, text.length - length));
    // Start after a sentence break when one is close before the window.
    const cut = text.slice(Math.max(0, start - 8), best.at).search(/[。；！？]/);
    if (cut !== -1) start = Math.max(0, start - 8) + cut + 1;
  }
  const end = Math.min(text.length, start + length);
  const inWindow = marks.filter((m) => m.at >= start && m.at + m.text.length <= end);
  let html = start > 0 ? '…' : '';
  let pos = start;
  for (const m of inWindow) {
    html += escapeHtml(text.slice(pos, m.at)) + '<mark>' + escapeHtml(m.text) + '</mark>';
    pos = m.at + m.text.length;
  }
  html += escapeHtml(text.slice(pos, end)) + (end < text.length ? '…' : '');
  return { html, text: text.slice(start, end), start, end, marks: inWindow };
}

const encodeDirective = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * A text fragment (`:~:text=…`) that makes the browser highlight the marked words of the
 * excerpt on the clause's page and scroll to the first. Each match carries a few characters
 * of context before and after so it lands in this clause, not in an earlier one with the
 * same words. Browsers require the context to start and end on word boundaries (ICU's, for
 * Chinese): pass `boundaries` (e.g. from Intl.Segmenter) to choose them; without it every
 * character counts as a boundary. Browsers without text fragments never see it (see the
 * search UI), and one whose words are not found still opens at the clause's anchor.
 */
export function textDirective(
  text: string,
  excerpt: Excerpt,
  boundaries: (text: string) => Iterable<number> = (t) => Array.from({ length: t.length + 1 }, (_, i) => i),
  max = 3,
  context = 30,
): string {
  const bounds = [...new Set(boundaries(text))].sort((a, b) => a - b);
  const parts: string[] = [];
  const done = new Set<string>();
  for (const m of excerpt.marks) {
    const key = lowerAscii(m.text);
    if (done.has(key) || parts.length >= max) continue;
    done.add(key);
    const end = m.at + m.text.length;
    // Context before: from the clause's start (its label makes it unique on the page) when
    // that is close, else the widest run on a word boundary within `context` characters.
    // Plans repeat sentences (a 专栏 item often repeats a clause), so short context would
    // often land on an earlier clause with the same words. Context after: a few words.
    const from = m.at <= context ? 0 : bounds.find((b) => b >= m.at - context && b <= m.at);
    const to = [...bounds].reverse().find((b) => b <= end + 8 && b >= end);
    const prefix = from === undefined ? '' : text.slice(from, m.at);
    const suffix = to === undefined ? '' : text.slice(end, to);
    parts.push(
      'text=' +
        (prefix.trim() ? `${encodeDirective(prefix)}-,` : '') +
        encodeDirective(m.text) +
        (suffix.trim() ? `,-${encodeDirective(suffix)}` : ''),
    );
  }
  return parts.length ? `:~:${parts.join('&')}` : '';
}
