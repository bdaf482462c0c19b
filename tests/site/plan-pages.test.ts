// Grouping plans by province and cutting them into pages (src/site/plan-pages.ts): pure,
// no built site needed.
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/model/provinces.ts';
import { areaProvincePath, provincePath } from '../../src/site/paths.ts';
import { groupByProvince, INDICATOR_PAGE_PLANS, ONE_PAGE_PLANS, pageGroups, pageParam, provincePages, provinceParams, provinceSlug, splitsByProvince } from '../../src/site/plan-pages.ts';

const plan = (slug: string, province: string) => ({ slug, province });

describe('plan pages', () => {
  it('has 31 provinces with unique names and slugs', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(31);
    expect(new Set(PROVINCES.map((p) => p.slug)).size).toBe(31);
    expect(PROVINCES.every((p) => /^[a-z][a-z0-9-]+$/.test(p.slug))).toBe(true);
  });

  it('groups by province in the national code order, keeping each group in catalogue order', () => {
    const plans = [plan('b', '宁夏回族自治区'), plan('a', '甘肃省'), plan('c', '北京市'), plan('d', '宁夏回族自治区'), plan('x', '某某特区')];
    const groups = groupByProvince(plans, (p) => p.province);
    expect(groups.map((g) => g.name)).toEqual(['北京市', '甘肃省', '宁夏回族自治区', '某某特区']);
    expect(groups[2].items.map((p) => p.slug)).toEqual(['b', 'd']);
    expect(groups.map((g) => g.slug).slice(0, 3)).toEqual(['beijing', 'gansu', 'ningxia']);
    expect(groups[3].slug).toMatch(/^p-[0-9a-f]{8}$/);
    expect(provinceSlug('某某特区')).toBe(groups[3].slug);
  });

  it('cuts each province into pages of at most the page size, never empty', () => {
    const plans = Array.from({ length: 25 }, (_, i) => plan(`p${i}`, i < 23 ? '甘肃省' : '青海省'));
    const pages = pageGroups(groupByProvince(plans, (p) => p.province), 10);
    expect(pages.map((p) => [p.slug, p.page, p.pageCount, p.items.length, p.total])).toEqual([
      ['gansu', 1, 3, 10, 23],
      ['gansu', 2, 3, 10, 23],
      ['gansu', 3, 3, 3, 23],
      ['qinghai', 1, 1, 2, 2],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(plans);
  });

  it('splits only above the page size; page 1 is the plain URL', () => {
    expect(splitsByProvince(5, 10)).toBe(false);
    expect(splitsByProvince(10, 10)).toBe(false);
    expect(splitsByProvince(11, 10)).toBe(true);
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('3');
    expect(provincePath('gansu')).toBe('/provinces/gansu/');
    expect(provincePath('gansu', 2)).toBe('/provinces/gansu/2/');
    expect(areaProvincePath('kangfu', 'gansu', 3)).toBe('/areas/kangfu/gansu/3/');
  });

  it('makes the per-province pages of a split comparison, and none while one page holds every plan', () => {
    const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ province: PROVINCES[i % 3].name, slug: `p${i}` }));
    expect(provincePages(plans(5), 5)).toEqual([]);
    // One page holds every plan up to ONE_PAGE_PLANS whatever a split page would hold (the
    // seeds' indicator comparison stays one page of 5 plans with 3 a page when split).
    expect(provincePages(plans(ONE_PAGE_PLANS), INDICATOR_PAGE_PLANS)).toEqual([]);
    const split = provincePages(plans(ONE_PAGE_PLANS + 1), INDICATOR_PAGE_PLANS);
    expect(split.length).toBeGreaterThan(0);
    expect(Math.max(...split.map((g) => g.items.length))).toBeLessThanOrEqual(INDICATOR_PAGE_PLANS);
    const pages = provincePages(plans(13), 2);
    expect(pages.map((g) => g.items.length).reduce((a, b) => a + b, 0)).toBe(13);
    expect(new Set(pages.map((g) => g.slug)).size).toBe(3);
    const params = pages.map(provinceParams);
    expect(params[0]).toEqual({ province: pages[0].slug, page: undefined });
    expect(params[1]).toEqual({ province: pages[0].slug, page: '2' });
  });
});
