/**
 * Titles and descriptions of a plan's pages. They are what a chat app shows when a link is
 * pasted (<title>, description, og:title, og:description), so each one names the plan with
 * its status — a draft's link must not read like a plan in force — and what the page holds.
 */
import { titleWithStatus } from '../model/cited-title.ts';
import type { CatalogEntry } from '../model/plan.ts';
import { isDraft, regionText } from './catalog.ts';

export interface PageMeta {
  /** Page title without the site name. */
  title: string;
  description: string;
}

type Entry = Pick<CatalogEntry, 'title' | 'status' | 'kind' | 'level' | 'province' | 'city' | 'county'>;

/** 这份文件是征求意见稿，不是正式印发的规划。 — said in every draft page's description. */
export const draftSentence = (entry: Pick<CatalogEntry, 'status' | 'kind'>): string =>
  isDraft(entry.status) ? `这份文件是${entry.status}，不是正式印发的${entry.kind}。` : '';

/** The plan overview page: facts, contents, indicators, overview text. */
export function planOverviewMeta(entry: Entry): PageMeta {
  return {
    title: `${titleWithStatus(entry)}：概览和目录`,
    description:
      `《${titleWithStatus(entry)}》（${regionText(entry)}，${entry.level}${entry.kind}）的基本信息、目录、主要指标，` +
      `以及编制背景、总体要求和保障措施的原文。${draftSentence(entry)}`,
  };
}

/** One task area of a plan: its clauses and 专栏 items in source order. */
export function planAreaMeta(entry: Entry, areaTitle: string, units: number, boxItems: number): PageMeta {
  const boxes = boxItems > 0 ? `（其中专栏项目 ${boxItems} 项）` : '';
  return {
    title: `${titleWithStatus(entry)}：${areaTitle}`,
    description: `《${titleWithStatus(entry)}》中关于${areaTitle}的 ${units} 条原文${boxes}，按原文顺序，编号与原文一致。${draftSentence(entry)}`,
  };
}

/** The cleaned source text in line order. */
export function planSourceMeta(entry: Entry): PageMeta {
  return {
    title: `${titleWithStatus(entry)}：原文全文（按行序）`,
    description: `《${titleWithStatus(entry)}》清理后的全文，按原文行序排列，每段标明原文第几行，方便和原件核对。${draftSentence(entry)}`,
  };
}
