/**
 * The sharded build at several sizes (`npm run bench:scale -- --shards --sizes 5,50,500`):
 * synthesizes N plans over the 31 provinces, runs `npm run build:shards` from nothing into
 * a scratch folder (this worktree's content/ and dist/ are left alone), then a rebuild after
 * one plan changed, and measures the assembled site (its pages, and the largest page of
 * each family, as the Scale table does for a single build) and, in Chromium, the bytes of a
 * first and a second search within one province and national (served with gzip).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage } from '../../tests/e2e/support/browser.ts';
import { startStaticServer } from '../../tests/e2e/support/server.ts';
import { largestPages, PAGE_FAMILIES, type ShardsRow } from './scale-table.ts';
import { BUNDLES_FILE, readManifest } from '../../src/search/bundles.ts';
import { bundleOfPath } from '../../src/search/shard-scope.ts';

const run = promisify(execFile);

async function tsx(root: string, args: string[]): Promise<{ stdout: string; seconds: number }> {
  const started = performance.now();
  const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout, seconds: (performance.now() - started) / 1000 };
}

/** Search bundles (pagefind/shards/<province>/<n>/, not the province folders) the page requested anything from. */
const bundlesSeen = new Set<string>();

/** Bytes (as served) of everything the page requests while `action` runs. */
async function bytesDuring(page: Page, action: () => Promise<void>): Promise<number> {
  let bytes = 0;
  const pending: Promise<void>[] = [];
  const onFinished = (req: import('playwright-core').Request) =>
    pending.push(
      (async () => {
        const bundle = bundleOfPath(new URL(req.url()).pathname);
        if (bundle) bundlesSeen.add(bundle);
        const res = await req.response();
        const length = Number((await res?.allHeaders())?.['content-length'] ?? NaN);
        bytes += Number.isFinite(length) ? length : (await req.sizes()).responseBodySize;
      })(),
    );
  page.on('requestfinished', onFinished);
  await action();
  await new Promise((r) => setTimeout(r, 200));
  await Promise.all(pending);
  page.off('requestfinished', onFinished);
  return bytes;
}

async function searched(page: Page, q: string) {
  await page.waitForFunction((q) => document.getElementById('search-app')?.dataset.searchedQuery === q, q, { timeout: 120_000 });
}

/** First search (cold: page, scripts, bundles, results) and a second one on the same page, in KB, and the bundles the first loaded. */
export async function searchBytes(url: string, browser: import('playwright-core').Browser, first: string, second: string): Promise<[number, number, number]> {
  const page = await newPage(browser, { width: 360, height: 800 });
  bundlesSeen.clear();
  const a = await bytesDuring(page, async () => {
    await page.goto(url);
    await searched(page, first);
  });
  const bundles = bundlesSeen.size;
  const b = await bytesDuring(page, async () => {
    await page.fill('#search-q', second);
    await searched(page, second);
  });
  await page.close();
  return [a / 1024, b / 1024, bundles];
}

