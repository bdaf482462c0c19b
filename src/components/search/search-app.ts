/**
 * The search page's browser module (bundled by Astro from SearchApp.astro). No framework:
 * it reads the form, keeps query and filters in the URL, runs the shared engine
 * (src/search/engine.ts) on Pagefind and renders the results.
 *
 * The page lists only the provinces: a province's plans are fetched when it is chosen
 * (src/search/plan-lists.ts), and an address with a plan is read once its list is there.
 *
 * Markup contract: each result is an element with `data-result` containing an `a[href]`
 * to the clause (`/plans/<slug>/<area>/#<clause id>`).
 */
import { cachedRefSource, REFS_DIR } from '../../search/cited.ts';
import { SearchEngine, type Hit, type SearchOutcome } from '../../search/engine.ts';
import { decodeLexicon, indexForm, LEXICON_FILE, type Lexicon, type LexiconJson } from '../../search/lexicon.ts';
import { decodeSounds, SOUNDS_FILE } from '../../search/sounds.ts';
import { paramsFromState, plansInScope, stateFromParams, type FacetPlan, type Facets, type SearchState } from '../../search/params.ts';
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
} from '../../search/plan-lists.ts';
import { FILTER_NAMES } from '../../search/records.ts';
import { makeExcerpt, textDirective, type Excerpt } from '../../search/excerpt.ts';
import { escapeHtml } from '../../search/text.ts';
import type { TopicRef } from '../../search/topic-match.ts';
import { looserButtonText, nothingToSearchLine, partialLine, searchedLine } from '../../search/explain.ts';
import { beyondPlace, placesFile, withPlace, type NamedPlace, type PlacesBucket } from '../../search/places.ts';
import { onSite, topicPath } from '../../site/paths.ts';
import { searchReportHref } from '../../site/report-link.ts';
import { bundlesOfProvinces, filterBundles, partialScopeNote, shardBundlePath, shardsInScope, type ShardRef } from '../../search/shard-scope.ts';
import { bucketOf, chooseShards, decodeBucket, loadBytesOf, routeLimits, SHARD_WORDS_DIR, tokenShards, type ShardWordsBucket } from '../../search/shard-words.ts';
import { BUNDLES_FILE, bundlesHolding, PROVINCE_WORDS_DIR, readManifest, type BundlesManifest } from '../../search/bundles.ts';
import { planWithLexicon } from '../../search/query.ts';

// The index stores root-relative addresses; the page adds the base path it is served under.
const BUNDLE = onSite('/pagefind/');
/**
 * Pause after a keystroke before searching. Searches are cheap and a newer one discards an
 * older one's results, so none; input methods only send the committed text (see below).
 */
const DEBOUNCE_MS = 0;
/** Fewer results than this, and the page also offers the finder and the topics. */
const FEW = 3;
/**
 * From this width the filters start open; below it (phones) they stay folded so the first
 * result shows without scrolling. 37.5rem is 600 px: rem in a media query is the browser's
 * default size, whatever 大字 sets on the page.
 */
const FILTERS_OPEN_FROM = '(min-width: 37.5rem)';
/**
 * Below that width (a phone) each result's excerpt is about three lines, not five, and a
 * topic card folds its summary: with the count above them, the topic and the whole first
 * clause result fit a 360 × 640 screen. The text is chosen shorter, never clipped.
 */
const PHONE_EXCERPT_LENGTH = 48;
/**
 * 大字 on a phone: 24 px text holds 13 characters a line, so the excerpt (with its … marks)
 * is two lines,
 * which with the result's title and plan line keeps the whole first result on a 360 × 640
 * screen (the rest of the layout is in SearchApp.astro).
 */
const LARGE_PHONE_EXCERPT_LENGTH = 20;
const PHONE = '(max-width: 37.49rem)';
const largeText = () => document.documentElement.dataset.text === 'large';

/**
 * The language pagefind.js is given (as <html lang> while its instance is created): our
 * records' index (language zxx, build-index) under a tag that is not valid BCP 47. pagefind.js picks the index by the tag's first part
 * (zxx) and, as the tag is not a valid locale, reads each term character by character
 * instead of with Intl.Segmenter. With the page's own language (zh-CN) it would cut our
 * tokens again with a word segmenter (两项补贴 → 两 项 补贴); with any valid tag it would
 * still create a grapheme segmenter on every search, and the page's first one costs tens of
 * milliseconds (ICU loads its data) on the way to the first results.
 */
const PAGEFIND_LANGUAGE = 'zxx-';
/**
 * The cache tag of a bundle's entry file when the page preloads it
 * (`pagefind-entry.json?ts=<tag>`, added by the index build: src/search/search-preloads.ts):
 * Pagefind then asks for that same address (its metaCacheTag option) and gets the preload.
 */
