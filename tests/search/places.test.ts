// A place named in a question picks the plans to search (src/search/places.ts): the place
// files made from the real catalogue and from invented ones (two provinces with a county of
// the same name, a city with only county plans, a region with two plans); what is and is
// not read as a place; and the real built index, where 会宁县 in a question no longer makes
// every result a partial match.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/model/plan.ts';
import { searchedLine } from '../../src/search/explain.ts';
import { plansInScope } from '../../src/search/params.ts';
import { planFilterValues } from '../../src/search/records.ts';
import {
  bareName,
  beyondPlace,
  decodePlaces,
  findPlace,
  namedPlace,
  PLACE_BUCKETS,
  placeBuckets,
  placesFile,
  placesFiles,
  withPlace,
  type PlaceEntry,
  type PlacesBucket,
} from '../../src/search/places.ts';
import { builtSearch, DIST, realCorpus, requireIndex } from './helpers.ts';

const corpus = realCorpus();
const entriesOf = (files: PlacesBucket[]): PlaceEntry[] => files.flatMap((f) => decodePlaces(f, placesFile(f.bucket)));
const real = entriesOf(placesFiles(corpus.catalog));
const provinces = [...new Set(corpus.catalog.map((e) => e.province))];

/** An invented catalogue entry (only the fields the place files read matter). */
const entry = (e: Partial<CatalogEntry> & Pick<CatalogEntry, 'slug' | 'shortName' | 'province' | 'level'>): CatalogEntry =>
  ({ title: `${e.shortName}规划`, kind: '规划', status: '正式', source: 'x.txt', ...e }) as CatalogEntry;

describe('the place files', () => {
  it('name every county and city plan of the real catalogue with its plan, and a city that only holds a county plan with none', () => {
    for (const e of corpus.catalog.filter((c) => c.level !== '省级')) {
      const own = e.level === '县级' ? e.county ?? e.shortName : e.city ?? e.shortName;
      expect(real.find((p) => p.name === own), own).toEqual({ name: own, province: e.province, plans: [e.shortName] });
    }
    const baiyin = corpus.catalog.find((e) => e.level === '县级' && e.city && !corpus.catalog.some((c) => c.level === '市级' && c.city === e.city))!;
    expect(real.find((p) => p.name === baiyin.city)).toEqual({ name: baiyin.city, province: baiyin.province, plans: [] });
    // Provinces are not filed: every page knows them.
    expect(real.some((p) => provinces.includes(p.name))).toBe(false);
  });

  it('file each name under the character before its suffix, so a query fetches only the files it may need', () => {
    const files = placesFiles(corpus.catalog);
    expect(files).toHaveLength(PLACE_BUCKETS);
    for (const f of files) for (const p of decodePlaces(f, 'x')) expect(placeBuckets(`${p.name}护理补贴`)).toContain(f.bucket);
    // Most questions hold no 县 市 区 … after a character: no file is fetched.
    expect(placeBuckets('残疾证怎么办')).toEqual([]);
    expect(placeBuckets('我家孩子是自闭症能去哪里上学')).toEqual([]);
  });

  it('name the file and line of a bad entry', () => {
    expect(() => decodePlaces({ v: 1, bucket: 3, lines: '会宁县\t甘肃省' }, 'places/3.json')).toThrow(/places\/3\.json: line 1/);
    expect(() => decodePlaces({ v: 9, bucket: 3, lines: '' }, 'places/3.json')).toThrow(/places\/3\.json: version 9/);
  });

  it('are written beside the citation tables, equal to what the code builds', () => {
    requireIndex();
    for (const f of placesFiles(corpus.catalog)) {
      const file = join(DIST, 'pagefind', 'refs', placesFile(f.bucket));
      expect(existsSync(file), file).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(f);
    }
  });
});

