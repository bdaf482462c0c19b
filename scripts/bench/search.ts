/**
 * Search benchmark, in real Chromium on the built site (dist/), served with gzip by the
 * test server:
 *   - bytes fetched for a first query on a cold cache: everything from opening /search/
 *     to the rendered results (page HTML, CSS, JS, pagefind.js, worker, wasm, index and
 *     filter chunks, lexicon, result fragments); .pf_* files and the wasm are already
 *     gzip streams and are sent as they are;
 *   - the same for a first QUESTION typed as families ask it (tests/search/questions.tsv);
 *   - bytes for a second query on the same page;
 *   - time from the keystroke (the input event that completes a query) to rendered
 *     results, median over 20 queries on a warm page;
 *   - time from opening a result address (/search/?q=…) on a cold cache to the rendered
 *     results (issue 12: under 1 second), on this machine's loopback and on an emulated
 *     phone connection (NETWORKS), where the bytes above cost what they would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launchBrowser, newPage } from '../../tests/e2e/support/browser.ts';
import { startStaticServer } from '../../tests/e2e/support/server.ts';
import type { BenchResult } from './types.ts';

const LATENCY_QUERIES = [
  '护理补贴', '孤独症', '辅助器具', '残疾人证', '盲文', '特殊教育', '无障碍改造', '就业', '康复救助', '低保',
  '自闭症', '两项补贴', '残疾儿童 康复', '托养', '手语', '职业技能培训', '家庭医生', '法律援助', '"无障碍设施"', '盲',
];

type Category = 'page' | 'pagefind.js' | 'worker' | 'wasm' | 'entry+meta' | 'index' | 'filter' | 'lexicon' | 'sounds' | 'places' | 'fragments' | 'other';
function category(path: string): Category {
  if (!path.startsWith('/pagefind/')) return /\.(html|css|js)$|\/$/.test(path) ? 'page' : 'other';
  if (path.endsWith('/pagefind.js')) return 'pagefind.js';
  if (path.endsWith('pagefind-worker.js')) return 'worker';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json')) return 'entry+meta';
  if (path.includes('/index/')) return 'index';
  if (path.includes('/filter/')) return 'filter';
  if (path.includes('/fragment/')) return 'fragments';
  if (path.endsWith('lexicon.json')) return 'lexicon';
  if (path.endsWith('sounds.txt')) return 'sounds';
  if (path.includes('/refs/places/')) return 'places';
  return 'other';
}

/** Records every finished request's transferred body size (compressed as served). */
function meter(page: Page) {
  const log: { path: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (req: Request) => {
    pending.push(
      (async () => {
        // The test server sends Content-Length = bytes on the wire (gzip or not).
        const res = await req.response();
        const length = Number((await res?.allHeaders())?.['content-length'] ?? NaN);
        log.push({ path: new URL(req.url()).pathname, bytes: Number.isFinite(length) ? length : (await req.sizes()).responseBodySize });
      })(),
    );
  });
  return {
    log,
    settle: async () => {
      await new Promise((r) => setTimeout(r, 100));
      await Promise.all(pending);
    },
  };
}

/**
 * Types a whole query as one input event (as an input method commits it) and waits for the
 * render. The page function is a string: tsx would otherwise wrap its inner functions in a
 * helper that does not exist in the page.
 */
const TYPE_QUERY = `(q) => new Promise((resolve, reject) => {
  const app = document.getElementById('search-app');
  const input = document.getElementById('search-q');
  const t0 = performance.now();
  app.addEventListener('search-rendered', (e) => requestAnimationFrame(() => { window.__last = e.detail; resolve(performance.now() - t0); }), { once: true });
  setTimeout(() => reject(new Error('no results rendered for ' + q)), 15000);
  input.value = q;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q }));
})`;
async function typeQuery(page: Page, q: string): Promise<number> {
  return page.evaluate(`(${TYPE_QUERY})(${JSON.stringify(q)})`) as Promise<number>;
}

/**
 * Connections the cold-cache time is measured on (Chromium's network emulation): the
 * loopback as it is, and a typical 4G phone connection (DevTools' "Fast 4G" preset:
 * 9 Mbit/s down, 1.5 Mbit/s up, 60 ms round trip).
 */
