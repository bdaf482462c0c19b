// A site built in shards, for real: six synthetic plans in two provinces, packed into one
// job (ingest, one Astro build, one index process; src/shards/packing.ts) in which each
// province's Pagefind index is cut into bundles of whole plans (a small bound,
// BUNDLE_RECORDS, gives each province several), the shared pages as another job, assembled
// into one site — byte for byte the site built with one job per province; then searched in
// Chromium (a province's search loads only bundles of that province holding its words, a
// province's plan list comes from its own job's file, a plan's search loads only the bundle
// holding the plan, a national one only the bundles its words are
// in, from the word → bundles table; one with filters only its province's bundles or
// nationally the first few), its site-wide publishing files checked (national CSVs,
// sitemap), rebuilt after one plan changed (only its shard and that plan are built again,
// and the site assembled in place writing only what changed: byte for byte an assembly
// from nothing; a failed assembly leaves it as it was), and rebuilt whole when the records
// a bundle holds change.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser, newPage } from '../e2e/support/browser.ts';
import { startStaticServer, type StaticServer } from '../e2e/support/server.ts';
import type { CatalogEntry, Plan } from '../../src/model/plan.ts';
import { placesFile, placesFiles } from '../../src/search/places.ts';
import { toCsv } from '../../src/publish/csv.ts';
import { headersFile } from '../../src/publish/headers.ts';
import { CLAUSE_COLUMNS, clauseRows, INDICATOR_COLUMNS, planIndicatorCsvRows } from '../../src/publish/open-data.ts';
import { basePath, siteRoot } from '../../src/publish/site-address.ts';
import { canonicalOf, robotsTxt } from '../../src/publish/sitemap.ts';
import { parseCsv } from '../publish/parse-csv.ts';
import { BUNDLES_FILE, readManifest } from '../../src/search/bundles.ts';
import type { ProvincePlanList } from '../../src/search/plan-lists.ts';
import type { LexiconJson } from '../../src/search/lexicon.ts';
import { decodeSounds } from '../../src/search/sounds.ts';
import { REGION_SHARDS } from '../../src/search/shard-words.ts';
import { ownedByShard } from '../../src/shards/shards.ts';
import { bundleOfPath, FILTER_BUNDLES } from '../../src/search/shard-scope.ts';
import { searchBytes } from '../../scripts/bench/shards.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Records a bundle holds at most here: a synthetic plan has ~100, so about one plan a bundle, three a province. */
const BUNDLE_RECORDS = 100;
const tmp = mkdtempSync(join(tmpdir(), 'shards-test-'));
const seeds = join(tmp, 'seeds');
const work = join(tmp, 'work');
const dist = join(tmp, 'dist');