describe('reading a place in a question', () => {
  it('a county or city written with its suffix picks its plan; the question is searched without it', () => {
    expect(findPlace('会宁县郭城驿镇的老人护理补贴咋申请', real, provinces)).toEqual({
      name: '会宁县',
      region: '会宁县',
      province: '甘肃省',
      plan: '会宁县',
      rest: '郭城驿镇的老人护理补贴咋申请',
    });
    // The word that went with it (县城, 县的) goes with it; the province named before it too.
    expect(findPlace('北海市的盲人按摩店有补贴吗', real, provinces)?.rest).toBe('盲人按摩店有补贴吗');
    expect(findPlace('甘肃省会宁县残疾人就业', real, provinces)).toMatchObject({ name: '会宁县', plan: '会宁县', rest: '残疾人就业' });
  });

  it('a name without its suffix is read when it stands as a word of its own, never inside the question', () => {
    expect(bareName('会宁县')).toBe('会宁');
    expect(bareName('巴彦淖尔市')).toBe('巴彦淖尔');
    // A one-character name (岷县) and an autonomous county's long name are read only in full.
    expect(bareName('岷县')).toBeNull();
    expect(bareName('积石山保安族东乡族撒拉族自治县')).toBeNull();
    expect(findPlace('会宁 残疾证怎么办', real, provinces)).toEqual({ name: '会宁', region: '会宁县', province: '甘肃省', plan: '会宁县', rest: '残疾证怎么办' });
    expect(findPlace('护理补贴，北海', real, provinces)).toMatchObject({ name: '北海', region: '北海市', plan: '北海市', rest: '护理补贴，' });
    // Run into the question it may be the start of a longer word: not read.
    expect(findPlace('会宁残疾证怎么办', real, provinces)).toBeNull();
    expect(findPlace('“会宁” 残疾证', real, provinces)).toBeNull();
    // Only the words standing on their own fetch a file; a question without one fetches none.
    expect(placeBuckets('会宁 残疾证怎么办')).toEqual(placeBuckets('会宁县'));
    expect(placeBuckets('会宁残疾证怎么办')).toEqual([]);
    // A query of one word names no place (护理补贴 fetches nothing); only the first and last words of several are read.
    expect(placeBuckets('护理补贴')).toEqual([]);
    expect(placeBuckets('残疾人 会宁 补贴')).toEqual(placeBuckets('残疾人 补贴'));
    const catalog = [
      entry({ slug: 'a', shortName: '合作市', province: '甘肃省', city: '合作市', level: '市级' }),
      entry({ slug: 'b', shortName: '城关区', province: '甘肃省', city: '兰州市', county: '城关区', level: '县级' }),
      entry({ slug: 'c', shortName: '城关镇规划', province: '西藏自治区', city: '拉萨市', county: '城关县', level: '县级' }),
    ];
    const invented = entriesOf(placesFiles(catalog));
    // 合作社 is a word, not 合作市; a bare name two places share (城关区, 城关县) is no place.
    expect(findPlace('残疾人 合作社 补贴', invented, ['甘肃省'])).toBeNull();
    expect(findPlace('合作 残疾人补贴', invented, ['甘肃省'])).toMatchObject({ name: '合作', region: '合作市', plan: '合作市' });
    expect(findPlace('城关 护理补贴', invented, ['甘肃省', '西藏自治区'])).toBeNull();
  });

  it('a city that only holds county plans, or a province of the site, picks the province', () => {
    expect(findPlace('白银市残疾人两项补贴', real, provinces)).toMatchObject({ name: '白银市', province: '甘肃省', plan: null, rest: '残疾人两项补贴' });
    expect(findPlace('宁夏残疾人就业补贴', real, provinces)).toMatchObject({ name: '宁夏', province: '宁夏回族自治区', plan: null, rest: '残疾人就业补贴' });
    // A province the site has no plan of is no scope (its name is searched as a word).
    expect(findPlace('四川残疾人就业补贴', real, provinces)).toBeNull();
  });

  it('reads nothing from 县里, 市里, 社区, a quoted name or a citation', () => {
    expect(findPlace('县里做不了康复得带娃去市里', real, provinces)).toBeNull();
    expect(findPlace('社区康复站在哪', real, provinces)).toBeNull();
    expect(findPlace('“会宁县”护理补贴', real, provinces)).toBeNull();
    expect(findPlace('会宁县 专栏2', real, provinces)).toBeNull();
  });

  it('a name two provinces share is ambiguous, and a region with two plans picks its province', () => {
    const catalog = [
      entry({ slug: 'a', shortName: '城关区', province: '甘肃省', city: '兰州市', county: '城关区', level: '县级' }),
      entry({ slug: 'b', shortName: '城关区', province: '西藏自治区', city: '拉萨市', county: '城关区', level: '县级' }),
      entry({ slug: 'c', shortName: '岷县', province: '甘肃省', city: '定西市', county: '岷县', level: '县级' }),
      entry({ slug: 'd', shortName: '兰州市', province: '甘肃省', city: '兰州市', level: '市级' }),
      entry({ slug: 'e', shortName: '兰州市实施方案', province: '甘肃省', city: '兰州市', level: '市级' }),
    ];
    const invented = entriesOf(placesFiles(catalog));
    // A place picks a plan by the plan filter's value, which makes a shared short name unique.
    const values = new Set(planFilterValues(catalog).values());
    expect(invented.flatMap((p) => p.plans).every((v) => values.has(v))).toBe(true);
    expect(invented.filter((p) => p.name === '城关区').map((p) => p.plans)).toEqual([['城关区规划（a）'], ['城关区规划（b）']]);
    const ps = ['甘肃省', '西藏自治区'];
    expect(findPlace('城关区残疾人护理补贴', invented, ps)).toBeNull();
    // A county whose name is one character and its suffix.
    expect(findPlace('岷县残疾人护理补贴', invented, ps)).toMatchObject({ name: '岷县', plan: '岷县' });
    expect(findPlace('兰州市残疾人护理补贴', invented, ps)).toMatchObject({ name: '兰州市', province: '甘肃省', plan: null });
  });

  it('asks only for the files it needs, and a file that does not load names no place', async () => {
    const files = placesFiles(corpus.catalog);
    const asked: number[] = [];
    const source = async (b: number) => (asked.push(b), files[b]);
    expect(await namedPlace('残疾证怎么办', source, provinces)).toBeNull();
    expect(asked).toEqual([]);
    expect((await namedPlace('会宁县护理补贴', source, provinces))?.plan).toBe('会宁县');
    expect(asked).toEqual(placeBuckets('会宁县护理补贴'));
    expect(await namedPlace('会宁县护理补贴', async () => null, provinces)).toBeNull();
    // A choice made in the filters is the reader's: the place is not read then.
    const chosen = await withPlace({ q: '会宁县护理补贴', filters: { province: ['广西壮族自治区'] } }, source, provinces);
    expect(chosen).toEqual({ state: { q: '会宁县护理补贴', filters: { province: ['广西壮族自治区'] } }, place: null });
  });
});

