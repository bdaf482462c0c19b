// The pure parts of a sharded build (src/shards/, src/site/build-shard.ts,
// src/site/plan-counts.ts, the lexicon merge and the search's shard scope): no build needed
// except the ingested seeds for the counts.
import { describe, expect, it } from 'vitest';
import { encodeLexicon, mergeLexicons, decodeLexicon } from '../../src/search/lexicon.ts';
import { facetsOf } from '../../src/search/params.ts';
import { bundleOfPath, bundlesOfProvinces, FILTER_BUNDLES, filterBundles, partialScopeNote, shardBundlePath, shardsInScope, scopeKey } from '../../src/search/shard-scope.ts';
import { bundleId, bundlesHolding, bundleWordCountsText, manifestOf, provinceOfBundle, readManifest, splitBundleWordCounts, splitIntoBundles } from '../../src/search/bundles.ts';
import { brokenLinks, fileForUrl, mergePlanCsv, planAssembly } from '../../src/shards/assemble.ts';
import { csvRecords, toCsv } from '../../src/publish/csv.ts';
import { bucketOf, buildShardWords, chooseShards, decodeBucket, FIRST_BYTES, loadBytesOf, parseWordCounts, REGION_BYTES, routeLimits, tokenShards, wordCountsText } from '../../src/search/shard-words.ts';
import { buildSettings, changeCount, describeChanges, describeSettingChanges, planChanges, planHash, shardFingerprint } from '../../src/shards/fingerprint.ts';
import { duration, progressLine, timeLeft } from '../../src/shards/progress.ts';
import { ownedByShard, ownedByShared, sharedOnlyPage, shardsOf } from '../../src/shards/shards.ts';
import { buildShard, rendersPlanPages, rendersSharedPages, SHARED_SHARD, shardedBuild } from '../../src/site/build-shard.ts';
import { splitsByProvince } from '../../src/site/plan-pages.ts';

const catalog = [
  { slug: 'ningxia-a', province: '宁夏回族自治区' },
  { slug: 'gansu-a', province: '甘肃省' },
  { slug: 'ningxia-b', province: '宁夏回族自治区' },
];