// Asynchronous, so the test worker keeps answering vitest while the build runs for minutes.
async function tsx(args: string[], env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), args, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, BUNDLE_RECORDS: String(BUNDLE_RECORDS), ...env },
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${args.join(' ')} failed:\n${e.stdout?.slice(-3000)}\n${e.stderr?.slice(-3000)}`);
  }
}
// One job at a time, so the two small provinces are packed into one job (with two at a time each would get a core).
const buildShards = (env: Record<string, string> = {}) => tsx(['scripts/build-shards.ts', '--seeds', seeds, '--work', work, '--out', dist, '--jobs', '1'], env);
const assemble = (out: string) => tsx(['scripts/assemble-shards.ts', '--seeds', seeds, '--work', work, '--out', out]);
const record = (job: string) => JSON.parse(readFileSync(join(work, job, 'shard.json'), 'utf8'));

let firstRun = '';
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  await tsx(['scripts/synth.ts', '--plans', '6', '--provinces', '2', '--out', seeds]);
  firstRun = await buildShards();
  server = await startStaticServer(dist);
  browser = await launchBrowser();
}, 1_200_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('two-shard assembly', () => {
  it('builds both provinces in one packed job and the shared pages as another, and assembles them without collisions or dead links', () => {
    expect(firstRun).toMatch(/6 plans in 2 province shards/);
    expect(firstRun).toMatch(/2 to build \(6 plans\) in 1 job of at most 6 plans/);
    expect(firstRun).toMatch(/\(job beijing\+tianjin of 2 provinces\)/);
    expect(record('beijing').job).toBe('beijing+tianjin');
    expect(firstRun).toMatch(/\[1\/2\] (beijing|tianjin): 3 plans, \d+ pages/);
    expect(firstRun).toMatch(/\[2\/2\] (beijing|tianjin): 3 plans, \d+ pages .* 6\/6 plans/);
    expect(firstRun).toMatch(/no collisions, every link resolves/);
    expect(firstRun).toMatch(/build:shards done in .*rebuilt 2 of 2 province shards \(beijing, tianjin\) in 1 job,/);
    // Each province job holds only its own plans and bundle; the shared job none.
    expect(readdirSync(join(work, 'beijing', 'site', 'plans')).every((s) => s.startsWith('beijing-'))).toBe(true);
    expect(readdirSync(join(work, 'tianjin', 'site', 'plans')).every((s) => s.startsWith('tianjin-'))).toBe(true);
    expect(existsSync(join(work, 'shared', 'site', 'plans'))).toBe(false);
    // A province job builds none of the pages the assembly takes from the shared job, but its CSV rows.
    expect(existsSync(join(work, 'beijing', 'site', 'index.html'))).toBe(false);
    expect(existsSync(join(work, 'beijing', 'site', 'search', 'index.html'))).toBe(false);
    expect(existsSync(join(work, 'beijing', 'site', 'data', 'clauses.csv'))).toBe(true);
    expect(readdirSync(join(dist, 'pagefind', 'shards')).sort()).toEqual(['beijing', 'tianjin']);
    const plans = readdirSync(join(dist, 'plans'));
    expect(plans).toHaveLength(6);
    // Pages from both kinds of job side by side: the home page (shared) links to each province's pages.
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('/provinces/beijing/');
    expect(existsSync(join(dist, 'areas', 'kangfu', 'beijing', 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind', 'lexicon.json'))).toBe(true);
    // The national sound table (pinyin slips): every province's, read as one.
    const sounds = decodeSounds(readFileSync(join(dist, 'pagefind', 'sounds.txt'), 'utf8'));
    for (const province of ['beijing', 'tianjin']) {
      const own = decodeSounds(readFileSync(join(work, province, 'site', 'pagefind', 'shards', province, 'sounds.txt'), 'utf8'));
      for (const [c, readings] of own.readings) expect(sounds.readings.get(c), c).toEqual(expect.arrayContaining([...readings]));
      for (const w of own.words) expect(sounds.words.has(w), w).toBe(true);
    }
    expect(existsSync(join(dist, 'pagefind', 'refs', 'plans.json'))).toBe(true);
    // The place files (a county or city named in a question) come from the whole catalogue, with the shared job.
    const catalog = (parse(readFileSync(join(seeds, 'catalog.yaml'), 'utf8')) as { plans: CatalogEntry[] }).plans;
    for (const f of placesFiles(catalog)) expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'refs', placesFile(f.bucket)), 'utf8'))).toEqual(f);
    expect(placesFiles(catalog).some((f) => f.lines)).toBe(true);
  });

  it('cuts each province into bundles of whole plans, each plan in one, and the table maps words to those bundles', () => {
    const national = JSON.parse(readFileSync(join(dist, 'pagefind', 'lexicon.json'), 'utf8')) as LexiconJson;
    const listed: string[] = [];
    for (const province of ['beijing', 'tianjin']) {
      const manifest = readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', province, BUNDLES_FILE), 'utf8')), province);
      expect(manifest.bundles.length).toBeGreaterThan(1);
      const plans = manifest.bundles.flatMap((b) => b.plans);
      expect(plans.sort()).toEqual(readdirSync(join(dist, 'plans')).filter((s) => s.startsWith(`${province}-`)).sort());
      for (const b of manifest.bundles) {
        expect(b.id).toMatch(new RegExp(`^${province}/\\d+$`));
        const files = readdirSync(join(dist, 'pagefind', 'shards', b.id));
        expect(files).toContain('pagefind.js');
        expect(files.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
        // The bundle holds its plans' records and no other plan's.
        const urls = readFileSync(join(dist, 'pagefind', 'shards', b.id, 'pagefind-entry.json'), 'utf8');
        expect(urls).toMatch(/"page_count":\d+/);
        listed.push(b.id);
      }
      // The province's own dictionary stays beside its bundles.
      expect(existsSync(join(dist, 'pagefind', 'shards', province, 'lexicon.json'))).toBe(true);
    }
    expect(national.shardWords!.shards.sort()).toEqual(listed.sort());
    expect(national.shardWords!.metaBytes).toHaveLength(listed.length);
    expect(firstRun).toMatch(/word → bundles table \(\d+ bundles\)/);
  });
});

/** Opens the search page and records every path it requests. */
async function openSearch(query: string): Promise<{ page: Page; requests: string[] }> {
  const page = await newPage(browser, { width: 1280, height: 900 });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/search/${query}`);
  return { page, requests };
}

