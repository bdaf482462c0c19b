/**
 * tsx scripts/measure-search.ts <dist> <query string> [...]: the bytes (as served, gzip)
 * a phone downloads for a first search on a cold cache, by kind of file, for each query
 * (e.g. "?q=康复", "?q=康复&province=北京市"). A quick look at one assembled site.
 */
import { launchBrowser, newPage } from '../tests/e2e/support/browser.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';

const [dist, ...queries] = process.argv.slice(2);
const server = await startStaticServer(dist, { gzip: true });
const browser = await launchBrowser();
try {
  for (const q of queries) {
    const page = await newPage(browser, { width: 360, height: 800 });
    const got: { path: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (req) =>
      pending.push(
        (async () => {
          const res = await req.response();
          const length = Number((await res?.allHeaders())?.['content-length'] ?? NaN);
          got.push({ path: new URL(req.url()).pathname, bytes: Number.isFinite(length) ? length : (await req.sizes()).responseBodySize });
        })(),
      ),
    );
    const query = new URLSearchParams(q.replace(/^\?/, '')).get('q') ?? '';
    await page.goto(`${server.url}/search/${q}`);
    await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, query, { timeout: 120_000 });
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(pending);
    const results = await page.$$eval('[data-result] a', (as) => as.map((a) => a.getAttribute('href')));
    const kind = (p: string) => (/\/pagefind\/shards\/(?:[^/]+\/)+?(index|fragment|filter)\//.exec(p)?.[1] ?? (p.endsWith('.pf_meta') ? 'pf_meta' : p.includes('/pagefind/') ? `pagefind:${p.split('/').pop()!.replace(/[0-9a-f]{6,}/, '*')}` : 'page+scripts'));
    const by = new Map<string, { n: number; bytes: number }>();
    for (const g of got) {
      const k = kind(g.path);
      const e = by.get(k) ?? { n: 0, bytes: 0 };
      e.n++;
      e.bytes += g.bytes;
      by.set(k, e);
    }
    const total = got.reduce((n, g) => n + g.bytes, 0);
    // A bundle is a province's folder, or a numbered folder in it on a site whose provinces are cut into bundles (src/search/bundles.ts).
    const bundles = new Set(got.filter((g) => g.path.endsWith('.pf_meta')).map((g) => /\/pagefind\/shards\/(.+)\/[^/]+$/.exec(g.path)?.[1]).filter(Boolean));
    const provinces = new Set([...bundles].map((b) => b!.split('/')[0]));
    console.log(`${q}: ${(total / 1024).toFixed(0)} KB in ${got.length} requests, ${bundles.size} bundles of ${provinces.size} provinces, ${results.length} results shown`);
    for (const [k, v] of [...by].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${k.padEnd(36)} ${String(v.n).padStart(4)} files ${(v.bytes / 1024).toFixed(1).padStart(8)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