export async function shardedBuildFigures(root: string, count: number, seed: string, jobs: number, log: (line: string) => void, pack?: number, provinceCount?: number): Promise<ShardsRow> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-shards-'));
  try {
    const seeds = join(dir, 'seeds');
    const work = join(dir, 'work');
    const dist = join(dir, 'dist');
    // --provinces K: the plans over the first K provinces only (the density of a larger country in a smaller build).
    await tsx(root, ['scripts/synth.ts', '--plans', String(count), '--seed', seed, '--out', seeds, ...(provinceCount ? ['--provinces', String(provinceCount)] : [])]);
    const args = ['scripts/build-shards.ts', '--seeds', seeds, '--work', work, '--out', dist, '--jobs', String(jobs), ...(pack ? ['--pack', String(pack)] : [])];
    const full = await tsx(root, args);
    for (const line of full.stdout.trim().split('\n')) log(`  ${line}`);
    // One record per province and one for the shared job (the jobs' own folders, _jobs/, have none).
    const records = readdirSync(work)
      .filter((job) => existsSync(join(work, job, 'shard.json')))
      .map((job) => ({ job, ...JSON.parse(readFileSync(join(work, job, 'shard.json'), 'utf8')) }));
    const buildJobs = Number(/in (\d+) jobs? of at most/.exec(full.stdout)?.[1] ?? NaN);
    const provinces = records.filter((r) => r.job !== 'shared');
    const shared = records.find((r) => r.job === 'shared')!;
    // The assembly timed alone, from nothing (into an existing site it writes only what differs: nothing here).
    rmSync(dist, { recursive: true, force: true });
    const assemble = await tsx(root, ['scripts/assemble-shards.ts', '--work', work, '--out', dist, '--seeds', seeds]);

    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
    const html = files.filter((f) => f.endsWith('.html'));
    const pages = html.length;
    const families = largestPages(html.map((f) => ({ path: relative(dist, f), bytes: statSync(f).size })));
    for (const family of PAGE_FAMILIES) {
      const size = families.get(family);
      if (size) log(`  ${family.padEnd(18)} ${String(size.pages).padStart(6)} pages, largest ${(size.largest / 1024).toFixed(1)} KB ${size.largestPath}`);
    }
    const distMb = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 / 1024;
    const pagefindFiles = files.filter((f) => f.startsWith(join(dist, 'pagefind'))).length;
    // The site's search bundles: every province's, as its bundles.json lists them.
    const shardsDir = join(dist, 'pagefind', 'shards');
    const bundles = readdirSync(shardsDir).reduce((n, p) => n + readManifest(JSON.parse(readFileSync(join(shardsDir, p, BUNDLES_FILE), 'utf8')), p).bundles.length, 0);

    const server = await startStaticServer(dist, { gzip: true });
    const browser = await launchBrowser();
    const catalog = readFileSync(join(seeds, 'catalog.yaml'), 'utf8');
    const province = /province: (\S+)/.exec(catalog)![1];
    const [regional1, regional2] = await searchBytes(`${server.url}/search/?q=康复&province=${encodeURIComponent(province)}`, browser, '康复', '就业');
    const [national1, national2, nationalBundles] = await searchBytes(`${server.url}/search/?q=康复`, browser, '康复', '就业');
    // A word in few records of each province: the provinces with the most are searched first.
    const [rare1, , rareBundles] = await searchBytes(`${server.url}/search/?q=孤独症`, browser, '孤独症', '就业');
    await browser.close();
    await server.close();

    // One plan's text changes: its shard (and perhaps the shared pages) are rebuilt.
    const source = /source: (\S+)/.exec(catalog)![1];
    const text = readFileSync(join(seeds, source), 'utf8').split('\n');
    const at = text.findIndex((l, i) => i > text.length / 2 && l.length > 40 && l.includes('。'));
    text[at] = text[at].replace('。', '（试点）。');
    writeFileSync(join(seeds, source), text.join('\n'));
    const again = await tsx(root, args);
    log(`  rebuild: ${again.stdout.trim().split('\n').pop()}`);
    const rebuilt = Number(/rebuilt (\d+) of/.exec(again.stdout)?.[1] ?? NaN);

    return {
      plans: count,
      shards: provinces.length,
      jobs,
      ...(Number.isFinite(buildJobs) ? { buildJobs } : {}),
      wallSeconds: full.seconds,
      slowestJobSeconds: Math.max(...provinces.map((r) => r.seconds)),
      largestJobMb: provinces.some((r) => r.peakMb !== null) ? Math.max(...provinces.map((r) => r.peakMb ?? 0)) : null,
      shared: { seconds: shared.seconds, peakMb: shared.peakMb },
      assembleSeconds: assemble.seconds,
      incremental: { seconds: again.seconds, shardsRebuilt: rebuilt },
      pages,
      distMb,
      pagefindFiles,
      firstSearchKb: { regional: regional1, national: national1, nationalRare: rare1 },
      nationalBundles: { common: nationalBundles, rare: rareBundles },
      bundles,
      secondSearchKb: { regional: regional2, national: national2 },
      families: Object.fromEntries(families),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