async function results(page: Page): Promise<{ href: string; meta: string }[]> {
  await page.waitForFunction(() => /找到|没有/.test(document.querySelector('[data-status]')?.textContent ?? '') && !!document.getElementById('search-app')?.dataset.searched, null, {
    timeout: 30_000,
  });
  return page.$$eval('[data-result]', (els) => els.map((el) => ({ href: el.querySelector('a')!.getAttribute('href')!, meta: el.querySelector('.result-meta')!.textContent ?? '' })));
}

const metaFiles = (requests: string[], shard: string) => requests.filter((p) => p.startsWith(`/pagefind/shards/${shard}/`) && p.endsWith('.pf_meta'));

describe('search across shards', () => {
  it('loads no index when the page opens', async () => {
    const { page, requests } = await openSearch('');
    await page.waitForTimeout(1500);
    expect(requests.filter((p) => p.endsWith('.pf_meta'))).toEqual([]);
    // Nothing of the search is preloaded: not the national dictionary (a province's search
    // reads its own), nor the entry and metadata files the index build adds to a site built
    // in one piece (src/search/search-preloads.ts).
    const html = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
    expect(html.match(/<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*>/g) ?? []).toEqual([]);
    expect(requests).not.toContain('/pagefind/lexicon.json');
    await page.close();
  });

  it('a search within a province loads only bundles of that province holding its words, and finds only its plans', async () => {
    const { page, requests } = await openSearch('?q=康复&province=北京市');
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.href.startsWith('/plans/beijing-'))).toBe(true);
    // Routed by the province's own word → bundles table and dictionary (none of the national
    // files, which grow with the number of provinces), within the limits of a province search.
    expect(requests.filter((p) => /^\/pagefind\/shards\/beijing\/words\/\d+\.json$/.test(p))).toHaveLength(1);
    expect(requests).toContain('/pagefind/shards/beijing/lexicon.json');
    expect(requests.filter((p) => p.startsWith('/pagefind/shard-words/') || p === '/pagefind/lexicon.json')).toEqual([]);
    const loaded = metaFiles(requests, 'beijing');
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.length).toBeLessThanOrEqual(REGION_SHARDS);
    expect(requests.filter((p) => p.startsWith('/pagefind/shards/tianjin/'))).toEqual([]);
    await page.close();
  });

  it('a search filtered to one plan loads only the bundle holding that plan', async () => {
    const manifest = readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', 'tianjin', BUNDLES_FILE), 'utf8')), 'tianjin');
    const holding = manifest.bundles.find((b) => b.plans.includes('tianjin-lefeng'))!.id;
    for (const q of ['?q=就业&plan=tianjin-lefeng', '?plan=tianjin-lefeng&kind=专栏']) {
      const { page, requests } = await openSearch(q);
      const hits = await results(page);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.href.startsWith('/plans/tianjin-lefeng/'))).toBe(true);
      const bundles = new Set(requests.filter((p) => p.endsWith('.pf_meta')).map((p) => p.split('/').slice(3, 5).join('/')));
      expect([...bundles]).toEqual([holding]);
      await page.close();
    }
  });

  it('a province’s plan list comes from its own job’s file; a plan chosen from it searches only that province’s bundles', async () => {
    // Each province job wrote its list and its plans' provinces; the shared job none.
    for (const province of ['beijing', 'tianjin']) {
      const list = JSON.parse(readFileSync(join(dist, 'data', 'search-plans', `${province}.json`), 'utf8')) as ProvincePlanList;
      expect(list.slug).toBe(province);
      expect(list.plans.map((p) => p.slug).sort()).toEqual(readdirSync(join(dist, 'plans')).filter((s) => s.startsWith(`${province}-`)).sort());
      expect(existsSync(join(work, province, 'site', 'data', 'search-plans', `${province}.json`))).toBe(true);
      for (const p of list.plans) expect(JSON.parse(readFileSync(join(dist, 'data', 'search-plans', 'plan', `${p.slug}.json`), 'utf8'))).toEqual({ province: list.province, slug: province });
    }
    expect(existsSync(join(work, 'shared', 'site', 'data', 'search-plans'))).toBe(false);
    const html = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
    expect(/<select id="search-plan"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1].match(/<option/g)).toHaveLength(1);
    expect(html).not.toContain('tianjin-lefeng');

    const { page, requests } = await openSearch('');
    await page.waitForFunction(() => document.getElementById('search-app')?.classList.contains('ready'));
    await page.selectOption('#search-province', '天津市');
    await page.waitForFunction(() => !(document.getElementById('search-plan') as HTMLSelectElement).disabled);
    expect(requests.filter((p) => p.startsWith('/data/search-plans/'))).toEqual(['/data/search-plans/tianjin.json']);
    const options = await page.locator('#search-plan option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.filter(Boolean).sort()).toEqual(catalogSlugs().filter((s) => s.startsWith('tianjin-')).sort());
    await page.selectOption('#search-plan', 'tianjin-lefeng');
    await page.waitForURL(/plan=tianjin-lefeng/);
    expect(new URL(page.url()).searchParams.get('province')).toBe('天津市');
    await page.fill('#search-q', '就业');
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.searchedQuery === '就业');
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.href.startsWith('/plans/tianjin-lefeng/'))).toBe(true);
    // Only Tianjin's files: its list, its bundles; nothing of Beijing's, no national table.
    expect(requests.filter((p) => p.startsWith('/pagefind/shards/') && !p.startsWith('/pagefind/shards/tianjin/'))).toEqual([]);
    expect(requests.filter((p) => p.startsWith('/pagefind/shard-words/'))).toEqual([]);
    expect(metaFiles(requests, 'tianjin').length).toBeGreaterThan(0);
    await page.close();
  });

  it('when the word → bundles table does not load, a search within a province loads all its bundles', async () => {
    const page = await newPage(browser, { width: 1280, height: 900 });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.route(/\/pagefind\/(shard-words|shards\/[^/]+\/words)\//, (route) => route.abort());
    await page.goto(`${server.url}/search/?q=康复&province=天津市`);
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.href.startsWith('/plans/tianjin-'))).toBe(true);
    const manifest = readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', 'tianjin', BUNDLES_FILE), 'utf8')), 'tianjin');
    expect(metaFiles(requests, 'tianjin')).toHaveLength(manifest.bundles.length);
    expect(requests.filter((p) => p.startsWith('/pagefind/shards/beijing/'))).toEqual([]);
    await page.close();
  });

  it('a national search for a word both provinces hold merges both bundles; results link to their clause', async () => {
    const { page, requests } = await openSearch('?q=康复');
    const hits = await results(page);
    expect(hits.some((h) => h.href.startsWith('/plans/beijing-'))).toBe(true);
    expect(hits.some((h) => h.href.startsWith('/plans/tianjin-'))).toBe(true);
    expect(metaFiles(requests, 'beijing').length).toBeGreaterThan(0);
    expect(metaFiles(requests, 'tianjin').length).toBeGreaterThan(0);
    expect(requests).toContain('/pagefind/lexicon.json');
    // It looked its word up in the word → bundles table first.
    expect(requests.filter((p) => /^\/pagefind\/shard-words\/\d+\.json$/.test(p))).toHaveLength(1);
    // The first result's page is there (built by its province's job) with the clause on it.
    const [path, anchor] = hits[0].href.split('#');
    const clause = await newPage(browser, { width: 1280, height: 900 });
    const response = await clause.goto(server.url + path);
    expect(response?.status()).toBe(200);
    expect(await clause.locator(`[id="${anchor}"]`).count()).toBe(1);
    await clause.close();
    await page.close();
  });

  it('a national search for a word only one province holds loads only that province’s bundle', async () => {
    // The county of a Tianjin plan: an invented place name no Beijing plan has.
    const county = /slug: tianjin-lefeng[\s\S]*?county: (\S+)/.exec(readFileSync(join(seeds, 'catalog.yaml'), 'utf8'))![1];
    const { page, requests } = await openSearch(`?q=${encodeURIComponent(county)}`);
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.href.startsWith('/plans/tianjin-lefeng/'))).toBe(true);
    // Only the bundle holding that plan.
    expect(metaFiles(requests, 'tianjin')).toHaveLength(1);
    expect(requests.filter((p) => p.startsWith('/pagefind/shards/beijing/'))).toEqual([]);
    expect(await page.locator('[data-wider]').isHidden()).toBe(true);
    await page.close();
  });

  it('a search for a word with many matches loads the bundles with the most first, and the others on request', async () => {
    // 残疾人: in most records of every bundle, more than FIRST_RECORDS (200) in all of them together.
    const bundlesOf = (province: string) => readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', province, BUNDLES_FILE), 'utf8')), province).bundles.length;
    const all = bundlesOf('beijing') + bundlesOf('tianjin');
    const loaded = (requests: string[]) => new Set(requests.filter((p) => p.startsWith('/pagefind/shards/') && p.endsWith('.pf_meta'))).size;
    for (const [query, holding] of [
      ['?q=残疾人', all],
      ['?q=残疾人&province=北京市', bundlesOf('beijing')],
    ] as const) {
      const { page, requests } = await openSearch(query);
      const hits = await results(page);
      expect(hits.length).toBeGreaterThan(0);
      const first = loaded(requests);
      expect(first).toBeLessThan(holding);
      expect(await page.locator('[data-status]').textContent()).toContain(`先在含有这些词最多的 ${first} 组规划中检索；共 ${holding} 组规划有这些词`);
      const wider = page.locator('[data-wider] button');
      expect(await wider.textContent()).toBe(`在其余 ${holding - first} 组规划中也检索`);
      const before = await page.getAttribute('#search-app', 'data-searched');
      await wider.click();
      await page.waitForFunction((n) => document.getElementById('search-app')?.dataset.searched !== n, before);
      expect((await results(page)).length).toBeGreaterThan(0);
      // Every bundle in scope holding the word.
      expect(loaded(requests)).toBe(holding);
      expect(await page.locator('[data-wider]').isHidden()).toBe(true);
      await page.close();
    }
  });

  it('a search with filters but no words loads its province’s bundles, or nationally the first few, the others on request', async () => {
    const bundlesOf = (province: string) => readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', province, BUNDLES_FILE), 'utf8')), province).bundles.map((b) => b.id);
    const all = [...bundlesOf('beijing'), ...bundlesOf('tianjin')];
    const loaded = (requests: string[]) => [...new Set(requests.filter((p) => p.endsWith('.pf_meta')).map(bundleOfPath))].sort();

    // One province: its bundles, none of the other's, no note.
    const one = await openSearch('?province=天津市&kind=专栏');
    const oneHits = await results(one.page);
    expect(oneHits.length).toBeGreaterThan(0);
    expect(oneHits.every((h) => h.href.startsWith('/plans/tianjin-'))).toBe(true);
    expect(loaded(one.requests)).toEqual(bundlesOf('tianjin').sort());
    expect(await one.page.locator('[data-wider]').isHidden()).toBe(true);
    await one.page.close();

    // Nationally: the first bundles in catalogue order, no word table; the rest on request.
    const { page, requests } = await openSearch('?kind=专栏');
    const first = await results(page);
    expect(first.length).toBeGreaterThan(0);
    expect(loaded(requests)).toEqual(all.slice(0, FILTER_BUNDLES).sort());
    expect(FILTER_BUNDLES).toBeLessThan(all.length);
    expect(requests.filter((p) => p.includes('/shard-words/') || /\/words\/\d+\.json$/.test(p))).toEqual([]);
    expect(await page.locator('[data-status]').textContent()).toContain(`（先列出前 ${FILTER_BUNDLES} 组规划中的结果；共 ${all.length} 组规划）`);
    const wider = page.locator('[data-wider] button');
    expect(await wider.textContent()).toBe(`在其余 ${all.length - FILTER_BUNDLES} 组规划中也检索`);
    const before = await page.getAttribute('#search-app', 'data-searched');
    await wider.click();
    await page.waitForFunction((n) => document.getElementById('search-app')?.dataset.searched !== n, before);
    const every = await results(page);
    expect(loaded(requests)).toEqual([...all].sort());
    expect(every.some((h) => h.href.startsWith('/plans/beijing-'))).toBe(true);
    expect(every.some((h) => h.href.startsWith('/plans/tianjin-'))).toBe(true);
    expect(await page.locator('[data-wider]').isHidden()).toBe(true);
    await page.close();
  });

  it('a national list without words whose first bundles hold no match searches the others by itself', async () => {
    // Precondition from the synthetic catalogue: the plans of the first bundles are all drafts.
    const table = JSON.parse(readFileSync(join(dist, 'pagefind', 'lexicon.json'), 'utf8')) as LexiconJson;
    const firstBundles = table.shardWords!.shards.slice(0, FILTER_BUNDLES);
    const manifests = ['beijing', 'tianjin'].flatMap((p) => readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', p, BUNDLES_FILE), 'utf8')), p).bundles);
    const firstPlans = manifests.filter((b) => firstBundles.includes(b.id)).flatMap((b) => b.plans);
    const catalog = (parse(readFileSync(join(seeds, 'catalog.yaml'), 'utf8')) as { plans: { slug: string; status: string }[] }).plans;
    const statusOf = (slug: string) => catalog.find((e) => e.slug === slug)?.status;
    expect(firstPlans.length).toBeGreaterThan(0);
    expect(firstPlans.map(statusOf).every((s) => s && s !== '正式'), `first bundles ${firstBundles.join(', ')} hold ${firstPlans.join(', ')}`).toBe(true);

    const { page, requests } = await openSearch('?status=正式&kind=专栏');
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(await page.locator('[data-status]').textContent()).not.toContain('没有');
    // It went past the first bundles without being asked, and says nothing of a partial scope.
    const loaded = new Set(requests.filter((p) => p.endsWith('.pf_meta')).map(bundleOfPath));
    expect(loaded.size).toBeGreaterThan(FILTER_BUNDLES);
    expect(await page.locator('[data-wider]').isHidden()).toBe(true);
    await page.close();
  });

  it('the benchmark counts the search bundles a search loaded, not their provinces', async () => {
    const query = '?q=残疾人&province=北京市';
    const { page, requests } = await openSearch(query);
    await results(page);
    await page.close();
    const loaded = new Set(requests.map(bundleOfPath).filter((b) => b !== null));
    // Two bundles of one province (REGION_SHARDS): one province folder.
    expect(loaded.size).toBeGreaterThan(1);
    expect(loaded.size).toBeLessThanOrEqual(REGION_SHARDS);
    expect(new Set([...loaded].map((b) => b!.split('/')[0])).size).toBe(1);
    const [, , counted] = await searchBytes(`${server.url}/search/${query}`, browser, '残疾人', '就业');
    expect(counted).toBe(loaded.size);
  });

  it('filters and each result’s plan and area keep working across shards', async () => {
    const { page } = await openSearch('?q=康复&kind=专栏&area=kangfu');
    const hits = await results(page);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.meta).toContain('康复领域');
      expect(h.meta).toContain('专栏');
      expect(h.meta).toMatch(/^\S+?(县|市|区|旗|省|自治区)/);
    }
    await page.close();
    const plan = await openSearch('?q=就业&plan=tianjin-lefeng');
    const planHits = await results(plan.page);
    expect(planHits.length).toBeGreaterThan(0);
    expect(planHits.every((h) => h.href.startsWith('/plans/tianjin-lefeng/'))).toBe(true);
    expect(plan.requests.filter((p) => p.startsWith('/pagefind/shards/beijing/'))).toEqual([]);
    await plan.page.close();
  });
});

