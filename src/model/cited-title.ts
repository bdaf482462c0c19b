/**
 * The title a citation opens with: 《title》, and for a draft 《title（征求意见稿）》, so that a
 * clause copied from a draft never reads like a plan in force. One rule for the clauses'
 * citations (ingest), the search records, the citation tables and the plan names they match.
 */
import type { CatalogEntry } from './plan.ts';

/** The title with its status when it is a draft (unless the title already says so). */
export function titleWithStatus(e: Pick<CatalogEntry, 'title' | 'status'>): string {
  return e.status === '正式' || e.title.includes(e.status) ? e.title : `${e.title}（${e.status}）`;
}

/** 《title》 or 《title（status）》. */
export const citedTitle = (e: Pick<CatalogEntry, 'title' | 'status'>): string => `《${titleWithStatus(e)}》`;
