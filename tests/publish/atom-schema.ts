/**
 * The Atom schema of RFC 4287 (its RELAX NG grammar, Appendix B, and the rules its text adds
 * to it) as a checker over a parsed XML tree: which elements each Atom element may hold, how
 * many times, in what order (entries after the feed's metadata), which attributes, and the
 * forms of dates, URIs and text constructs. No RELAX NG validator runs here, so the grammar
 * is written out; elements of other namespaces are extension elements and are allowed.
 * Returns the violations, each naming the element's path.
 */
import { parseDocument } from 'htmlparser2';

const ATOM = 'http://www.w3.org/2005/Atom';

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}

type Count = '1' | '?' | '*';
/** Child element name → how many times it may occur (RFC 4287 B: atomFeed, atomEntry, atomSource). */
const METADATA: Record<string, Count> = {
  author: '*',
  category: '*',
  contributor: '*',
  generator: '?',
  icon: '?',
  id: '1',
  link: '*',
  logo: '?',
  rights: '?',
  subtitle: '?',
  title: '1',
  updated: '1',
};
const ENTRY: Record<string, Count> = {
  author: '*',
  category: '*',
  content: '?',
  contributor: '*',
  id: '1',
  link: '*',
  published: '?',
  rights: '?',
  source: '?',
  summary: '?',
  title: '1',
  updated: '1',
};
const TEXT = new Set(['title', 'subtitle', 'summary', 'rights']);
const DATES = new Set(['updated', 'published']);
const PERSONS = new Set(['author', 'contributor']);
const COMMON_ATTRIBUTES = ['xml:base', 'xml:lang'];
const LINK_ATTRIBUTES = ['href', 'rel', 'type', 'hreflang', 'title', 'length'];
const CATEGORY_ATTRIBUTES = ['term', 'scheme', 'label'];
/** xsd:dateTime as RFC 3339 restricts it (3.3: an upper-case T and Z, a time zone required). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const tags = (n: Node): Node[] => (n.children ?? []).filter((c) => c.type === 'tag');
const textOf = (n: Node): string => (n.children ?? []).map((c) => (c.type === 'text' ? (c.data ?? '') : textOf(c))).join('');
/** The element's namespace: its own xmlns, else its parent's (prefixed names are other namespaces). */
const isAtom = (n: Node, inherited: string) => !n.name!.includes(':') && (n.attribs?.xmlns ?? inherited) === ATOM;
const isIri = (s: string) => {
  try {
    return !!new URL(s).protocol;
  } catch {
    return false;
  }
};