describe('site-wide publishing files of the assembly', () => {
  const catalogOrder = () => [...readFileSync(join(seeds, 'catalog.yaml'), 'utf8').matchAll(/slug: (\S+)/g)].map((m) => m[1]);
  const planModel = (slug: string): Plan => {
    const shard = slug.split('-')[0];
    return JSON.parse(readFileSync(join(work, shard, 'plans', slug, 'plan.json'), 'utf8')) as Plan;
  };

  it('the national CSVs hold every plan’s rows in catalogue order, the bytes one build of all plans writes', () => {
    const order = catalogOrder();
    expect(order).toHaveLength(6);
    const plans = order.map(planModel);
    for (const [file, columns, rowsOf] of [
      ['clauses.csv', CLAUSE_COLUMNS, clauseRows],
      ['indicators.csv', INDICATOR_COLUMNS, planIndicatorCsvRows],
    ] as const) {
      const text = readFileSync(join(dist, 'data', file), 'utf8');
      // What src/pages/data/<file>.ts returns in a single build of these plans.
      expect(text === toCsv(columns, plans.flatMap((p) => rowsOf(p))), file).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual([...columns]);
      expect(rows.length).toBeGreaterThan(0);
      // Every plan has rows, in catalogue order.
      const planOf = rows.map((r) => r[0]);
      expect([...new Set(planOf)]).toEqual(plans.filter((p) => rowsOf(p).length).map((p) => p.catalog.slug));
      if (file === 'clauses.csv') expect([...new Set(planOf)]).toEqual(order);
    }
  });

  it('sitemap.xml lists every page of the assembled site; robots.txt, _headers and the feed are there', () => {
    const pages = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'))
      .map((f) => canonicalOf(readFileSync(join(dist, f), 'utf8')))
      .filter((u): u is string => u !== null);
    expect(pages.length).toBeGreaterThan(100);
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(listed.sort()).toEqual([...new Set(pages)].sort());
    expect(listed.some((u) => u.endsWith('/plans/tianjin-lefeng/'))).toBe(true);
    expect(listed.some((u) => u.endsWith('/areas/kangfu/beijing/'))).toBe(true);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe(robotsTxt(siteRoot()));
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(headersFile(basePath()));
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    for (const slug of catalogOrder()) expect(feed).toContain(`/plans/${slug}/</id>`);
  });
});

