/**
 * Query and filters ⇄ URL parameters (and CLI options). One mapping for the search page,
 * the CLI and the tests: `?q=护理补贴&plan=huining&area=baozhang&kind=专栏`.
 *
 * `plan` and `area` are written as their ASCII slugs (`overview` for 概述); every filter
 * also accepts the Chinese value. Unknown values are ignored, so an old link still works.
 */
import { FILTER_NAMES, KINDS, OVERVIEW_AREA, STATUS_VALUES, type FilterName } from './records.ts';
import type { Filters } from './engine.ts';

export const OVERVIEW_SLUG = 'overview';
export const LEVELS = ['省级', '市级', '县级'] as const;

export interface FacetPlan {
  slug: string;
  value: string;
  title: string;
  status: string;
  province: string;
  level: string;
}

export interface Facets {
  /** Plans: URL slug, filter value (short name), full title, status, province, level. */
  plans: FacetPlan[];
  /** Areas: URL slug, filter value (Chinese name), title. 概述 is added by facetsOf. */
  areas: { slug: string; name: string; title: string }[];
  provinces: string[];
}

export interface SearchState {
  q: string;
  filters: Filters;
}

/** Filter value for one parameter value, or null when it names nothing. */
export function filterValue(name: FilterName, raw: string, facets: Facets): string | null {
  const v = raw.trim();
  if (!v) return null;
  switch (name) {
    case 'plan':
      return facets.plans.find((p) => p.slug === v || p.value === v)?.value ?? null;
    case 'area':
      return facets.areas.find((a) => a.slug === v || a.name === v)?.name ?? null;
    case 'province':
      return facets.provinces.includes(v) ? v : null;
    case 'level':
      return (LEVELS as readonly string[]).includes(v) ? v : null;
    case 'status':
      return (STATUS_VALUES as readonly string[]).includes(v) ? v : null;
    case 'kind':
      return (KINDS as readonly string[]).includes(v) ? v : null;
  }
}

/** URL form of a filter value (slug for plan and area). */
export function paramValue(name: FilterName, value: string, facets: Facets): string {
  if (name === 'plan') return facets.plans.find((p) => p.value === value)?.slug ?? value;
  if (name === 'area') return facets.areas.find((a) => a.name === value)?.slug ?? value;
  return value;
}

export function stateFromParams(params: URLSearchParams, facets: Facets): SearchState {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const values = params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => filterValue(name, v, facets))
      .filter((v): v is string => v !== null);
    if (values.length) filters[name] = [...new Set(values)];
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

export function paramsFromState(state: SearchState, facets: Facets): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  for (const name of FILTER_NAMES) for (const v of state.filters[name] ?? []) p.append(name, paramValue(name, v, facets));
  return p;
}

/** Facets from the catalogue-like data the site has at build time. */
export function facetsOf(
  plans: FacetPlan[],
  areas: { slug: string; name: string; title: string }[],
): Facets {
  return {
    plans,
    areas: [...areas, { slug: OVERVIEW_SLUG, name: OVERVIEW_AREA, title: '概述（背景、目标、保障措施和主要指标）' }],
    provinces: [...new Set(plans.map((p) => p.province))],
  };
}

/** Plan filter values the filters leave in scope (for the engine's plan interleaving). */
export function plansInScope(facets: Facets, filters: Filters): string[] {
  const ok = (name: FilterName, v: string) => !filters[name]?.length || filters[name]!.includes(v);
  return facets.plans
    .filter((p) => ok('plan', p.value) && ok('province', p.province) && ok('level', p.level) && ok('status', p.status === '正式' ? '正式' : '草案'))
    .map((p) => p.value);
}
