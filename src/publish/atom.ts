/**
 * An Atom feed (RFC 4287) of the plans: one entry per plan, newest change first, so staff
 * and researchers can follow additions and changes (a new plan, a draft replaced by the
 * final text) in any feed reader.
 */

export interface AtomEntry {
  /** Permanent absolute IRI of the entry: the plan page's address. */
  id: string;
  title: string;
  /** RFC 3339 date-time of the last change. */
  updated: string;
  /** RFC 3339 date-time the plan was issued, when known. */
  published?: string;
  /** The plan page (rel=alternate). */
  link: string;
  /** The plan as data (rel=related, application/json). */
  dataLink: string;
  summary: string;
  /** The plan's status (正式, 征求意见稿 …). */
  category: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own address (rel=self). */
  self: string;
  /** The site's home page (rel=alternate). */
  home: string;
  author: string;
  entries: readonly AtomEntry[];
  /** Used as the feed's updated when it has no entries. */
  fallbackUpdated: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A yyyy-mm-dd date as an RFC 3339 date-time at midnight UTC. */
export const dayToDateTime = (day: string) => `${day}T00:00:00Z`;
/** An instant as Atom writes it: RFC 3339 in UTC, whole seconds. */
export const toDateTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function atomXml(feed: AtomFeed): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  const updated = entries[0]?.updated ?? feed.fallbackUpdated;
  const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const entryXml = (e: AtomEntry) =>
    [
      '<entry>',
      el('id', e.id),
      el('title', e.title),
      el('updated', e.updated),
      ...(e.published ? [el('published', e.published)] : []),
      `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `<link rel="related" type="application/json" href="${escapeXml(e.dataLink)}"/>`,
      `<category term="${escapeXml(e.category)}" label="${escapeXml(e.category)}"/>`,
      el('summary', e.summary),
      '</entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    el('id', feed.id),
    el('title', feed.title),
    el('subtitle', feed.subtitle),
    el('updated', updated),
    `<author>${el('name', feed.author)}</author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.home)}"/>`,
    ...entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