describe('shards', () => {
  it('are the catalogue’s provinces in national code order, each with its plans in catalogue order', () => {
    expect(shardsOf(catalog)).toEqual([
      { id: 'gansu', province: '甘肃省', slugs: ['gansu-a'] },
      { id: 'ningxia', province: '宁夏回族自治区', slugs: ['ningxia-a', 'ningxia-b'] },
    ]);
  });

  it('a province job owns its plans’ pages, finder data, citation tables, per-province pages, bundle and built assets — nothing else', () => {
    const ningxia = shardsOf(catalog)[1];
    const own = [
      'plans/ningxia-a/index.html',
      'plans/ningxia-b/kangfu/index.html',
      'finder/ningxia-a.json',
      'pagefind/refs/ningxia-b.json',
      'areas/kangfu/ningxia/index.html',
      'areas/kangfu/ningxia/2/index.html',
      'entitlements/dibao/ningxia/index.html',
      'indicators/ningxia/index.html',
      'boxes/ningxia/index.html',
      'pagefind/shards/ningxia/pagefind.js',
      '_astro/site.abc.css',
      // The search page's plan list of the province, and each of its plans' province.
      'data/search-plans/ningxia.json',
      'data/search-plans/plan/ningxia-b.json',
    ];
    const notOwn = [
      'index.html',
      'about/index.html',
      'search/index.html',
      'plans/gansu-a/index.html',
      'finder/gansu-a.json',
      'finder/index.html',
      'finder/regions/ningxia.json',
      'pagefind/refs/plans.json',
      'areas/kangfu/index.html',
      'areas/kangfu/gansu/index.html',
      'indicators/index.html',
      'provinces/ningxia/index.html',
      'pagefind/shards/gansu/pagefind.js',
      'data/search-plans/gansu.json',
      'data/search-plans/plan/gansu-a.json',
      'site.js',
    ];
    expect(own.filter((p) => !ownedByShard(p, ningxia))).toEqual([]);
    expect(notOwn.filter((p) => ownedByShard(p, ningxia))).toEqual([]);
    // The finder's per-province plan lists come with the finder page, from the whole catalogue.
    expect(['index.html', 'provinces/ningxia/index.html', 'pagefind/refs/plans.json', 'site.js', 'finder/index.html', 'finder/regions/ningxia.json'].every(ownedByShared)).toBe(true);
    expect(['plans/x/index.html', 'finder/x.json', 'pagefind/shards/x/pagefind.js'].some(ownedByShared)).toBe(false);
    // The search page's plan lists are the province jobs' (each with its own plans' filter values).
    expect(['data/search-plans/ningxia.json', 'data/search-plans/plan/ningxia-b.json'].some(ownedByShared)).toBe(false);
  });

  it('a province job leaves out the page files whose output only the shared job’s copy of is kept, and keeps the CSVs', () => {
    const shared = ['index.astro', 'about.astro', 'search.astro', '404.astro', 'indicators.astro', 'boxes/index.astro', 'finder/index.astro', 'entitlements/index.astro', 'feed.xml.ts', 'data/plan.schema.json.ts'];
    const kept = ['plans/[plan]/index.astro', 'areas/[area]/[province]/[...page].astro', 'finder/[plan].json.ts', 'data/plans/[plan].json.ts', 'data/clauses.csv.ts', 'data/indicators.csv.ts', 'data/search-plans/[province].json.ts', 'data/search-plans/plan/[plan].json.ts'];
    expect(shared.filter((f) => !sharedOnlyPage(f))).toEqual([]);
    expect(kept.filter(sharedOnlyPage)).toEqual([]);
    // What such a page writes is never a province job's own.
    expect(['index.html', 'about/index.html', 'feed.xml', 'data/plan.schema.json', 'finder/index.html'].some((p) => ownedByShard(p, { id: 'gansu', slugs: ['gansu-a'] }))).toBe(false);
  });

  it('SITE_SHARD decides what an Astro build renders; unset, everything as before', () => {
    expect(buildShard({})).toBe(null);
    expect(buildShard({ SITE_SHARD: ' gansu ' })).toBe('gansu');
    expect([rendersPlanPages(null), rendersSharedPages(null), shardedBuild(null)]).toEqual([true, true, false]);
    expect([rendersPlanPages('gansu'), rendersSharedPages('gansu'), shardedBuild('gansu')]).toEqual([true, false, true]);
    expect([rendersPlanPages(SHARED_SHARD), rendersSharedPages(SHARED_SHARD), shardedBuild(SHARED_SHARD)]).toEqual([false, true, true]);
    // A sharded build always splits by province, so the shared and the province jobs agree.
    expect(splitsByProvince(3, 7, false)).toBe(false);
    expect(splitsByProvince(3, 7, true)).toBe(true);
    expect(splitsByProvince(8, 7, false)).toBe(true);
  });
});

