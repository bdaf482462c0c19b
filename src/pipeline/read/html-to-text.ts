/**
 * A plan saved from a government portal (HTML) → its line text: the body text of the
 * article only. Navigation, scripts, styles, forms and the site's header and footer are
 * dropped; block elements end lines, <br> is a line break, and each table row is one line
 * of tab-separated cells (the layout the indicator-table reader expects from extracted text).
 */
import { parseDocument } from 'htmlparser2';
import { IngestError } from '../problems/ingest-error.ts';

/** The DOM nodes we look at (domhandler's, by shape). */
interface DomNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Never text of the plan, wherever they are. */
const DROPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'iframe', 'object', 'embed',
  'svg', 'canvas', 'button', 'select', 'input', 'textarea', 'map', 'audio', 'video',
]);
/** Page chrome when the text is taken from the whole body (inside an article they are its own heading). */
const CHROME_TAGS = new Set(['header', 'footer']);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar']);
/** Class or id words of portal chrome: menus, breadcrumbs, share bars, footers. */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'footer', 'sidebar',
  'share', 'toolbar', 'copyright', 'skip', 'topbar', 'sitemap', 'related',
]);
/** Class or id words of the article container on portals (TRS_Editor and zoom are common CMS names). */
const CONTENT_NAME = /content|article|zoom|trs_editor|detail|artibody|zhengwen|wenzhang|^main$|^text$/i;

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'ul',
]);

const words = (node: DomNode) => `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`.split(/[\s_-]+/).map((w) => w.toLowerCase()).filter(Boolean);
const isElement = (node: DomNode) => node.type === 'tag' || node.type === 'script' || node.type === 'style';

function isHidden(node: DomNode): boolean {
  const attribs = node.attribs ?? {};
  return 'hidden' in attribs || attribs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '');
}

function isDropped(node: DomNode, pageChrome: boolean): boolean {
  const name = node.name ?? '';
  if (DROPPED_TAGS.has(name) || (pageChrome && CHROME_TAGS.has(name))) return true;
  if (DROPPED_ROLES.has(node.attribs?.role ?? '')) return true;
  if (isHidden(node)) return true;
  return words(node).some((w) => CHROME_WORDS.has(w));
}

function elements(node: DomNode, keep: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  for (const child of node.children ?? []) {
    if (!isElement(child) || isDropped(child, false)) continue;
    if (keep(child)) out.push(child);
    elements(child, keep, out);
  }
  return out;
}

/** Visible text length, ignoring dropped parts: how much of the plan a container holds. */
function textLength(node: DomNode): number {
  if (node.type === 'text') return (node.data ?? '').replace(/\s+/g, '').length;
  if (!isElement(node) && node.type !== 'root') return 0;
  if (node.type !== 'root' && isDropped(node, false)) return 0;
  return (node.children ?? []).reduce((n, c) => n + textLength(c), 0);
}

/**
 * The element holding the article: among <article>, <main>, role=main, then elements named
 * like a content container, the innermost one that holds at least 80 % of the text the
 * largest holds (an outer wrapper also holds menus; an inner one is the article itself).
 */
export function articleContainer(root: DomNode): DomNode | null {
  const semantic = (n: DomNode) => n.name === 'article' || n.name === 'main' || n.attribs?.role === 'main';
  const named = (n: DomNode) => CONTENT_NAME.test(n.attribs?.id ?? '') || (n.attribs?.class ?? '').split(/\s+/).some((c) => CONTENT_NAME.test(c));
  for (const keep of [semantic, named]) {
    const candidates = elements(root, keep).map((node) => ({ node, length: textLength(node) })).filter((c) => c.length > 0);
    if (candidates.length === 0) continue;
    const most = Math.max(...candidates.map((c) => c.length));
    const inner = candidates.filter((c) => c.length >= most * 0.8).sort((a, b) => a.length - b.length)[0];
    // A container with a sliver of the page's text (a teaser box) is not the article.
    if (inner.length >= textLength(root) * 0.3) return inner.node;
  }
  return null;
}

/** Collects lines: inline text joins the current line; blocks and <br> end it. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';
  text(s: string) {
    this.current += s;
  }
  end() {
    const line = this.current.replace(/^[ ]+|[ ]+$/g, '');
    if (line !== '') this.lines.push(line);
    this.current = '';
  }
}

/** The text of a table cell on one line: its inner breaks become spaces. */
function inlineText(node: DomNode, pageChrome: boolean): string {
  const writer = new LineWriter();
  writeNode(node, writer, pageChrome);
  writer.end();
  return writer.lines.join(' ');
}

function writeRow(row: DomNode, writer: LineWriter, pageChrome: boolean) {
  const cells = (row.children ?? []).filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th') && !isDropped(c, pageChrome));
  writer.end();
  writer.text(cells.map((cell) => inlineText(cell, pageChrome).replace(/\t/g, ' ')).join('\t'));
  writer.end();
}

function writeNode(node: DomNode, writer: LineWriter, pageChrome: boolean, pre = false) {
  for (const child of node.children ?? []) {
    if (child.type === 'text') {
      const data = child.data ?? '';
      if (pre) data.split(/\r\n?|\n/).forEach((part, i) => (i > 0 && writer.end(), writer.text(part)));
      else writer.text(data.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (!isElement(child) || isDropped(child, pageChrome)) continue;
    const name = child.name ?? '';
    if (name === 'br') writer.end();
    else if (name === 'tr') writeRow(child, writer, pageChrome);
    else if (BLOCK_TAGS.has(name) || name === 'td' || name === 'th') {
      writer.end();
      writeNode(child, writer, pageChrome, pre || name === 'pre');
      writer.end();
    } else writeNode(child, writer, pageChrome, pre);
  }
}

/** Links to document attachments (PDF, Word, WPS) on a page, as written in their href. */
function attachmentLinks(node: DomNode, out: string[] = []): string[] {
  for (const child of node.children ?? []) {
    const href = child.name === 'a' ? (child.attribs?.href ?? '') : '';
    if (/\.(?:pdf|docx?|wps)(?:[?#].*)?$/i.test(href)) out.push(href);
    attachmentLinks(child, out);
  }
  return out;
}

/** Below this many characters a page holds no plan, only a link to one. */
const TOO_SHORT_FOR_A_PLAN = 300;

/**
 * The plan's line text from a decoded HTML page. A page that is only a notice linking to
 * the plan as an attachment is refused naming the attachment, which is the file to save.
 */
export function htmlToText(file: string, html: string): string {
  const document = parseDocument(html) as unknown as DomNode;
  const text = pageText(document);
  if (text.replace(/\s/g, '').length < TOO_SHORT_FOR_A_PLAN) {
    const links = attachmentLinks(document);
    if (links.length > 0) {
      throw new IngestError(file, 1, `the page has no plan text, only a link to ${links.slice(0, 3).join(', ')}: save the attachment and catalogue that file`);
    }
  }
  return text;
}

function pageText(document: DomNode): string {
  const container = articleContainer(document);
  const writer = new LineWriter();
  if (container) writeNode({ type: 'root', children: [container] }, writer, false);
  else writeNode(document, writer, true);
  writer.end();
  return writer.lines.join('\n');
}
