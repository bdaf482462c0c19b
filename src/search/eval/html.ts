/**
 * Just enough HTML reading for the search evaluation: the text of elements with an id,
 * and the text of a "section" as Pagefind cuts a page (from a heading with an id to the
 * next heading with an id). Built pages are well-formed Astro output, so a small
 * tokenizer with a stack is enough; no dependency.
 */

export interface ElementInfo {
  tag: string;
  id: string;
  attrs: Record<string, string>;
  /** Offsets into the page text. */
  start: number;
  end: number;
}

export interface PageText {
  /** textContent of <body> (script and style excluded). */
  text: string;
  byId: Map<string, ElementInfo>;
  /** Headings (h1–h6) with an id, in document order. */
  headings: ElementInfo[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'template', 'textarea', 'title']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function readPage(html: string): PageText {
  const bodyAt = html.search(/<body[\s>]/i);
  const src = bodyAt === -1 ? html : html.slice(bodyAt);
  let text = '';
  const byId = new Map<string, ElementInfo>();
  const headings: ElementInfo[] = [];
  const stack: ElementInfo[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m[4] !== undefined || m[0] === '<') {
      text += decodeEntities(m[4] ?? '<');
    } else if (m[2]) {
      const tag = m[2].toLowerCase();
      const attrs = parseAttrs(m[3]);
      const el: ElementInfo = { tag, id: attrs.id ?? '', attrs, start: text.length, end: text.length };
      if (el.id && !byId.has(el.id)) byId.set(el.id, el);
      if (/^h[1-6]$/.test(tag) && el.id) headings.push(el);
      if (RAW.has(tag)) {
        const close = new RegExp(`</${tag}\\s*>`, 'gi');
        close.lastIndex = re.lastIndex;
        const c = close.exec(src);
        re.lastIndex = c ? close.lastIndex : src.length;
        continue;
      }
      if (!VOID.has(tag) && !m[3].trimEnd().endsWith('/')) stack.push(el);
    } else if (m[1]) {
      const tag = m[1].toLowerCase();
      // Close up to the matching open element (tolerates omitted end tags).
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].tag === tag) {
          while (stack.length > i) stack.pop()!.end = text.length;
          break;
        }
      }
    }
  }
  while (stack.length) stack.pop()!.end = text.length;
  return { text, byId, headings };
}

/** Text of the element with this id, or null. */
export function elementText(page: PageText, id: string): string | null {
  const el = page.byId.get(id);
  return el ? page.text.slice(el.start, el.end) : null;
}

/** Pagefind's section for an anchor: from the heading to the next heading with an id. */
export function sectionText(page: PageText, id: string): string | null {
  const el = page.byId.get(id);
  if (!el) return null;
  const next = page.headings.find((h) => h.start > el.start);
  return page.text.slice(el.start, next ? next.start : page.text.length);
}
