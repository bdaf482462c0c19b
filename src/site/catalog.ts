/** Plain-language facts about a plan's catalogue entry, shared by every page that lists plans. */
import type { CatalogEntry, Status } from '../model/plan.ts';

/** 讨论稿 and 征求意见稿 are drafts: the site must say so wherever the plan appears. */
export const isDraft = (status: Status): boolean => status !== '正式';

/** Text of the draft badge, e.g. 草案：征求意见稿; null for a final plan. */
export const draftBadgeText = (status: Status): string | null => (isDraft(status) ? `草案：${status}` : null);

/** Province, city and county as far as the catalogue names them. */
export function regionParts(entry: Pick<CatalogEntry, 'province' | 'city' | 'county'>): string[] {
  const parts = [entry.province, entry.city, entry.county].filter((p): p is string => Boolean(p));
  // A city-level plan of a municipality would repeat the same name; show it once.
  return parts.filter((p, i) => parts.indexOf(p) === i);
}

export const regionText = (entry: Pick<CatalogEntry, 'province' | 'city' | 'county'>): string => regionParts(entry).join(' ');

/** 2022-06-30 → 2022年6月30日 */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface Fact {
  label: string;
  value: string;
  /** The value links here (the official document). */
  href?: string;
}

/** Link text for a plan's official document on the issuing government's site. */
export const OFFICIAL_LINK_TEXT = '在发布机关网站查看原文';

/** The catalogue facts a plan page shows, in reading order; missing fields are left out. */
export function catalogFacts(entry: CatalogEntry): Fact[] {
  const facts: (Fact | null)[] = [
    { label: '标题', value: entry.title },
    { label: '地区', value: regionText(entry) },
    { label: '层级', value: entry.level },
    entry.issuer ? { label: '发文单位', value: entry.issuer } : null,
    entry.docNumber ? { label: '文号', value: entry.docNumber } : null,
    // 印发日期: the date the document itself bears (the feed says 印发 too); 发布日期 is when a
    // portal put it online, so the plain 日期 would leave a reader guessing which.
    entry.date ? { label: '印发日期', value: formatDate(entry.date) } : null,
    entry.published ? { label: '发布日期', value: formatDate(entry.published) } : null,
    entry.officialUrl ? { label: '官方原文', value: OFFICIAL_LINK_TEXT, href: entry.officialUrl } : null,
    { label: '类型', value: entry.kind },
    { label: '状态', value: isDraft(entry.status) ? `${entry.status}（草案，不是正式印发的文件）` : '正式印发' },
  ];
  return facts.filter((f): f is Fact => f !== null);
}