describe('fingerprints', () => {
  it('change with a plan’s bytes or catalogue entry and with the code, not otherwise', () => {
    const bytes = new TextEncoder().encode('一、总体要求');
    const h = planHash({ slug: 'a' }, bytes);
    expect(planHash({ slug: 'a' }, bytes)).toBe(h);
    expect(planHash({ slug: 'a' }, new TextEncoder().encode('一、总体要求。'))).not.toBe(h);
    expect(planHash({ slug: 'a', status: '正式' }, bytes)).not.toBe(h);
    const f = shardFingerprint({ a: h }, 'code');
    expect(shardFingerprint({ a: h }, 'code')).toBe(f);
    expect(shardFingerprint({ a: h }, 'code2')).not.toBe(f);
    expect(shardFingerprint({ a: h, b: h }, 'code')).not.toBe(f);
  });

  it('change with the build settings a shard’s output depends on: records a bundle holds, base path', () => {
    const province = (env: Record<string, string | undefined>) => buildSettings(env, 1500);
    expect(province({})).toEqual({ BUNDLE_RECORDS: '1500', BASE_PATH: '' });
    // Set to its default: the same build.
    expect(province({ BUNDLE_RECORDS: '1500' })).toEqual(province({}));
    expect(province({ BUNDLE_RECORDS: '100' })).toEqual({ BUNDLE_RECORDS: '100', BASE_PATH: '' });
    expect(buildSettings({ BUNDLE_RECORDS: '100', BASE_PATH: '/plans/' }, null)).toEqual({ BASE_PATH: '/plans/' });
    const f = shardFingerprint({ a: 'h' }, 'code', province({}));
    expect(shardFingerprint({ a: 'h' }, 'code', province({ BUNDLE_RECORDS: '1500' }))).toBe(f);
    expect(shardFingerprint({ a: 'h' }, 'code', province({ BUNDLE_RECORDS: '100' }))).not.toBe(f);
    expect(shardFingerprint({ a: 'h' }, 'code', province({ BASE_PATH: '/plans/' }))).not.toBe(f);
    expect(describeSettingChanges(province({ BUNDLE_RECORDS: '100' }), province({}))).toBe('BUNDLE_RECORDS 100 → 1500');
    expect(describeSettingChanges(province({}), province({ BASE_PATH: '/plans/' }))).toBe('BASE_PATH (unset) → /plans/');
    expect(describeSettingChanges(undefined, province({}))).toBe('');
  });

  it('say which plans changed, were added or removed', () => {
    const c = planChanges({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' });
    expect(c).toEqual({ added: ['d'], changed: ['b'], removed: ['c'] });
    expect(changeCount(c)).toBe(3);
    expect(describeChanges(c)).toBe('1 changed (b), 1 added (d), 1 removed (c)');
    expect(describeChanges(planChanges({ a: '1' }, { a: '1' }))).toBe('unchanged');
  });
});

describe('progress', () => {
  it('estimates the time left from the plans built so far, shared by the jobs at a time', () => {
    expect(timeLeft(0, 10, 5, 2)).toBe(null);
    expect(timeLeft(5, 20, 10, 1)).toBe(30);
    expect(timeLeft(5, 20, 10, 2)).toBe(15);
    expect(duration(8.24)).toBe('8.2s');
    expect(duration(75)).toBe('1m15s');
    expect(duration(3 * 3600 + 5 * 60)).toBe('3h05m');
  });

  it('prints one line per shard: counts, time, memory, time left', () => {
    const line = progressLine({ id: 'gansu', plans: 3, pages: 40, seconds: 30, peakMb: 350.4, outcome: 'built', note: 're-parsed gansu-a' }, { shards: 1, shardsTotal: 2, plans: 3, plansTotal: 6, jobSeconds: 30, parallel: 2 }, 31);
    expect(line).toBe('[1/2] gansu: 3 plans, 40 pages in 30.0s, peak 350 MB (re-parsed gansu-a) · 3/6 plans · elapsed 31.0s · ~15.0s left');
    const kept = progressLine({ id: 'ningxia', plans: 2, pages: 20, seconds: 0, peakMb: null, outcome: 'unchanged' }, { shards: 2, shardsTotal: 2, plans: 3, plansTotal: 3, jobSeconds: 30, parallel: 2 }, 40);
    expect(kept).toBe('[2/2] ningxia: 2 plans unchanged, kept · 3/3 plans · elapsed 40.0s');
  });
});

describe('assembly', () => {
  const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
  it('takes each job’s own files, one copy of identical ones, and reports different bytes at one path', () => {
    const a = { job: 'gansu', files: files({ 'plans/a/index.html': '1', '_astro/x.js': 'x', 'index.html': 'home-g' }), owns: (p: string) => p !== 'index.html' };
    const shared = { job: 'shared', files: files({ 'index.html': 'home', '_astro/x.js': 'x' }), owns: () => true };
    const ok = planAssembly([shared, a]);
    expect(ok.collisions).toEqual([]);
    expect(ok.dropped).toBe(1);
    expect([...ok.placed]).toEqual([
      ['index.html', 'shared'],
      ['_astro/x.js', 'shared'],
      ['plans/a/index.html', 'gansu'],
    ]);
    const b = { job: 'ningxia', files: files({ '_astro/x.js': 'other bytes' }), owns: () => true };
    expect(planAssembly([shared, a, b]).collisions).toEqual([{ path: '_astro/x.js', jobs: ['shared', 'ningxia'] }]);
  });

  it('finds the links that lead to no file of the assembled site', () => {
    const site = new Set(['index.html', 'plans/a/index.html', 'site.js', 'pagefind/refs/plans.json']);
    expect(fileForUrl('/', site)).toBe('index.html');
    expect(fileForUrl('/plans/a/', site)).toBe('plans/a/index.html');
    expect(fileForUrl('/plans/a', site)).toBe('plans/a/index.html');
    expect(fileForUrl('/plans/b/', site)).toBe(null);
    const html = '<a href="/plans/a/#c1">a</a><a href="/plans/b/">b</a><script src="/site.js"></script><a href="#top">t</a><a href="https://x.org/">x</a><a href="../missing/">m</a>';
    expect(brokenLinks('plans/a/index.html', html, site)).toEqual(['/plans/b/', '../missing/']);
  });
});

describe('search across shards', () => {
  const lexicon = (words: string[], records: number) => encodeLexicon(words, ['护理补贴', '康复'], { 残疾证: ['残疾人证'] }, { drop: ['怎么'], soft: ['政策'], records });
  it('the national dictionary holds every shard’s words and records', () => {
    const merged = mergeLexicons([lexicon(['康复', '残疾人'], 10), lexicon(['就业', '残疾人'], 5)]);
    expect(merged.words.split('\n')).toEqual(['就业', '康复', '残疾人'].sort());
    expect(merged.extra).toBe('护理补贴');
    expect(merged.records).toBe(15);
    expect(merged.aliases).toEqual({ 残疾证: ['残疾人证'] });
    expect(decodeLexicon(merged).hasPrefix('就')).toBe(true);
  });

  it('a search loads the shards of its province or plan filters, every shard without them', () => {
    const shards = [
      { id: 'beijing', province: '北京市' },
      { id: 'tianjin', province: '天津市' },
      { id: 'hebei', province: '河北省' },
    ];
    const plan = (slug: string, province: string) => ({ slug, value: slug, title: slug, status: '正式', province, level: '县级' });
    const facets = facetsOf([plan('bj-a', '北京市'), plan('tj-a', '天津市'), plan('hb-a', '河北省')], []);
    const ids = (filters: Parameters<typeof shardsInScope>[2]) => scopeKey(shardsInScope(shards, facets, filters));
    expect(ids({})).toBe('beijing,tianjin,hebei');
    expect(ids({ area: ['康复'], kind: ['专栏'] })).toBe('beijing,tianjin,hebei');
    expect(ids({ province: ['天津市'] })).toBe('tianjin');
    expect(ids({ province: ['河北省', '北京市'] })).toBe('beijing,hebei');
    expect(ids({ plan: ['tj-a'] })).toBe('tianjin');
    expect(ids({ plan: ['tj-a'], province: ['北京市'] })).toBe('');
  });
});

describe('word → provinces table', () => {
  const counts = (o: Record<string, number>) => new Map(Object.entries(o));
  const shards = [
    { id: 'beijing', counts: counts({ 康复: 40, 康复训练: 5, 就业: 10, 丹晋: 3 }) },
    { id: 'tianjin', counts: counts({ 康复: 60, 就业: 2, 乐丰: 4 }) },
    { id: 'hebei', counts: counts({ 康复: 7, 孤独症: 9 }) },
  ];
  const table = buildShardWords(shards, 2);
  const lookUp = (t: string) => tokenShards(t, decodeBucket(table.files[bucketOf(t, table.info.buckets)], table.info));

  it('splits the words into buckets by first character, each word once, every word of a first character in one bucket', () => {
    expect(table.info).toEqual({ v: 1, buckets: 3, shards: ['beijing', 'tianjin', 'hebei'] });
    expect(buildShardWords(shards.map((x, i) => ({ ...x, metaBytes: 1000 * (i + 1) }))).info.metaBytes).toEqual([1000, 2000, 3000]);
    // What a bundle costs a query: its metadata and an index chunk a word.
    const sized = buildShardWords(shards.map((x, i) => ({ ...x, metaBytes: 1000 * (i + 1), chunkBytes: 500 }))).info;
    expect(sized.chunkBytes).toEqual([500, 500, 500]);
    expect(loadBytesOf(sized, 2)).toEqual(new Map([['beijing', 2000], ['tianjin', 3000], ['hebei', 4000]]));
    const words = table.files.flatMap((f) => f.lines.split('\n').filter(Boolean).map((l) => l.split('\t')[0]));
    expect(words.sort()).toEqual(['丹晋', '乐丰', '孤独症', '就业', '康复', '康复训练'].sort());
    expect(bucketOf('康复', 3)).toBe(bucketOf('康复训练', 3));
    for (const f of table.files) for (const l of f.lines.split('\n').filter(Boolean)) expect(bucketOf(l, 3)).toBe(f.bucket);
  });

  it('gives a token’s records per province as Pagefind searches it: every word it is a prefix of', () => {
    expect(lookUp('康复')).toEqual(new Map([['beijing', 45], ['tianjin', 60], ['hebei', 7]]));
    expect(lookUp('康复训练')).toEqual(new Map([['beijing', 5]]));
    expect(lookUp('丹晋')).toEqual(new Map([['beijing', 3]]));
    expect(lookUp('量子')).toEqual(new Map());
  });

  const concept = (...alternatives: string[][]) => ({ optional: false, alternatives: alternatives.map((tokens) => ({ text: tokens.join(''), tokens, typed: true, strict: false })) });
  const scope = ['beijing', 'tianjin', 'hebei'];
  it('chooses the provinces holding every word, most records first, up to the limits; the others are held but not loaded', () => {
    expect(chooseShards([concept(['丹晋'])], lookUp, scope)).toEqual({ load: ['beijing'], holding: ['beijing'] });
    expect(chooseShards([concept(['康复'])], lookUp, scope)).toEqual({ load: ['tianjin', 'beijing', 'hebei'], holding: ['tianjin', 'beijing', 'hebei'] });
    expect(chooseShards([concept(['康复'])], lookUp, scope, { records: 100 })).toEqual({ load: ['tianjin', 'beijing'], holding: ['tianjin', 'beijing', 'hebei'] });
    expect(chooseShards([concept(['康复'])], lookUp, scope, { shards: 1 })).toEqual({ load: ['tianjin'], holding: ['tianjin', 'beijing', 'hebei'] });
    // Two words: only where both are; the rarer one decides the order.
    expect(chooseShards([concept(['康复']), concept(['就业'])], lookUp, scope).load).toEqual(['beijing', 'tianjin']);
    // An alias held elsewhere counts for its concept.
    expect(chooseShards([concept(['孤独症'], ['丹晋'])], lookUp, scope).load).toEqual(['hebei', 'beijing']);
    // No province holds both: those holding the most words (partial matches).
    expect(chooseShards([concept(['丹晋']), concept(['乐丰'])], lookUp, scope).load).toEqual(['tianjin', 'beijing']);
    // Filters narrow the scope; a word held nowhere loads nothing.
    expect(chooseShards([concept(['康复'])], lookUp, ['hebei']).load).toEqual(['hebei']);
    expect(chooseShards([concept(['量子'])], lookUp, scope)).toEqual({ load: [], holding: [] });
    // Large bundles: what loading them downloads bounds how many a first search loads (the first always).
    const meta = (kb: number) => new Map(scope.map((id) => [id, kb * 1024]));
    expect(chooseShards([concept(['康复'])], lookUp, scope, { records: Infinity, metaBytes: meta(100) }).load).toEqual(['tianjin', 'beijing']);
    expect(chooseShards([concept(['康复'])], lookUp, scope, { records: Infinity, metaBytes: meta(300) }).load).toEqual(['tianjin']);
    expect(chooseShards([concept(['康复'])], lookUp, scope, { records: Infinity, bytes: Infinity, metaBytes: meta(300) }).load).toHaveLength(3);
  });

  it('reads back the word counts a province job writes, naming the line of a bad one', () => {
    const text = wordCountsText(counts({ 就业: 10, 康复: 40 }));
    expect(parseWordCounts(text, 'words.tsv')).toEqual(counts({ 就业: 10, 康复: 40 }));
    expect(() => parseWordCounts('康复\t4\n就业 10\n', 'facts/words.tsv')).toThrow('facts/words.tsv:2: expected "word<TAB>records"');
  });
});

describe('a province cut into bundles of whole plans', () => {
  const plans = (...records: number[]) => records.map((n, i) => ({ slug: `p${i}`, records: n }));
  it('groups consecutive plans up to the record bound, never splitting a plan', () => {
    expect(splitIntoBundles(plans(40, 50, 30, 80, 10), 100)).toEqual([['p0', 'p1'], ['p2'], ['p3', 'p4']]);
    // A plan larger than the bound gets a bundle of its own.
    expect(splitIntoBundles(plans(250, 20, 30), 100)).toEqual([['p0'], ['p1', 'p2']]);
    expect(splitIntoBundles(plans(10, 10), 100)).toEqual([['p0', 'p1']]);
    expect(splitIntoBundles([], 100)).toEqual([]);
  });

  it('names its bundles by province and number, says which plans each holds, and finds a plan’s bundle', () => {
    const m = manifestOf('gansu', [['a', 'b'], ['c']]);
    expect(m.bundles).toEqual([{ id: 'gansu/0', plans: ['a', 'b'] }, { id: 'gansu/1', plans: ['c'] }]);
    expect(readManifest(JSON.parse(JSON.stringify(m)), 'f')).toEqual(m);
    expect(() => readManifest({ v: 0 } as never, 'gansu/bundles.json')).toThrow('gansu/bundles.json: not a bundles manifest');
    expect(bundlesHolding(m, ['c'])).toEqual(['gansu/1']);
    expect(bundlesHolding(m, ['b', 'c'])).toEqual(['gansu/0', 'gansu/1']);
    expect(provinceOfBundle(bundleId('gansu', 3))).toBe('gansu');
    expect(shardBundlePath('gansu/3')).toBe('/pagefind/shards/gansu/3/');
    // A requested path → its bundle; a province folder's own files are no bundle.
    expect(bundleOfPath('/pagefind/shards/gansu/3/pagefind.gansu_ab.pf_meta')).toBe('gansu/3');
    expect(bundleOfPath('/plans/pagefind/shards/gansu/0/index/x.pf_index')).toBe('gansu/0');
    expect(['/pagefind/shards/gansu/bundles.json', '/pagefind/shards/gansu/lexicon.json', '/pagefind/shards/gansu/words/0.json', '/pagefind/lexicon.json'].map(bundleOfPath)).toEqual([null, null, null, null]);
    expect(bundlesOfProvinces(['beijing/0', 'beijing/1', 'tianjin/0'], ['tianjin'])).toEqual(['tianjin/0']);
  });

  it('a search with filters only loads its province’s bundles, or beyond one province the first few, the others on request', () => {
    const national = ['beijing/0', 'beijing/1', 'beijing/2', 'tianjin/0', 'tianjin/1'];
    expect(FILTER_BUNDLES).toBeLessThan(national.length);
    expect(filterBundles(national, 2, false)).toEqual({ load: national.slice(0, FILTER_BUNDLES), total: 5 });
    expect(filterBundles(national, 2, true)).toEqual({ load: national, total: null });
    expect(filterBundles(['beijing/0', 'beijing/1', 'beijing/2'], 1, false)).toEqual({ load: ['beijing/0', 'beijing/1', 'beijing/2'], total: null });
    expect(filterBundles(['beijing/0'], 31, false)).toEqual({ load: ['beijing/0'], total: null });
    expect(partialScopeNote(2, 6, false)).toBe('（先列出前 2 组规划中的结果；共 6 组规划）');
    expect(partialScopeNote(3, 6, true)).toBe('（先在含有这些词最多的 3 组规划中检索；共 6 组规划有这些词）');
  });

  it('keeps each bundle’s word counts apart in the province’s one file', () => {
    const parts = [
      { id: 'gansu/0', text: wordCountsText(new Map([['康复', 4]])) },
      { id: 'gansu/1', text: wordCountsText(new Map([['就业', 2], ['康复', 1]])) },
    ];
    const back = splitBundleWordCounts(bundleWordCountsText(parts), 'words.tsv');
    expect(back).toEqual(parts);
    expect(parseWordCounts(back[1].text, 'x')).toEqual(new Map([['就业', 2], ['康复', 1]]));
    // The province's own word → bundles table rides in its manifest.
    const words = buildShardWords(back.map((b) => ({ id: b.id, counts: parseWordCounts(b.text, b.id) }))).info;
    expect(manifestOf('gansu', [['a'], ['b']], words).words?.shards).toEqual(['gansu/0', 'gansu/1']);
    expect(() => splitBundleWordCounts('康复\t4\n', 'facts/words.tsv')).toThrow('facts/words.tsv:1: a word before any');
  });

  it('a table of many bundles gets more buckets, so a bucket stays small', () => {
    const counts = new Map(Array.from({ length: 100 }, (_, i) => [`词${i}`, 1] as [string, number]));
    expect(buildShardWords([{ id: 'a', counts }]).info.buckets).toBe(1);
    expect(buildShardWords(Array.from({ length: 200 }, (_, i) => ({ id: `p/${i}`, counts }))).info.buckets).toBe(10);
  });

  it('a search within one province loads fewer bundles and less metadata than a national one', () => {
    expect(routeLimits(1).bytes).toBe(REGION_BYTES);
    expect(routeLimits(2).bytes).toBe(FIRST_BYTES);
    expect(routeLimits(1).shards).toBeLessThan(routeLimits(31).shards);
  });
});

describe('national open data', () => {
  const header = ['plan', 'text'];
  it('puts every province job’s rows together in catalogue order, byte for byte as one file of all plans', () => {
    const rows = { a: [['a', '一、\n总体, "要求"']], b: [['b', '二'], ['b', '三']], c: [['c', '四']] };
    const whole = toCsv(header, [...rows.a, ...rows.b, ...rows.c]);
    const merged = mergePlanCsv(
      [
        { file: 'x/clauses.csv', text: toCsv(header, [...rows.c, ...rows.a]) },
        { file: 'y/clauses.csv', text: toCsv(header, rows.b) },
      ],
      ['a', 'b', 'c'],
    );
    expect(merged).toBe(whole);
    expect(csvRecords(whole, 'w').map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('fails, naming file and line, on a different header, a plan in two files or one not in the catalogue', () => {
    const a = { file: 'beijing/data/clauses.csv', text: toCsv(header, [['a', '1'], ['b', '2']]) };
    expect(() => mergePlanCsv([a, { file: 'tianjin/data/clauses.csv', text: toCsv(['plan', 'body'], []) }], ['a', 'b'])).toThrow('tianjin/data/clauses.csv:1: header differs from beijing/data/clauses.csv:1');
    expect(() => mergePlanCsv([a, { file: 'tianjin/data/clauses.csv', text: toCsv(header, [['b', '3']]) }], ['a', 'b'])).toThrow('tianjin/data/clauses.csv:2: rows of plan "b" are also in beijing/data/clauses.csv');
    expect(() => mergePlanCsv([a], ['a'])).toThrow('beijing/data/clauses.csv:3: row of plan "b", which is not in the catalogue');
    expect(() => csvRecords('plan,text\r\na,"open\r\n', 'c.csv')).toThrow('c.csv:2: a quoted field is not closed');
  });
});