const NETWORKS = [
  { label: 'loopback', conditions: null },
  { label: 'emulated 4G (9 Mbit/s, 60 ms)', conditions: { offline: false, latency: 60, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (1.5e6 / 8) | 0 } },
] as const;
const COLD_QUERIES = ['护理补贴', '我家孩子是自闭症能去哪里上学'];

/** Where a cold-cache search's time went, on the navigation's clock (ms). */
interface ColdRun {
  /** The results are rendered (the `search-rendered` event). */
  rendered: number;
  /** The page's milestones (search-app.ts marks `search:<name>`): script, pagefind.js, dictionary, engine, rendered. */
  marks: Record<string, number>;
  /** The engine's own account of its first search: Pagefind searches (with loading the index), result fragments. */
  millis: { search: number; fragments: number; total: number } | null;
}

/**
 * A /search/?q=… address opened in a fresh context (nothing cached), until its results are
 * rendered: the page records when its `search-rendered` event fires, on the navigation's
 * clock, and its milestones on the way.
 */
async function coldRun(page: Page, url: string, query: string): Promise<ColdRun> {
  await page.addInitScript(`window.addEventListener('search-rendered', (e) => { if (e.detail && e.detail.query === ${JSON.stringify(query)} && window.__renderedAt === undefined) { window.__renderedAt = performance.now(); window.__millis = e.detail.millis; } }, true);`);
  await page.goto(url);
  await page.waitForFunction('window.__renderedAt !== undefined', undefined, { timeout: 60_000 });
  return (await page.evaluate(`({
    rendered: window.__renderedAt,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('search:')).map((m) => [m.name.slice(7), m.startTime])),
    millis: window.__millis ?? null,
  })`)) as ColdRun;
}

/** One line on where a cold run's time went. */
const coldSteps = (r: ColdRun): string => {
  const at = (name: string) => (r.marks[name] === undefined ? '?' : r.marks[name].toFixed(0));
  return (
    `page script ${at('script')}, pagefind.js ${at('pagefind.js')}, dictionary ${at('dictionary')}, engine ${at('engine')}` +
    (r.millis ? ` + search ${r.millis.search.toFixed(0)} (Pagefind start, index, words) + fragments ${r.millis.fragments.toFixed(0)}` : '') +
    ` → rendered ${r.rendered.toFixed(0)}`
  );
};

