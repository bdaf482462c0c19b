/**
 * Character classes and small text helpers shared by the indexer (Node), the CLI and the
 * browser. Pure functions, no dependencies.
 *
 * The one rule both sides follow: a run of Latin letters / digits (with inner `. % - +`)
 * is one token, a run of Han characters is cut into words, anything else is punctuation.
 */

/** Latin/digit run | Han run | any other non-space character (punctuation). */
export const RUN = /([A-Za-z0-9][A-Za-z0-9.%\-+]*[A-Za-z0-9%]|[A-Za-z0-9])|(\p{Script=Han}+)|(\S)/gu;

const HAN = /\p{Script=Han}/u;
const WORDISH = /[\p{L}\p{N}]/u;

export const hasHan = (s: string): boolean => HAN.test(s);

/** True for tokens Pagefind indexes (it drops punctuation-only tokens). */
export const isWordToken = (s: string): boolean => WORDISH.test(s);

/**
 * Query normalisation: NFKC (full-width Latin, digits and spaces become ASCII),
 * lowercase, whitespace collapsed. Han characters are unchanged by NFKC.
 */
export const normalizeQuery = (q: string): string =>
  q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const LATINISH = /[A-Za-z0-9%]/;
const LATINISH_START = /[A-Za-z0-9]/;

/**
 * Remove the spaces the indexer put between tokens. A space survives only between two
 * Latin/digit characters (`Wi-Fi network 5G`). `<mark>` tags are looked through, so
 * `残疾人 <mark>护理补贴</mark>` becomes `残疾人<mark>护理补贴</mark>`.
 */
export function unspace(html: string): string {
  return html.replace(/\s+/g, (sp: string, at: number, str: string) => {
    const before = str.slice(0, at).replace(/(<\/?mark>)+$/, '').slice(-1);
    const after = str.slice(at + sp.length).replace(/^(<\/?mark>)+/, '').charAt(0);
    return LATINISH.test(before) && LATINISH_START.test(after) ? ' ' : '';
  });
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text for comparisons: NFKC, lowercase, no whitespace at all. */
export const compact = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Joins tokens back into the string they were cut from (a space only between Latin runs). */
export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (out && LATINISH.test(out.slice(-1)) && LATINISH_START.test(t.charAt(0))) out += ' ';
    out += t;
  }
  return out;
}
