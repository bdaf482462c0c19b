// The search page's plan lists (issue 12): the page carries only the provinces, each
// province's plans are a file the page fetches, and an address with a plan alone finds its
// province from a small file. Pure parts on the real catalogue, and the files and page of
// the built site (tests assume `npm run build` already ran).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/model/plan.ts';
import { readFacets } from '../../src/search/corpus.ts';
import { PLAN_LABEL_LIMIT } from '../../src/search/engine.ts';
import { paramsFromState, plansInScope, stateFromParams, type Facets } from '../../src/search/params.ts';
import {
  addPlanList,
  labelFacets,
  namedInAddress,
  PLAN_SLUG,
  planProvinceFile,
  provincePlansFile,
  unknownPlans,
  withPlanProvinces,
  type NationalPlan,
  type PlanProvince,
  type ProvincePlanList,
} from '../../src/search/plan-lists.ts';
import { planProvince, searchPlanLists } from '../../src/site/search-plans.ts';
import { DIST, ROOT, requireIndex } from './helpers.ts';

const facets = readFacets(ROOT);
const catalog = JSON.parse(readFileSync(join(ROOT, 'content/plans/catalog.json'), 'utf8')) as CatalogEntry[];
/** The page's facets before any list is loaded. */
const empty = (): Facets => ({ ...facets, plans: [] });

describe('plan lists at build time', () => {
  it('one list a province, every plan once with its facet fields, in catalogue order within the province', () => {
    const lists = searchPlanLists(catalog, false);
    expect(lists.map((l) => l.province).sort()).toEqual([...facets.provinces].sort());
    const listed = lists.flatMap((l) => l.plans.map((p) => ({ ...p, province: l.province })));
    expect(listed.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([...facets.plans].sort((a, b) => a.slug.localeCompare(b.slug)));
    for (const l of lists) expect(l.plans.map((p) => p.slug)).toEqual(facets.plans.filter((p) => p.province === l.province).map((p) => p.slug));
    expect(planProvince(catalog.find((e) => e.slug === 'huining')!)).toEqual({ province: '甘肃省', slug: 'gansu' });
  });

  it('in a sharded build, filter values are computed within each province, as that province’s index computes them', () => {
    // Two plans with one short name in two provinces: the whole catalogue tells them apart, each province alone need not.
    const base = catalog.find((e) => e.slug === 'huining')!;
    const twins: CatalogEntry[] = [
      { ...base, slug: 'a-chaoyang', shortName: '朝阳区', province: '北京市' },
      { ...base, slug: 'b-chaoyang', shortName: '朝阳区', province: '辽宁省' },
    ];
    const national = searchPlanLists(twins, false).flatMap((l) => l.plans.map((p) => p.value));
    expect(new Set(national).size).toBe(2);
    expect(searchPlanLists(twins, true).flatMap((l) => l.plans.map((p) => p.value))).toEqual(['朝阳区', '朝阳区']);
  });
});

describe('plan lists in the page', () => {
  const gansu = searchPlanLists(catalog, false).find((l) => l.slug === 'gansu')!;

  it('reads an address with a plan once its province’s list is there, adding the plan’s province', () => {
    const f = empty();
    const params = new URLSearchParams('q=护理补贴&plan=huining');
    expect(namedInAddress(params)).toEqual({ provinces: [], plans: ['huining'] });
    expect(unknownPlans(f, ['huining', '会宁县'])).toEqual(['huining', '会宁县']);
    // Before: the plan is unknown and ignored, as an unknown value always was.
    expect(stateFromParams(params, f).filters).toEqual({});
    const plans = addPlanList(f, gansu);
    expect(plans.map((p) => p.slug)).toEqual(['huining']);
    addPlanList(f, gansu); // a list loaded twice adds nothing
    expect(f.plans).toHaveLength(1);
    expect(unknownPlans(f, ['huining', '会宁县', 'beihai'])).toEqual(['beihai']);
    const state = withPlanProvinces(stateFromParams(params, f), f);
    expect(state.filters).toEqual({ plan: ['会宁县'], province: ['甘肃省'] });
    // The page writes both; the same address read again adds nothing.
    expect(paramsFromState(state, f).toString()).toBe(`q=${encodeURIComponent('护理补贴')}&plan=huining&province=${encodeURIComponent('甘肃省')}`);
    const again = stateFromParams(paramsFromState(state, f), f);
    expect(withPlanProvinces(again, f)).toBe(again);
    // Only slugs are looked up by file; the Chinese value is found in a loaded list.
    expect(['huining', 'ningxia-rural'].every((s) => PLAN_SLUG.test(s))).toBe(true);
    expect(PLAN_SLUG.test('会宁县')).toBe(false);
    expect(provincePlansFile('gansu')).toBe('/data/search-plans/gansu.json');
    expect(planProvinceFile('huining')).toBe('/data/search-plans/plan/huining.json');
  });

  it('labels with the chosen province’s plans, or nationally with the list the page carries while it is small', () => {
    const f = empty();
    addPlanList(f, gansu);
    const national: NationalPlan[] = facets.plans.map(({ value, province, level, status }) => ({ value, province, level, status }));
    const scope = (filters: Parameters<typeof plansInScope>[1], nat: NationalPlan[] | null) => plansInScope(labelFacets(f, { q: 'x', filters }, nat), filters);
    expect(scope({ province: ['甘肃省'] }, national)).toEqual(['会宁县']);
    expect(scope({ plan: ['会宁县'], province: ['甘肃省'] }, null)).toEqual(['会宁县']);
    // Nationally: as plansInScope on the whole catalogue, which the CLI and the eval read.
    expect(scope({}, national)).toEqual(plansInScope(facets, {}));
    expect(scope({ level: ['县级'] }, national)).toEqual(plansInScope(facets, { level: ['县级'] }));
    expect(scope({}, null)).toEqual([]);
  });
});

describe('the built site', () => {
  it('writes each province’s list and each plan’s province; the search page holds no plan', () => {
    requireIndex();
    const dir = join(DIST, 'data', 'search-plans');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(facets.provinces.length);
    const listed = files.flatMap((f) => {
      const list = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ProvincePlanList;
      expect(`${list.slug}.json`).toBe(f);
      return list.plans.map((p) => ({ ...p, province: list.province }));
    });
    expect(listed.map((p) => p.slug).sort()).toEqual(facets.plans.map((p) => p.slug).sort());
    for (const p of facets.plans) {
      const file = join(dir, 'plan', `${p.slug}.json`);
      expect(existsSync(file), file).toBe(true);
      const of = JSON.parse(readFileSync(file, 'utf8')) as PlanProvince;
      expect(of.province).toBe(p.province);
      expect(existsSync(join(dir, `${of.slug}.json`))).toBe(true);
    }
    const html = readFileSync(join(DIST, 'search', 'index.html'), 'utf8');
    const planSelect = /<select id="search-plan"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1];
    expect(planSelect.match(/<option/g)).toHaveLength(1);
    expect(html).not.toContain('<optgroup');
    for (const p of facets.plans) for (const form of [`value="${p.slug}"`, `&#34;${p.slug}&#34;`]) expect(html, p.slug).not.toContain(form);
    // What the page carries for a national search's labelling: no more than the engine uses.
    expect(facets.plans.length).toBeLessThanOrEqual(PLAN_LABEL_LIMIT);
    expect(html).toContain('data-national-plans=');
  });
});