/** Every file under `dir` with its bytes, by relative path. */
const tree = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [join(d.parentPath, d.name).slice(dir.length + 1), readFileSync(join(d.parentPath, d.name))] as const),
  );

describe('a packed job', () => {
  it('writes each province’s folder and the assembled site byte for byte as one job per province does', async () => {
    const alone = { work: join(tmp, 'work-alone'), dist: join(tmp, 'dist-alone') };
    const out = await tsx(['scripts/build-shards.ts', '--seeds', seeds, '--work', alone.work, '--out', alone.dist, '--jobs', '2', '--pack', '1']);
    expect(out).toMatch(/2 to build \(6 plans\) in 2 jobs of at most 1 plan/);
    expect(JSON.parse(readFileSync(join(alone.work, 'tianjin', 'shard.json'), 'utf8')).job).toBe('tianjin');
    for (const [packed, single] of [
      [dist, alone.dist],
      [join(work, 'beijing', 'site'), join(alone.work, 'beijing', 'site')],
      [join(work, 'tianjin', 'site'), join(alone.work, 'tianjin', 'site')],
      [join(work, 'tianjin', 'facts'), join(alone.work, 'tianjin', 'facts')],
    ]) {
      // The feed dates plans without git history or an issue date by the shared job's build time (src/publish/plan-dates.ts): two builds differ there whatever the jobs.
      const a = tree(packed);
      const b = tree(single);
      a.delete('feed.xml');
      b.delete('feed.xml');
      expect([...a.keys()].sort(), packed).toEqual([...b.keys()].sort());
      const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
      expect(differ, packed).toEqual([]);
    }
  }, 1_200_000);
});