const kb = (b: number) => b / 1024;
const sum = (xs: { bytes: number }[]) => xs.reduce((a, x) => a + x.bytes, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchSearch(root: string, dist = join(root, 'dist')): Promise<BenchResult[]> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js')) || !existsSync(join(dist, 'search', 'index.html'))) {
    console.log('  search benchmark skipped: build the site first (npm run build)');
    return [];
  }
  const lexicon = readFileSync(join(dist, 'pagefind', 'lexicon.json'));
  const sounds = readFileSync(join(dist, 'pagefind', 'sounds.txt'));
  const results: BenchResult[] = [
    { name: 'search: query dictionary (pagefind/lexicon.json), raw', value: kb(lexicon.length), unit: 'KB' },
    { name: 'search: query dictionary (pagefind/lexicon.json), gzip', value: kb(gzipSync(lexicon).length), unit: 'KB' },
    { name: 'search: sound table for pinyin slips (pagefind/sounds.txt, fetched only by a query that needs it), gzip', value: kb(gzipSync(sounds).length), unit: 'KB' },
  ];
  const server = await startStaticServer(dist, { gzip: true });
  const browser = await launchBrowser();
  try {
    // Cold cache, first query typed on a freshly opened /search/.
    for (const [label, q] of [
      ['one word', '护理补贴'],
      ['two words and an alias', '自闭症 康复'],
      ['one character, the broadest query', '残'],
      ['a question', '我家孩子是自闭症能去哪里上学'],
      ['a question', '残疾证怎么办'],
      // Pinyin slips: the one query kind that also loads pagefind/sounds.txt (src/search/sounds.ts).
      ['a question typed with pinyin slips', '残急人补帖怎么申情'],
      // A county named: the one query kind that also loads a place file (src/search/places.ts).
      ['a question naming a county', '会宁县老人护理补贴怎么申请'],
    ] as const) {
      const page = await newPage(browser, { width: 360, height: 800 });
      const m = meter(page);
      await page.goto(`${server.url}/search/`);
      await page.waitForFunction(`document.getElementById('search-app')?.classList.contains('ready')`);
      await typeQuery(page, q);
      await m.settle();
      const first = [...m.log];
      const byCat = new Map<Category, number>();
      for (const r of first) byCat.set(category(r.path), (byCat.get(category(r.path)) ?? 0) + r.bytes);
      console.log(
        `  first query "${q}": ${kb(sum(first)).toFixed(1)} KB in ${first.length} requests — ` +
          [...byCat].map(([c, b]) => `${c} ${kb(b).toFixed(1)}`).join(', '),
      );
      results.push({ name: `search: first query on a cold cache, ${label} (${q}), all bytes`, value: kb(sum(first)), unit: 'KB', budget: 250 });
      if (label === 'one word') {
        const before = m.log.length;
        await typeQuery(page, '孤独症');
        await m.settle();
        const second = m.log.slice(before);
        console.log(`  second query "孤独症": ${kb(sum(second)).toFixed(1)} KB in ${second.length} requests`);
        results.push({ name: 'search: second query on the same page (孤独症), bytes', value: kb(sum(second)), unit: 'KB' });
      }
      await page.close();
    }

    // Cold cache: a shared or bookmarked result address opened on a fresh page.
    for (const net of NETWORKS) {
      for (const q of COLD_QUERIES) {
        const runs: ColdRun[] = [];
        for (let i = 0; i < 3; i++) {
          const page = await newPage(browser, { width: 360, height: 800 });
          if (net.conditions) {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.emulateNetworkConditions', net.conditions);
          }
          runs.push(await coldRun(page, `${server.url}/search/?q=${encodeURIComponent(q)}`, q));
          await page.close();
        }
        const mid = [...runs].sort((a, b) => a.rendered - b.rendered)[1];
        console.log(`  cold cache, ${net.label}, "${q}": ${runs.map((r) => r.rendered.toFixed(0)).join(' / ')} ms; the median run: ${coldSteps(mid)}`);
        results.push({ name: `search: opening a result address on a cold cache to rendered results, ${net.label} (${q}), median of 3`, value: mid.rendered, unit: 'ms', budget: 1000 });
        if (q === COLD_QUERIES[0] && mid.marks.engine !== undefined && mid.millis) {
          // Where that time went (the median run): the page until its engine is ready
          // (page, scripts, Pagefind's entry, dictionary), then the engine's first search.
          results.push({ name: `search: … of which the page until the engine is ready (HTML, scripts, dictionary, pagefind.js), ${net.label} (${q})`, value: mid.marks.engine, unit: 'ms' });
          results.push({ name: `search: … of which the first search: Pagefind starting, its index, the words (${net.label}, ${q})`, value: mid.millis.search, unit: 'ms' });
          results.push({ name: `search: … of which the first search: result fragments (${net.label}, ${q})`, value: mid.millis.fragments, unit: 'ms' });
        }
      }
    }

    // Keystroke → rendered results on a warm page.
    const page = await newPage(browser, { width: 360, height: 800 });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('残疾人')}`);
    await page.waitForSelector('[data-result]');
    const times: number[] = [];
    for (const q of LATENCY_QUERIES) {
      times.push(await typeQuery(page, q));
      if (process.env.BENCH_VERBOSE) console.log('   ', q, times.at(-1)!.toFixed(0), JSON.stringify(await page.evaluate('window.__last')));
    }
    const p90 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)];
    console.log(`  keystroke → results: median ${median(times).toFixed(0)} ms, p90 ${p90.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
    results.push({ name: `search: keystroke to rendered results, median of ${times.length} queries`, value: median(times), unit: 'ms', budget: 100 });
    results.push({ name: `search: keystroke to rendered results, 90th percentile`, value: p90, unit: 'ms' });
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