export function atomViolations(xml: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(xml, { xmlMode: true }) as unknown as Node;
  const roots = tags(doc);
  if (roots.length !== 1 || roots[0].name !== 'feed' || roots[0].attribs?.xmlns !== ATOM) {
    return ['the document element must be one atom:feed in the namespace http://www.w3.org/2005/Atom'];
  }
  const attributes = (n: Node, at: string, allowed: string[], required: string[] = []) => {
    for (const a of Object.keys(n.attribs ?? {})) {
      if (a === 'xmlns' || a.startsWith('xmlns:') || COMMON_ATTRIBUTES.includes(a) || allowed.includes(a)) continue;
      // undefinedAttribute: attributes in a namespace are allowed, unqualified ones are not.
      if (!a.includes(':')) out.push(`${at}: attribute ${a} is not in the Atom schema`);
    }
    for (const a of required) if (!(n.attribs ?? {})[a]) out.push(`${at}: attribute ${a} is required`);
  };
  const text = (n: Node, at: string) => {
    const type = n.attribs?.type ?? 'text';
    attributes(n, at, ['type']);
    if (!['text', 'html', 'xhtml'].includes(type)) out.push(`${at}: type must be text, html or xhtml`);
    if (type !== 'xhtml' && tags(n).length) out.push(`${at}: a ${type} construct holds no child elements`);
    if (type === 'xhtml' && (tags(n).length !== 1 || tags(n)[0].name !== 'div')) out.push(`${at}: an xhtml construct holds one xhtml:div`);
  };
  const container = (n: Node, at: string, model: Record<string, Count>, entriesAllowed: boolean) => {
    attributes(n, at, []);
    const counts = new Map<string, number>();
    let seenEntry = false;
    for (const c of tags(n)) {
      const where = `${at}/${c.name}`;
      if (!isAtom(c, ATOM)) continue; // extension element
      if (c.name === 'entry' && entriesAllowed) {
        seenEntry = true;
        entry(c, `${where}[${counts.get('entry') ?? 0}]`);
        counts.set('entry', (counts.get('entry') ?? 0) + 1);
        continue;
      }
      if (!(c.name! in model)) {
        out.push(`${where}: not allowed here`);
        continue;
      }
      if (seenEntry) out.push(`${where}: the feed's metadata comes before its entries`);
      counts.set(c.name!, (counts.get(c.name!) ?? 0) + 1);
      element(c, where);
    }
    for (const [name, count] of Object.entries(model)) {
      const n = counts.get(name) ?? 0;
      if (count === '1' && n !== 1) out.push(`${at}: needs exactly one ${name}, has ${n}`);
      if (count === '?' && n > 1) out.push(`${at}: at most one ${name}, has ${n}`);
    }
    const alternates = tags(n).filter((c) => c.name === 'link' && (c.attribs?.rel ?? 'alternate') === 'alternate');
    const keys = alternates.map((l) => `${l.attribs?.type ?? ''}|${l.attribs?.hreflang ?? ''}`);
    if (new Set(keys).size !== keys.length) out.push(`${at}: two alternate links with the same type and hreflang (4.1.1)`);
    return counts;
  };
  const entry = (n: Node, at: string) => {
    const counts = container(n, at, ENTRY, false);
    const content = tags(n).find((c) => c.name === 'content');
    const alternate = tags(n).some((c) => c.name === 'link' && (c.attribs?.rel ?? 'alternate') === 'alternate');
    if (!content && !alternate) out.push(`${at}: without atom:content an entry needs a rel="alternate" link (4.1.1)`);
    if (content?.attribs?.src && !counts.get('summary')) out.push(`${at}: content by src needs a summary (4.1.1.1)`);
    if (!tags(n).some((c) => c.name === 'author') && !tags(roots[0]).some((c) => c.name === 'author')) {
      out.push(`${at}: an entry needs an author, or the feed one (4.1.1)`);
    }
  };
  const element = (n: Node, at: string) => {
    const name = n.name!;
    if (TEXT.has(name)) return text(n, at);
    if (DATES.has(name)) {
      attributes(n, at, []);
      if (!DATE_TIME.test(textOf(n).trim())) out.push(`${at}: not an RFC 3339 date-time: ${textOf(n)}`);
      return;
    }
    if (PERSONS.has(name)) {
      attributes(n, at, []);
      const parts = tags(n).filter((c) => isAtom(c, ATOM));
      const names = parts.filter((c) => c.name === 'name');
      if (names.length !== 1 || !textOf(names[0]).trim()) out.push(`${at}: a person has exactly one non-empty name`);
      for (const p of parts) if (!['name', 'uri', 'email'].includes(p.name!)) out.push(`${at}/${p.name}: not allowed in a person`);
      for (const u of parts.filter((c) => c.name === 'uri')) if (!isIri(textOf(u).trim())) out.push(`${at}/uri: not an IRI`);
      return;
    }
    if (name === 'id' || name === 'icon' || name === 'logo') {
      attributes(n, at, []);
      if (tags(n).length || !isIri(textOf(n).trim())) out.push(`${at}: must be an IRI and nothing else`);
      return;
    }
    if (name === 'link') {
      attributes(n, at, LINK_ATTRIBUTES, ['href']);
      if (n.attribs?.href && !isIri(new URL(n.attribs.href, 'http://base.invalid/').href)) out.push(`${at}: href is not an IRI`);
      if (n.attribs?.length && !/^\d+$/.test(n.attribs.length)) out.push(`${at}: length must be a number of octets`);
      return;
    }
    if (name === 'category') return attributes(n, at, CATEGORY_ATTRIBUTES, ['term']);
    if (name === 'generator') return attributes(n, at, ['uri', 'version']);
    if (name === 'content') {
      attributes(n, at, ['type', 'src']);
      return;
    }
    if (name === 'source') {
      container(n, at, { ...METADATA, id: '?', title: '?', updated: '?' }, false);
      return;
    }
  };
  container(roots[0], 'feed', METADATA, true);
  return out;
}