const metaCacheTag = (bundle: string): string | null => {
  const link = document.querySelector<HTMLLinkElement>(`link[rel="preload"][href^="${bundle}pagefind-entry.json?ts="]`);
  return link ? new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('ts') : null;
};
/**
 * Milestones of the first search on the page's timeline (performance.mark, `search:<name>`):
 * `npm run bench` reads them to say where the time to the first results goes.
 */
const mark = (name: string) => {
  if (!performance.getEntriesByName(`search:${name}`).length) performance.mark(`search:${name}`);
};

const app = document.getElementById('search-app');
if (app) void start(app);

async function start(root: HTMLElement) {
  mark('script');
  // The plans the page knows: none at first, then those of each province list loaded (below).
  const facets = JSON.parse(root.dataset.facets ?? '{}') as Facets;
  const form = root.querySelector('form') as HTMLFormElement;
  const input = form.querySelector('input[name="q"]') as HTMLInputElement;
  const status = root.querySelector('[data-status]') as HTMLElement;
  const list = root.querySelector('[data-results]') as HTMLOListElement;
  const heading = root.querySelector('[data-results-heading]') as HTMLElement;
  const moreButton = root.querySelector('[data-more]') as HTMLButtonElement;
  const clearButton = root.querySelector('[data-clear]') as HTMLButtonElement;
  const filterCount = root.querySelector('[data-filter-count]') as HTMLElement;
  const understood = root.querySelector('[data-understood]') as HTMLElement;
  const topicCards = root.querySelector('[data-topic-cards]') as HTMLElement;
  const help = root.querySelector('[data-help]') as HTMLElement;
  const ask = root.querySelector('[data-ask]') as HTMLElement;
  const askReport = ask.querySelector('[data-ask-report]') as HTMLAnchorElement;
  const wider = root.querySelector('[data-wider]') as HTMLElement;
  const widerButton = wider.querySelector('button') as HTMLButtonElement;
  const topics = JSON.parse(root.dataset.topics ?? '[]') as TopicRef[];
  root.classList.add('ready');
  const filters = root.querySelector('.search-filters') as HTMLDetailsElement;
  const wide = matchMedia(FILTERS_OPEN_FROM).matches;
  if (wide) filters.open = true;

  // ---- Engine (loaded once per set of bundles; the first query waits for it) ----
  // A site built in shards cuts each province into several bundles of whole plans
  // (src/search/bundles.ts). A search loads only those its filters and words need
  // (bundleScope below): a search filtered to plans the bundles holding them, one with
  // words those holding its words (from the word → bundles table, src/search/shard-words.ts),
  // most matching records first within limits, the rest on request; one with filters only
  // a province's bundles, or beyond one province the first in catalogue order (filterBundles).
  const shards = root.dataset.shards ? (JSON.parse(root.dataset.shards) as ShardRef[]) : null;
  const engines = new Map<string, Promise<SearchEngine>>();
  /** Dictionaries, manifests and table buckets, fetched once a page. */
  const fetched = new Map<string, Promise<unknown>>();
  const fetchJson = <T,>(url: string): Promise<T> => {
    let got = fetched.get(url);
    if (!got) {
      got = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.json();
      });
      fetched.set(url, got);
      got.catch(() => fetched.delete(url));
    }
    return got as Promise<T>;
  };
  /** A place file (src/search/places.ts); one that does not load names no place. */
  const placesBucket = (bucket: number) => fetchJson<PlacesBucket>(`${BUNDLE}${REFS_DIR}/${placesFile(bucket)}`).catch(() => null);
  let nationalJson: Promise<{ json: LexiconJson; lexicon: Lexicon }> | null = null;
  const nationalLexicon = () =>
    (nationalJson ??= fetchJson<LexiconJson>(`${BUNDLE}${LEXICON_FILE}`).then((json) => ({ json, lexicon: decodeLexicon(json) })));
  /** A province's bundles and the plans each holds. */
  const manifestOf = (province: string) =>
    fetchJson<BundlesManifest>(`${onSite(shardBundlePath(province))}${BUNDLES_FILE}`).then((m) => readManifest(m, `${province}/${BUNDLES_FILE}`));
  const provinceLexicon = (province: string) => fetchJson<LexiconJson>(`${onSite(shardBundlePath(province))}${LEXICON_FILE}`).then(decodeLexicon);
  const allBundles = async (scope: ShardRef[]) => (await Promise.all(scope.map((s) => manifestOf(s.id)))).flatMap((m) => m.bundles.map((b) => b.id));
  /**
   * The bundles a search with words loads, from a word → bundles table: within one
   * province the province's own (its bundles.json and words/, with its dictionary), else
   * the national one (pagefind/lexicon.json and shard-words/) — those holding the query's
   * words, most matching records first, within the limits (routeLimits: fewer within one
   * province than nationally; `everywhere`: all of them); `holding` is every bundle in
   * scope that holds them.
   */
  const routedBundles = async (state: SearchState, scope: ShardRef[], everywhere: boolean): Promise<{ load: string[]; holding: number }> => {
    const own = scope.length === 1 ? scope[0].id : null;
    const [info, lexicon, tableBase] = own
      ? await Promise.all([manifestOf(own).then((m) => m.words), provinceLexicon(own), `${onSite(shardBundlePath(own))}${PROVINCE_WORDS_DIR}/`])
      : await nationalLexicon().then((n) => [n.json.shardWords, n.lexicon, `${BUNDLE}${SHARD_WORDS_DIR}/`] as const);
    if (!info) throw new Error('no word → bundles table');
    const inScope = bundlesOfProvinces(info.shards, scope.map((s) => s.id));
    const plan = planWithLexicon(state.q, lexicon);
    // A word no bundle holds is searched by the engine as its near forms and the words
    // that contain it: route those.
    for (const c of plan.concepts) {
      if (c.alternatives.some((a) => a.tokens.every((t) => lexicon.hasPrefix(t)))) continue;
      const single = c.alternatives.filter((a) => a.tokens.length === 1).map((a) => a.text);
      const near = single.flatMap((w) => lexicon.nearForms(w));
      const widened = near.length ? near : c.alternatives.flatMap((a) => lexicon.containing(a.text));
      for (const w of widened) c.alternatives.push({ text: w, tokens: [w], typed: false, strict: false });
    }
    const tokens = [...new Set(plan.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.tokens)))];
    const buckets = new Map<number, Map<string, Map<string, number>>>();
    await Promise.all(
      [...new Set(tokens.map((t) => bucketOf(indexForm(t), info.buckets)))].map(async (b) =>
        buckets.set(b, decodeBucket(await fetchJson<ShardWordsBucket>(`${tableBase}${b}.json`), info)),
      ),
    );
    const limits = { ...routeLimits(scope.length), metaBytes: loadBytesOf(info, tokens.length), ...(everywhere ? { shards: Infinity, records: Infinity, bytes: Infinity } : {}) };
    const choice = chooseShards(plan.concepts, (t) => tokenShards(t, buckets.get(bucketOf(indexForm(t), info.buckets))!), inScope, limits);
    // Nothing anywhere: one bundle answers "not found" as well as all of them.
    return { load: choice.load.length ? choice.load : inScope.slice(0, 1), holding: choice.holding.length };
  };
  /**
   * What a search on a site built in shards loads: its bundles, the dictionary it segments
   * the query with (a province's own within one province, else the national one) and, for
   * a routed search, how many bundles hold its words.
   */
  const bundleScope = async (state: SearchState, everywhere: boolean): Promise<{ bundles: string[]; lexicon: string | null; holding: number | null; byWords?: boolean }> => {
    const scope = shardsInScope(shards!, facets, state.filters);
    if (!scope.length) throw new Error('no shard holds the plans these filters name');
    const own = scope.length === 1 ? scope[0].id : null;
    const plans = facets.plans.filter((p) => state.filters.plan?.includes(p.value)).map((p) => p.slug);
    if (plans.length) {
      // A search filtered to plans: the bundles holding them, nothing else.
      const bundles = (await Promise.all(scope.map((s) => manifestOf(s.id)))).flatMap((m) => bundlesHolding(m, plans));
      return { bundles, lexicon: own, holding: null };
    }
    if (state.q.trim()) {
      try {
        const routed = await routedBundles(state, scope, everywhere);
        // The dictionary the words were routed with: the province's own within one province.
        return { bundles: routed.load, lexicon: own, holding: routed.holding, byWords: true };
      } catch (e) {
        // Without the table (a bucket that does not load), the search still works: every bundle in scope.
        console.error(e);
      }
    } else {
      // Filters only: the province's bundles; beyond one province the first in catalogue order
      // (listed from the national table, not from every province's bundles.json), the rest on request.
      const ids = scope.map((s) => s.id);
      const inScope = own
        ? await allBundles(scope)
        : await nationalLexicon().then((n) => (n.json.shardWords ? bundlesOfProvinces(n.json.shardWords.shards, ids) : allBundles(scope)), () => allBundles(scope));
      const first = filterBundles(inScope, scope.length, everywhere);
      return { bundles: first.load, lexicon: own, holding: first.total, byWords: false };
    }
    return { bundles: await allBundles(scope), lexicon: own, holding: null };
  };
  /** Whether the current query's search loads every bundle holding its words (after 在其余…中也检索). */
  let everywhere = false;
  let routedFor = '';
  /** The engine over these bundles (null: the single build's one bundle) with this dictionary (null: the national one). */
  const loadEngine = (bundles: string[] | null, lexiconOf: string | null = null) => {
    const key = bundles ? `${lexiconOf ?? 'national'}:${bundles.join(',')}` : '';
    let engine = engines.get(key);
    if (!engine) {
      engine = makeEngine(bundles, lexiconOf);
      engines.set(key, engine);
      engine.catch(() => engines.delete(key)); // a failed load is tried again by the next search
    }
    return engine;
  };
  const makeEngine = async (bundles: string[] | null, lexiconOf: string | null) => {
    if (bundles && !bundles.length) throw new Error('no bundle holds the plans these filters name');
    const bundle = bundles ? onSite(shardBundlePath(bundles[0])) : BUNDLE;
    // The single build: its own dictionary; one province's bundles: the province's; else the national one (every shard's words).
    const lexicon = !bundles
      ? fetchJson<LexiconJson>(`${BUNDLE}${LEXICON_FILE}`).then(decodeLexicon)
      : lexiconOf
        ? provinceLexicon(lexiconOf)
        : nationalLexicon().then((n) => n.lexicon);
    // Pagefind starts loading (its entry file, then its metadata and WebAssembly) as soon as
    // pagefind.js is there, while the dictionary is still being fetched and read.
    const started = import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pagefind) => {
      mark('pagefind.js');
      // noWorker: our searches are single words over a small index (a few ms of wasm each);
      // the worker would add 12 KB and a message round trip per word and per fragment.
      // metaCacheTag: the entry file under the address the page preloads (if it does).
      const tag = metaCacheTag(bundle);
      // createInstance takes its language from <html lang> (a `language` option is
      // overridden): the page stays zh-CN, only the instance is created under our tag.
      const html = document.documentElement;
      const lang = html.lang;
      html.lang = PAGEFIND_LANGUAGE;
      let instance;
      try {
        instance = pagefind.createInstance({ basePath: bundle, baseUrl: '/', noWorker: true, ...(tag ? { metaCacheTag: tag } : {}) });
      } finally {
        html.lang = lang;
      }
      await instance.init();
      // The other bundles: their metadata loads now, for this search only.
      await Promise.all((bundles?.slice(1) ?? []).map((other) => instance.mergeIndex(onSite(shardBundlePath(other)))));
      return instance;
    });
    const [instance, words] = await Promise.all([started, lexicon.then((l) => (mark('dictionary'), l))]);
    const refs = cachedRefSource((file) => fetchJson(`${BUNDLE}${REFS_DIR}/${file}`));
    // Fetched the first time a query holds characters no word explains (a pinyin slip, 补帖).
    const sounds = () =>
      fetch(`${BUNDLE}${SOUNDS_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${SOUNDS_FILE}: HTTP ${r.status}`);
        return r.text().then(decodeSounds);
      });
    return new SearchEngine(instance, words, { refs, topics, sounds });
  };
  /**
   * Loading ahead (focus, idle): the engine the current filters need when that does not
   * depend on the words — the single build's bundle, or the bundle of a chosen plan; never
   * a province's or the nation's bundles before anyone asked for them.
   */
  const warmEngine = () => {
    const state = readForm();
    if (!shards) return void loadEngine(null).catch(() => {});
    if (!state.filters.plan?.length) return;
    void bundleScope({ ...state, q: '' }, false).then((s) => loadEngine(s.bundles, s.lexicon)).catch(() => {});
  };

  // ---- Plan lists (issue 12: the page carries only the provinces) ----
  // A province's plans come from /data/search-plans/<province>.json when it is chosen
  // (src/search/plan-lists.ts). facets.plans holds the plans of the lists loaded so far:
  // all that reading and writing an address with a plan (stateFromParams, paramsFromState),
  // the shards in scope and the engine's plan labelling need, as the chosen provinces' lists
  // are loaded before a search runs. A search of the whole country labels with the list the
  // page carries while the catalogue is small (nationalPlans), else with none.
  const provinceSelect = form.querySelector('#search-province') as HTMLSelectElement;
  const planSelect = form.querySelector('#search-plan') as HTMLSelectElement;
  const planStatus = root.querySelector('#search-plan-status') as HTMLElement;
  const nationalPlans = root.dataset.nationalPlans ? (JSON.parse(root.dataset.nationalPlans) as NationalPlan[]) : null;
  const provinceSlugOf = (province: string) => [...provinceSelect.options].find((o) => o.value === province)?.dataset.slug ?? null;
  /** Provinces whose list has loaded. */
  const listed = new Set<string>();
  /** A province's plans, loaded once (null: no province of the site, or its list did not load — asked again next time). */
  const planList = (province: string): Promise<FacetPlan[] | null> => {
    const slug = provinceSlugOf(province);
    if (!slug) return Promise.resolve(null);
    return fetchJson<ProvincePlanList>(onSite(provincePlansFile(slug))).then(
      (list) => {
        const plans = addPlanList(facets, list);
        listed.add(province);
        return plans;
      },
      (e) => {
        console.error(e);
        return null;
      },
    );
  };
  const option = (value: string, text: string) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  };
  const CHOOSE_PROVINCE = '先选择省份，再选择这个省份的规划。';
  /**
   * The plan select for a province: its plans once its list is there (`selected` chosen),
   * else what to do first or what is happening. Both selects name the line below them
   * (aria-describedby), so it is heard with them, and not only seen as a disabled control.
   */
  const showPlans = (province: string, selected = '') => {
    if (!province || !listed.has(province)) {
      planSelect.replaceChildren(option('', province ? '正在读取规划……' : '请先选择省份'));
      planSelect.disabled = true;
      planStatus.textContent = province ? `正在读取${province}的规划……` : CHOOSE_PROVINCE;
      return;
    }
    const plans = facets.plans.filter((p) => p.province === province);
    planSelect.replaceChildren(option('', '全部规划'), ...plans.map((p) => option(p.slug, p.status === '正式' ? p.value : `${p.value}（${p.status}）`)));
    planSelect.value = plans.some((p) => p.slug === selected) ? selected : '';
    planSelect.disabled = false;
    planStatus.textContent = `${province}有 ${plans.length} 份规划，可以在“规划”里只选一份。`;
  };
  /** Shows a province's plans, loading its list first when needed (then only if that province is still chosen). */
  const choosePlans = async (province: string, selected = '') => {
    showPlans(province, selected);
    if (!province || listed.has(province)) return;
    const plans = await planList(province);
    if (provinceSelect.value !== province) return;
    if (plans) return showPlans(province, selected);
    planSelect.replaceChildren(option('', '未能读取规划'));
    planStatus.textContent = `没能读取${province}的规划，请检查网络后刷新页面再试。按省份筛选仍然有效。`;
  };
  /**
   * The state an address asks for, read once the plan lists it needs are there: those of
   * the provinces of the plans it names — for an older link with a plan and no province,
   * the plan's province is looked up first (/data/search-plans/plan/<slug>.json, fetched
   * only then) — with each plan's province added to the province filter (`widened`: the
   * address lacked it). A province named alone does not wait for its list: the search
   * loads it beside the index (run).
   */
  const readAddress = async (params: URLSearchParams): Promise<{ state: SearchState; widened: boolean }> => {
    const named = namedInAddress(params);
    if (named.plans.length) {
      await Promise.all(named.provinces.map(planList));
      const lookUp = unknownPlans(facets, named.plans).filter((v) => PLAN_SLUG.test(v));
      await Promise.all(
        lookUp.map((slug) =>
          fetchJson<PlanProvince>(onSite(planProvinceFile(slug))).then(
            (p) => planList(p.province),
            () => null, // no such plan: the address's other filters still apply
          ),
        ),
      );
    }
    const read = stateFromParams(params, facets);
    const state = withPlanProvinces(read, facets);
    return { state, widened: state !== read };
  };

  // ---- State ⇄ form ⇄ URL ----
  const readForm = (): SearchState => {
    const params = new URLSearchParams();
    params.set('q', input.value);
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-filter]')) {
      if (el instanceof HTMLInputElement ? el.checked : el.value) params.append(el.name, el.value);
    }
    return stateFromParams(params, facets);
  };
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    const params = paramsFromState(state, facets);
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-filter]')) {
      if (el === planSelect) continue;
      const values = params.getAll(el.name);
      if (el instanceof HTMLInputElement) el.checked = values.includes(el.value);
      else el.value = values.find((v) => [...el.options].some((o) => o.value === v)) ?? '';
    }
    // The chosen province's plans (at once when its list is loaded, as it is for a chosen plan).
    void choosePlans(provinceSelect.value, params.get('plan') ?? '');
    syncFilterCount(state);
  };
  const syncFilterCount = (state: SearchState) => {
    const n = FILTER_NAMES.reduce((a, f) => a + (state.filters[f]?.length ?? 0), 0);
    filterCount.textContent = n ? `（已选 ${n} 项）` : '';
    clearButton.hidden = n === 0;
  };
  const urlOf = (state: SearchState) => {
    const qs = paramsFromState(state, facets).toString();
    return `${location.pathname}${qs ? `?${qs}` : ''}`;
  };
  const setUrl = (state: SearchState, push: boolean) => {
    const url = urlOf(state);
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  // ---- Searching and rendering ----
  let seq = 0;
  let current: SearchOutcome | null = null;
  let exhausted = false;
  /** The hits on the page, to render them again when 大字 changes their excerpt's length. */
  let shown: Hit[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** `missedPlace`: the place the question names, whose plans held nothing; search every plan (places.ts `beyondPlace`). */
  const run = async (state: SearchState, missedPlace: NamedPlace | null = null) => {
    const mine = ++seq;
    syncFilterCount(state);
    const hasFilters = FILTER_NAMES.some((f) => state.filters[f]?.length);
    if (!state.q.trim() && !hasFilters) {
      current = null;
      shown = [];
      list.replaceChildren();
      topicCards.replaceChildren();
      understood.hidden = help.hidden = heading.hidden = moreButton.hidden = wider.hidden = true;
      say('');
      return;
    }
    let outcome: SearchOutcome;
    let lastScope: { searched: number; holding: number; byWords: boolean } | null = null;
    let place: NamedPlace | null = null;
    try {
      // The single build's engine does not depend on the words: it loads while the place is read.
      const single = shards ? null : loadEngine(null);
      // A county, city or province named in the question picks its plans, as the filters would
      // (src/search/places.ts); the address and the box keep the question as typed.
      const named = missedPlace ? { state: beyondPlace(state, missedPlace), place: missedPlace } : await withPlace(state, placesBucket, facets.provinces);
      place = named.place;
      const asked = named.state;
      // The chosen provinces' plans, for the engine's plan labelling: loaded beside the index
      // (before it when a place named a plan: the bundles holding it are found from the list).
      const lists = Promise.all((asked.filters.province ?? []).map(planList));
      if (place) await lists;
      let eng: SearchEngine;
      if (shards) {
        const key = `${asked.q}\n${paramsFromState({ ...asked, q: '' }, facets).toString()}`;
        if (key !== routedFor) (routedFor = key), (everywhere = false);
        const scope = await bundleScope(asked, everywhere);
        if (scope.holding !== null) lastScope = { searched: scope.bundles.length, holding: scope.holding, byWords: scope.byWords !== false };
        eng = await loadEngine(scope.bundles, scope.lexicon);
      } else eng = await single!;
      mark('engine');
      await lists;
      outcome = await eng.search(asked.q, { filters: asked.filters, plans: plansInScope(labelFacets(facets, asked, nationalPlans), asked.filters) });
    } catch (e) {
      if (mine !== seq) return;
      console.error(e);
      say('检索暂时无法使用，请稍后再试，或按领域阅读各地规划。');
      return;
    }
    if (mine !== seq) return; // a newer query is running
    // Filters only, and none of the first bundles holds a matching record (草案 plans may all
    // sit in later provinces): nothing to show is no answer, so search the rest at once
    // instead of offering a button under "没有找到".
    if (!outcome.hits.length && lastScope && !lastScope.byWords && lastScope.holding > lastScope.searched && !everywhere) {
      everywhere = true;
      return run(state, missedPlace);
    }
    // The place's plans hold nothing for the rest of the question: search every plan, and say so.
    if (place && !missedPlace && !outcome.cited && !outcome.hits.length) return run(state, place);
    current = outcome;
    exhausted = false;
    const line = outcome.cited ? null : searchedLine(place, outcome.plan, !!missedPlace);
    shown = [...outcome.hits];
    list.replaceChildren(...shown.map(renderHit));
    placeNote(line);
    heading.hidden = outcome.hits.length === 0;
    // The topic in plain words first, then the clauses.
    topicCards.replaceChildren(...outcome.topics.map(renderTopic));
    understood.textContent = line ?? '';
    understood.hidden = !line;
    // Never a dead end: few, partial or no results point to the finder and the topics.
    help.hidden = outcome.cited || !(outcome.partial || outcome.approximate || outcome.total < FEW);
    ask.hidden = help.hidden || !outcome.plan.concepts.length;
    if (!ask.hidden) askReport.href = searchReportHref(askReport.dataset.reportHref ?? askReport.href, state.q);
    syncMore();
    const partly = !outcome.cited && !!lastScope && lastScope.holding > lastScope.searched;
    say(statusText(state, outcome, !!line) + (partly ? partialScopeNote(lastScope!.searched, lastScope!.holding, lastScope!.byWords) : ''));
    wider.hidden = !partly;
    if (partly) widerButton.textContent = `在其余 ${lastScope!.holding - lastScope!.searched} 组规划中也检索`;
    root.dataset.searched = String(mine);
    // Which query the shown results answer (the box may already hold the next one).
    root.dataset.searchedQuery = state.q;
    mark('rendered');
    root.dispatchEvent(new CustomEvent('search-rendered', { detail: { query: state.q, results: outcome.hits.length, millis: outcome.millis } }));
  };

  /**
   * What was searched, seen below the first result in 大字 on a phone. There the line above
   * the results (the one a screen reader reads, after the count) is visually hidden, so the
   * first result fits the first screen; this copy shows it to the eye right after that result
   * and is hidden from screen readers (aria-hidden), which hear it once, in its place. Shown
   * only by the CSS for 大字 on a phone (SearchApp.astro).
   */
  const placeNote = (line: string | null) => {
    list.querySelector('.result-note')?.remove();
    const first = list.querySelector('[data-result]');
    if (!line || !first) return;
    const note = document.createElement('li');
    note.className = 'result-note';
    note.setAttribute('aria-hidden', 'true');
    note.textContent = line;
    first.after(note);
  };
  /** How many results are shown (the note is not one). */
  const shownCount = () => list.querySelectorAll('[data-result]').length;

  const say = (text: string) => {
    // Rewriting the same words would not be announced again; a changed text is.
    if (status.textContent !== text) status.textContent = text;
  };

  /** The button offers the rest of the main list, then the looser matches kept behind it. */
  const syncMore = () => {
    const o = current;
    const shown = shownCount();
    if (!o || exhausted || shown >= o.total + o.looser) {
      moreButton.hidden = true;
      return;
    }
    moreButton.hidden = false;
    moreButton.textContent =
      shown < o.total ? '显示更多结果' : looserButtonText(o.partial, o.looser);
  };

  const statusText = (state: SearchState, o: SearchOutcome, understoodShown: boolean) => {
    const q = state.q.trim();
    const what = q ? `“${q}”` : '所选条件';
    if (!o.plan.concepts.length && o.plan.dropped.length) return nothingToSearchLine(o.plan);
    if (!o.hits.length) return `没有找到与${what}相关的条文。可以换个说法、少输几个字，或减少筛选条件。`;
    if (o.cited) return o.hits.length > 1 ? `这个出处在 ${o.hits.length} 份规划里都有，请看是哪一份：` : `找到出处：${o.hits[0].cite}`;
    if (o.approximate) return `没有找到${what}，以下 ${o.total} 条包含相近的词。`;
    if (o.partial) return `${partialLine(o.plan)}共 ${o.total} 条。`;
    // With the 查找 line after it, the count need not repeat the words.
    const found = understoodShown ? `找到 ${o.total} 条` : `找到 ${o.total} 条与${what}相关的条文`;
    // The matches kept behind the list are named by the button under it (looserButtonText); said
    // here too, the line would wrap and push the first result off a phone's first screen in 大字.
    return `${found}${o.total > o.hits.length ? `，先显示 ${o.hits.length} 条` : ''}。`;
  };

  // Text fragments: only where supported; their context must start and end on the word
  // boundaries the browser itself uses (ICU's dictionary for Chinese). Made when a result is
  // followed, not when results are shown: the first Chinese word segmenter of a page costs
  // tens of milliseconds (ICU loads its dictionary), which would delay the first results.
  const directives = 'fragmentDirective' in document && typeof Intl.Segmenter === 'function';
  let words: Intl.Segmenter | null = null;
  const wordBoundaries = (text: string) => [...(words ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text)].map((s) => s.index).concat(text.length);
  /** Each result link's clause text and excerpt as shown, for its text directive when it is followed. */
  const linked = new WeakMap<HTMLAnchorElement, { text: string; excerpt: Excerpt }>();

  const renderTopic = (t: TopicRef): HTMLElement => {
    const card = document.createElement('section');
    card.className = 'topic-card';
    card.dataset.topicCard = t.slug;
    const id = `topic-card-${t.slug}`;
    card.setAttribute('aria-labelledby', id);
    // The name is the link (on a phone the card is that line and the summary's start).
    // On a phone the summary folds under 说明 beside the name; wide screens show it open
    // (the 说明 control is hidden there).
    card.innerHTML =
      `<h2 id="${id}"><span class="topic-card-kicker large-phone-visually-hidden">相关政策：</span>` +
      `<a href="${escapeHtml(topicPath(t.slug))}">${escapeHtml(t.name)}<span class="topic-card-also phone-visually-hidden">：各地规划怎么说</span></a></h2>` +
      `<details class="topic-card-more"${wide ? ' open' : ''}><summary>说明<span class="visually-hidden">：${escapeHtml(t.name)}是什么</span></summary>` +
      `<p>${escapeHtml(t.summary)}</p></details>`;
    return card;
  };

  const excerptOf = (h: Hit): Excerpt =>
    wide
      ? h.excerpt
      : makeExcerpt(h.text, [...new Set(h.excerpt.marks.map((m) => m.text))], largeText() && matchMedia(PHONE).matches ? LARGE_PHONE_EXCERPT_LENGTH : PHONE_EXCERPT_LENGTH);

  const renderHit = (h: Hit): HTMLLIElement => {
    const excerpt = excerptOf(h);
    const li = document.createElement('li');
    li.className = 'search-result';
    li.setAttribute('data-result', '');
    const area = h.area === '概述' ? '概述' : `${h.area}领域`;
    // The link says what the clause is about; plan, area, its number in the plan and the
    // status follow on one line (the plan is named there, so the number is enough).
    const number = h.cite.replace(/^《[^》]*》/, '');
    li.innerHTML =
      `<h3 class="result-title"><a href="${escapeHtml(onSite(h.url))}">${escapeHtml(h.about)}</a></h3>` +
      `<p class="result-meta"><span class="result-plan">${escapeHtml(h.plan)}</span><span> · ${escapeHtml(area)}</span>` +
      // 专栏 is not said twice when the number says it (专栏2 2.).
      (number.startsWith(h.kind) ? '' : `<span> · ${escapeHtml(h.kind === '指标' ? '主要指标' : h.kind)}</span>`) +
      (number ? `<span class="result-cite"> · ${escapeHtml(number)}</span>` : '') +
      (h.draft ? ` <span class="badge badge-draft">草案：${escapeHtml(h.draft)}</span>` : '') +
      `</p><p class="result-excerpt">${excerpt.html}</p>`;
    if (directives) linked.set(li.querySelector('a')!, { text: h.text, excerpt });
    return li;
  };

  const schedule = (push: boolean) => {
    clearTimeout(timer);
    const state = readForm();
    setUrl(state, push);
    timer = setTimeout(() => void run(state), push ? 0 : DEBOUNCE_MS);
  };

  // Typing updates the results (and the current history entry) without moving focus.
  // Nothing is searched while an input method is composing (pinyin letters are not the query).
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) schedule(false);
  });
  input.addEventListener('compositionend', () => schedule(false));
  input.addEventListener('focus', warmEngine, { once: true });
  // Enter or the button: a new history entry, results at once.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    schedule(true);
  });
  // Another province: its plans in the plan select (none chosen), before the form's change searches.
  provinceSelect.addEventListener('change', () => void choosePlans(provinceSelect.value));
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('[data-filter]')) schedule(true);
  });
  clearButton.addEventListener('click', () => {
    writeForm({ q: input.value, filters: {} });
    schedule(true);
    input.focus();
  });
  // A search that loaded only the bundles with the most matches (or, with filters only, the first): all of them in its scope.
  widerButton.addEventListener('click', () => {
    everywhere = true;
    void run(readForm()).then(() => input.focus());
  });
  moreButton.addEventListener('click', async () => {
    if (!current) return;
    const from = shownCount();
    const more = await current.more();
    shown.push(...more);
    list.append(...more.map(renderHit));
    if (!more.length) exhausted = true;
    syncMore();
    say(`已显示 ${shownCount()} 条。`);
    (list.querySelectorAll('[data-result]')[from]?.querySelector('a') as HTMLElement | null)?.focus();
  });
  // Following a result: in browsers with text fragments, also highlight the matched words
  // on the clause's page (href stays the plain clause link for copying, new tabs, tests).
  list.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest('a');
    const clause = a && linked.get(a);
    if (!clause || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const directive = textDirective(clause.text, clause.excerpt, wordBoundaries);
    if (!directive) return;
    e.preventDefault();
    location.assign(a.href + directive);
  });
  // 大字 switched on or off (the menu's 大字 button): a phone's excerpts change length.
  if (!wide) {
    new MutationObserver(() => {
      if (!current || !shown.length) return;
      list.replaceChildren(...shown.map(renderHit));
      placeNote(understood.hidden ? null : understood.textContent);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-text'] });
  }
  window.addEventListener('popstate', () => {
    void readAddress(new URLSearchParams(location.search)).then(({ state }) => {
      writeForm(state);
      void run(state);
    });
  });

  // Initial state from the URL (shared links, back to the page, the header search form).
  const { state: initial, widened } = await readAddress(new URLSearchParams(location.search));
  writeForm(initial);
  // An older link named a plan without its province: the address now names both.
  if (widened) setUrl(initial, false);
  if (initial.q || FILTER_NAMES.some((f) => initial.filters[f]?.length)) void run(initial);
  else if ('requestIdleCallback' in window) requestIdleCallback(warmEngine);
}