/** Each file of a site: its content hash, inode and modification time (a file copied again, even with the same bytes, has another time). */
const stamps = (dir: string): Map<string, { sha: string; stamp: string }> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => {
        const file = join(d.parentPath, d.name);
        const st = statSync(file);
        return [file.slice(dir.length + 1), { sha: createHash('sha256').update(readFileSync(file)).digest('hex'), stamp: `${st.ino}:${st.mtimeMs}` }] as const;
      }),
  );
/** The files the assembly makes itself rather than copies from a job. */
const MADE = /^(pagefind\/lexicon\.json|pagefind\/sounds\.txt|pagefind\/shard-words\/\d+\.json|data\/(clauses|indicators)\.csv|sitemap(-\d+)?\.xml|robots\.txt|_headers)$/;
const shardOf = (id: string) => ({ id, slugs: catalogSlugs().filter((s) => s.startsWith(`${id}-`)) });
const catalogSlugs = () => [...readFileSync(join(seeds, 'catalog.yaml'), 'utf8').matchAll(/slug: (\S+)/g)].map((m) => m[1]);

describe('incremental rebuild', () => {
  let before: ReturnType<typeof stamps>;
  let rerun = '';

  it('after one plan changes, re-parses only that plan and rebuilds only its shard, and says so', async () => {
    const tianjinBefore = record('tianjin');
    const sharedBefore = record('shared');
    before = stamps(dist);
    const catalog = readFileSync(join(seeds, 'catalog.yaml'), 'utf8');
    const source = /slug: beijing-danjin[\s\S]*?source: (\S+)/.exec(catalog)![1];
    const file = join(seeds, source);
    const lines = readFileSync(file, 'utf8').split('\n');
    // A sentence in the middle of the plan gains two words.
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l.length > 40 && l.includes('。'));
    lines[at] = lines[at].replace('。', '（试点）。');
    writeFileSync(file, lines.join('\n'));
    rerun = await buildShards();
    // Only the changed province is packed into a job: its neighbour, in the same job before, is kept.
    expect(rerun).toMatch(/1 to build \(3 plans\) in 1 job of at most 3 plans, 1 unchanged/);
    expect(rerun).toMatch(/beijing: 1 changed \(beijing-danjin\)/);
    expect(rerun).toMatch(/tianjin: 3 plans unchanged, kept/);
    expect(rerun).toMatch(/rebuilt 1 of 2 province shards \(beijing\) in 1 job, re-parsed 1 plans \(beijing-danjin\)/);
    expect(record('beijing').job).toBe('beijing');
    expect(record('beijing').reingested).toEqual(['beijing-danjin']);
    expect(record('tianjin').builtAt).toBe(tianjinBefore.builtAt);
    // Two words more change no count: the shared pages are kept.
    expect(record('shared').builtAt).toBe(sharedBefore.builtAt);
    // The assembled site has the new text.
    const pages = readdirSync(join(dist, 'plans', 'beijing-danjin'), { recursive: true }).filter((f) => String(f).endsWith('.html'));
    expect(pages.some((f) => readFileSync(join(dist, 'plans', 'beijing-danjin', String(f)), 'utf8').includes('（试点）'))).toBe(true);
  }, 1_200_000);

  it('assembles in place: writes only the rebuilt province’s files that changed and the assembly’s own that changed, nothing of the others', () => {
    const after = stamps(dist);
    // Written: new, or other bytes than before.
    const touched = [...after].filter(([path, now]) => before.get(path)?.sha !== now.sha).map(([path]) => path);
    const gone = [...before.keys()].filter((path) => !after.has(path));
    const [, written, deleted, unchanged] = /(\d+) files written, (\d+) deleted, (\d+) unchanged/.exec(rerun)!.map(Number);
    expect(touched.length).toBe(written);
    expect(gone.length).toBe(deleted);
    expect(unchanged).toBe(after.size - written);
    // Few of the site's files, each Beijing's own (its plans', bundles', comparison pages) or made by the assembly.
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.length).toBeLessThan(after.size / 4);
    const beijing = shardOf('beijing');
    expect(touched.filter((p) => !MADE.test(p) && !(ownedByShard(p, beijing) && !p.startsWith('_astro/')))).toEqual([]);
    // The changed plan's page with the new sentence.
    expect(touched.some((p) => p.startsWith('plans/beijing-danjin/') && p.endsWith('.html'))).toBe(true);
    // Not even copied again with the same bytes: every file of Tianjin's and of the shared pages.
    const others = [...after.keys()].filter((p) => !MADE.test(p) && !ownedByShard(p, beijing));
    expect(others.length).toBeGreaterThan(after.size / 3);
    expect(others.filter((p) => before.get(p)?.stamp !== after.get(p)!.stamp)).toEqual([]);
  });

  it('in place or from nothing, the assembled site is the same, byte for byte', async () => {
    const fresh = join(tmp, 'dist-fresh');
    const out = await assemble(fresh);
    expect(out).toMatch(/written from nothing/);
    const a = tree(dist);
    const b = tree(fresh);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path)).toEqual([]);
    // Again in place with nothing changed: nothing written.
    expect(await assemble(dist)).toMatch(/ 0 files written, 0 deleted, \d+ unchanged/);
    rmSync(fresh, { recursive: true, force: true });
  }, 600_000);

  it('a failed assembly leaves the last site as it was', async () => {
    const words = join(work, 'tianjin', 'facts', 'words.tsv');
    const kept = join(tmp, 'words.tsv');
    renameSync(words, kept);
    const site = stamps(dist);
    try {
      await expect(assemble(dist)).rejects.toThrow(/words\.tsv is missing/);
    } finally {
      renameSync(kept, words);
    }
    expect(stamps(dist)).toEqual(site);
  }, 600_000);

  it('rebuilds every province when the records a search bundle holds change, though no plan or code did', async () => {
    const out = await buildShards({ BUNDLE_RECORDS: '100000' });
    expect(out).toMatch(/2 to build \(6 plans\)/);
    expect(out).toMatch(/beijing: build settings changed \(BUNDLE_RECORDS 100 → 100000\)/);
    expect(out).toMatch(/tianjin: build settings changed \(BUNDLE_RECORDS 100 → 100000\)/);
    expect(record('tianjin').settings).toEqual({ BUNDLE_RECORDS: '100000', BASE_PATH: '' });
    // Each province is now one bundle, and the national table says so.
    for (const province of ['beijing', 'tianjin']) {
      const manifest = readManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'shards', province, BUNDLES_FILE), 'utf8')), province);
      expect(manifest.bundles.map((b) => b.id)).toEqual([`${province}/0`]);
      expect(existsSync(join(dist, 'pagefind', 'shards', province, '1'))).toBe(false);
    }
    const national = JSON.parse(readFileSync(join(dist, 'pagefind', 'lexicon.json'), 'utf8')) as LexiconJson;
    expect(national.shardWords!.shards).toEqual(['beijing/0', 'tianjin/0']);
  }, 1_200_000);
});
