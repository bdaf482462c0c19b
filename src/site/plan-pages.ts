/**
 * How pages that list plans stay the same size at national scale: plans are grouped by
 * province (in the national code order of src/model/provinces.ts) and each group is cut
 * into pages of a fixed number of plans. A page that would list more than its page size of
 * plans instead links to one page per province; with few plans (the seeds) it lists them all.
 */
import { createHash } from 'node:crypto';
import { PROVINCES, provinceByName } from '../model/provinces.ts';
import { shardedBuild } from './build-shard.ts';

/** Plan listings (home, a province's plans): cards of catalogue facts, small per plan. */
export const LISTING_PAGE_SIZE = 100;
/**
 * A comparison (an area, a topic, the indicators, the 专栏 projects) lists every plan on one
 * page up to this many plans (the seeds' site); with more, and always in a sharded build, it
 * is split by province into pages of the family's page size below.
 */
export const ONE_PAGE_PLANS = 7;
/**
 * Plans a page of a split comparison: a comparison page holds several clauses per plan, so
 * its size is about proportional to the plans on it. The goal (issue 12) is every page within
 * 1.5× its size on the site of 5 plans, where one page holds all five: measured on synthetic
 * plans (docs/benchmarks.md, Sharded build) an area page at 7 plans a page was 2.1× that, an
 * indicator page (a row per indicator, and the targets stated in the text) at 5 a page 1.8×,
 * 专栏 at 5 a page 1.6×, a topic at 5 a page 1.4×.
 */
export const AREA_PAGE_PLANS = 4;
export const TOPIC_PAGE_PLANS = 5;
export const BOXES_PAGE_PLANS = 4;
export const INDICATOR_PAGE_PLANS = 3;

/** URL slug of a province: the table's, or for a name outside it a stable hash. */
export function provinceSlug(name: string): string {
  return provinceByName(name)?.slug ?? `p-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export interface ProvinceGroup<T> {
  name: string;
  slug: string;
  items: T[];
}

/** Items grouped by province, the 31 in code order first, then others as first met; items keep their order. */
export function groupByProvince<T>(items: readonly T[], provinceOf: (item: T) => string): ProvinceGroup<T>[] {
  const groups = new Map<string, ProvinceGroup<T>>();
  for (const item of items) {
    const name = provinceOf(item);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, slug: provinceSlug(name), items: [] }));
    group.items.push(item);
  }
  const rank = (name: string) => {
    const i = PROVINCES.findIndex((p) => p.name === name);
    return i === -1 ? PROVINCES.length : i;
  };
  return [...groups.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

export interface PagedGroup<T> {
  name: string;
  slug: string;
  /** 1-based. */
  page: number;
  pageCount: number;
  /** How many items the whole province has. */
  total: number;
  items: T[];
}

/** Every province group cut into pages of at most `size` items. */
export function pageGroups<T>(groups: readonly ProvinceGroup<T>[], size: number): PagedGroup<T>[] {
  return groups.flatMap((g) => {
    const pageCount = Math.max(1, Math.ceil(g.items.length / size));
    return Array.from({ length: pageCount }, (_, i) => ({
      name: g.name,
      slug: g.slug,
      page: i + 1,
      pageCount,
      total: g.items.length,
      items: g.items.slice(i * size, (i + 1) * size),
    }));
  });
}

/**
 * Whether a page listing `count` plans must be split by province: beyond `onePage` plans, and
 * always in a sharded build (src/site/build-shard.ts: the shared job and the province jobs
 * must agree on it without seeing each other's plans).
 */
export const splitsByProvince = (count: number, onePage: number, sharded = shardedBuild()): boolean => sharded || count > onePage;

/** The `[...page]` route parameter: none for page 1, so a province's first page is its plain URL. */
export const pageParam = (page: number): string | undefined => (page === 1 ? undefined : String(page));

/**
 * The per-province pages of a comparison that is split by province, none while one page
 * holds every plan: what the static paths of /areas/<area>/<province>/, /indicators/<province>/,
 * /entitlements/<topic>/<province>/ and /boxes/<province>/ are made of.
 */
export function provincePages<E extends { province: string }>(catalog: readonly E[], size: number): PagedGroup<E>[] {
  return splitsByProvince(catalog.length, ONE_PAGE_PLANS) ? pageGroups(groupByProvince(catalog, (e) => e.province), size) : [];
}

/** The route parameters of one province page: its province slug and page number. */
export const provinceParams = (group: Pick<PagedGroup<unknown>, 'slug' | 'page'>) => ({ province: group.slug, page: pageParam(group.page) });