describe('on the real built index', () => {
  const { built } = builtSearch();

  it('a family naming its county gets full matches from its county’s plan, and the line says so', async () => {
    const s = built();
    const typed = { q: '会宁县老人护理补贴怎么申请', filters: {} };
    const before = await s.engine.search(typed.q, { plans: plansInScope(s.facets, {}) });
    // Searched as a word, the county's name is in few clauses: every result was a partial match.
    expect(before.partial).toBe(true);
    const { state, place } = await withPlace(typed, s.places, s.facets.provinces);
    expect(state.filters).toEqual({ province: ['甘肃省'], plan: ['会宁县'] });
    const after = await s.engine.search(state.q, { filters: state.filters, plans: plansInScope(s.facets, state.filters) });
    expect(after.partial).toBe(false);
    // One plan in scope: its looser matches follow its verbatim one on the first page, not behind a button.
    expect(after.hits.length).toBeGreaterThan(1);
    expect(after.hits.some((h) => h.tier === 2)).toBe(true);
    expect(after.hits.every((h) => h.plan === '会宁县')).toBe(true);
    expect(after.hits[0].text).toMatch(/护理补贴/);
    expect(searchedLine(place, after.plan)).toMatch(/^“会宁县”：只查会宁县的规划（加引号可在全部规划中查这个词）。查找：/);
  });

  it('a place whose plans hold nothing for the question: every plan is searched, and the line says the place’s plans hold nothing', async () => {
    const s = built();
    const typed = { q: '中卫市导盲犬', filters: {} };
    const { state, place } = await withPlace(typed, s.places, s.facets.provinces);
    expect(place?.plan).toBe('中卫市');
    const within = await s.engine.search(state.q, { filters: state.filters, plans: plansInScope(s.facets, state.filters) });
    expect(within.hits).toEqual([]);
    const wider = beyondPlace(typed, place!);
    expect(wider).toEqual({ q: '导盲犬', filters: {} });
    const out = await s.engine.search(wider.q, { filters: wider.filters, plans: plansInScope(s.facets, wider.filters) });
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.every((h) => h.plan !== '中卫市' && /导盲犬/.test(h.text))).toBe(true);
    expect(searchedLine(place, out.plan, true)).toMatch(/^“中卫市”：中卫市的规划里没有找到，下面是其他地方规划中的结果。/);
  });

  it('a county written without its suffix, as a word of its own, picks its plan too', async () => {
    const s = built();
    const { state, place } = await withPlace({ q: '会宁 老人护理补贴怎么申请', filters: {} }, s.places, s.facets.provinces);
    expect(state.filters).toEqual({ province: ['甘肃省'], plan: ['会宁县'] });
    const out = await s.engine.search(state.q, { filters: state.filters, plans: plansInScope(s.facets, state.filters) });
    expect(out.partial).toBe(false);
    expect(out.hits.every((h) => h.plan === '会宁县')).toBe(true);
    expect(searchedLine(place, out.plan)).toMatch(/^“会宁”：只查会宁县的规划（加引号可在全部规划中查这个词）。/);
  });

  it('a province named picks its plans', async () => {
    const s = built();
    const { state } = await withPlace({ q: '宁夏残疾人就业补贴', filters: {} }, s.places, s.facets.provinces);
    const out = await s.engine.search(state.q, { filters: state.filters, plans: plansInScope(s.facets, state.filters) });
    const ningxia = s.facets.plans.filter((p) => p.province === '宁夏回族自治区').map((p) => p.value);
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.every((h) => ningxia.includes(h.plan))).toBe(true);
  });
});
