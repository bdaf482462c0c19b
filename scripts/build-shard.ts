/**
 * One job of a sharded build (`npm run build:shard -- --shard gansu` or `-- --shared`):
 * what a CI matrix job runs, and what `npm run build:shards` runs in parallel.
 *
 *   tsx scripts/build-shard.ts (--shard PROVINCE[,PROVINCE…] | --shared) [--seeds DIR] [--work DIR] [--force]
 *
 * A province job ingests only its provinces' plans (plans whose content hash is unchanged
 * are reused), builds their pages and per-province comparison pages with Astro
 * (SITE_SHARD=<job>) and indexes each province into its own Pagefind bundles of whole plans
 * (pagefind/shards/<province>/<n>/, src/search/bundles.ts); it hands the shared job its plans' facts and counts.
 * Several provinces named with commas are one packed job (src/shards/packing.ts): one
 * project copy, one Astro build and one index process for all of them, the output then
 * split into each province's folder as its own job would have written it.
 * The shared job builds the pages that belong to no province (SITE_SHARD=shared) from those
 * facts alone, without any plan model. A province job works in <work>/_jobs/<job>/project
 * (a copy of the project) and leaves, per province, its ingested plans in
 * <work>/<province>/plans, its site in <work>/<province>/site, its facts and a record in
 * <work>/<province>/shard.json; the shared job works in <work>/shared/.
 * A province whose inputs (plans' content hashes, site code, build settings: BUNDLE_RECORDS
 * and BASE_PATH, src/shards/fingerprint.ts) are those of its last build
 * says so and is not built again (a job of only such provinces does nothing); --force
 * rebuilds it anyway.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogEntry, Plan } from '../src/model/plan.ts';
import { SKIPPED_FILE } from '../src/model/skipped.ts';
import { readTopicsFile } from '../src/model/topic.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { writeCatalogRefFiles } from '../src/search/refs-files.ts';
import { loadAreas } from '../src/search/corpus.ts';
import { PLAN_COUNTS_FILE, planCounts, type PlanCounts } from '../src/site/plan-counts.ts';
import { packName, parsePackArg, provincesTaking, splitPlanCsv } from '../src/shards/packing.ts';
import { PROVINCE_CSV_PAGES, REFS_PATH, SHARED_SHARD, shardBundleDir, sharedOnlyPage, type Shard } from '../src/shards/shards.ts';
import { duration } from '../src/shards/progress.ts';
import { sharedFingerprint } from '../src/shards/fingerprint.ts';
import { feedDates } from '../src/publish/plan-dates.ts';
import { bin, DEFAULT_WORK, filesIn, prepareProject, ROOT, runStage, siteCodeHash, type StageResult } from './shards/job.ts';
import { FACTS_DIR, JOB_FILE, JOBS_DIR, PLANS_DIR, WORD_COUNTS_FILE, provinceFingerprint, provinceSettings, readSeeds, readShardRecord, SHARD_FILE, sharedSettings, shardPlanHashes, SITE_DIR, type ShardRecord } from './shards/state.ts';

const { values } = parseArgs({
  options: {
    shard: { type: 'string' },
    shared: { type: 'boolean', default: false },
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
    work: { type: 'string', default: DEFAULT_WORK },
    force: { type: 'boolean', default: false },
  },
});
if (!values.shard === !values.shared) {
  console.error('build-shard: name one job: --shard <province slug> or --shared');
  process.exit(2);
}
const seedsDir = resolve(values.seeds!);
const work = resolve(ROOT, values.work!);
const seeds = readSeeds(seedsDir);
const pack: Shard[] = values.shared
  ? []
  : parsePackArg(values.shard!).map((id) => {
      const shard = seeds.shards.find((s) => s.id === id);
      if (!shard) throw new Error(`no province shard "${id}" in ${seedsDir}/catalog.yaml (shards: ${seeds.shards.map((s) => s.id).join(', ')})`);
      return shard;
    });
const jobName = values.shared ? SHARED_SHARD : packName(pack);
// The shared job's folder is its own; a province job's project is apart from its provinces' folders, which it fills.
const jobDir = values.shared ? join(work, SHARED_SHARD) : join(work, JOBS_DIR, jobName);
const project = join(jobDir, 'project');
const logFile = join(jobDir, 'log.txt');
const codeHash = siteCodeHash();
const started = performance.now();
const stages: Record<string, StageResult> = {};
const say = (line: string) => console.log(`build-shard ${jobName}: ${line}`);
type BaseRecord = Omit<ShardRecord, 'pages' | 'files' | 'seconds' | 'peakMb' | 'stages' | 'builtAt' | 'job'>;

async function main() {
  mkdirSync(jobDir, { recursive: true });
  writeFileSync(logFile, '');
  if (values.shared) {
    const shared = prepareShared();
    if (!shared) return;
    await astroBuild();
    const catalog = JSON.parse(readFileSync(join(project, 'content/plans/catalog.json'), 'utf8')) as CatalogEntry[];
    writeCatalogRefFiles(catalog, join(project, 'dist', REFS_PATH));
    const site = join(jobDir, SITE_DIR);
    rmSync(site, { recursive: true, force: true });
    renameSync(join(project, 'dist'), site);
    writeRecord(jobDir, shared, filesIn(site));
    return;
  }
  // Written whatever is built: a CI job uploads it with its provinces' folders, so its artifact is always rooted at the work folder.
  writeFileSync(join(jobDir, JOB_FILE), `${JSON.stringify({ job: jobName, provinces: pack.map((s) => s.id) })}\n`);
  // Only the provinces whose plans or code changed since their last build.
  const building = pack.filter((shard) => !unchanged(shard.id, provinceFingerprint(seeds, shard, codeHash)));
  if (!building.length) return;
  if (building.length < pack.length) say(`building ${packName(building)} only`);
  prepareProject(project);
  // The pages only the shared job's copy of is kept: not built here at all.
  const pagesDir = join(project, 'src', 'pages');
  const left = readdirSync(pagesDir, { recursive: true }).map(String).filter((f) => /\.(astro|ts)$/.test(f) && sharedOnlyPage(f.split('\\').join('/')));
  for (const f of left) rmSync(join(pagesDir, f));
  const t = performance.now();
  const records: BaseRecord[] = [];
  for (const shard of building) {
    // Each province's plans are ingested into its own folder, so an unchanged plan is reused whichever job the province is in.
    const summary = await runIngest({
      root: project,
      seedsDir,
      outDir: join(work, shard.id, PLANS_DIR),
      only: (e) => shard.slugs.includes(e.slug),
      log: (line) => writeFileSync(logFile, `${line}\n`, { flag: 'a' }),
    });
    const reingested = summary.plans.filter((p) => !p.reused).map((p) => p.slug);
    say(`ingest ${shard.id}: ${summary.plans.length} plans, ${reingested.length ? `re-parsed ${reingested.length} (${reingested.join(', ')})` : 'none re-parsed'}, ${summary.plans.length - reingested.length} reused`);
    writeFacts(shard);
    records.push({ id: shard.id, province: shard.province, fingerprint: provinceFingerprint(seeds, shard, codeHash), settings: provinceSettings(), plans: shardPlanHashes(seeds, shard), reingested });
  }
  stages.ingest = { seconds: (performance.now() - t) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }; // this process's peak so far: ingest runs in it
  gatherPlans(building);
  await astroBuild();
  stages.index = await runStage(
    project,
    [bin('tsx'), 'scripts/build-index.ts', '--provinces', writeBundles(building), '--refs', join('dist', REFS_PATH), '--no-plans-table'],
    {},
    logFile,
  );
  say(`index ${duration(stages.index.seconds)}`);
  const sites = splitSite(join(project, 'dist'), building);
  building.forEach((shard, i) => writeRecord(join(work, shard.id), records[i], sites.get(shard.id)!));
}

async function astroBuild() {
  // SEEDS_DIR: the feed dates each plan by the last commit of its source file (src/publish/plan-dates.ts), as a single build does.
  stages.astro = await runStage(project, [bin('astro'), 'build'], { SITE_SHARD: jobName, SEEDS_DIR: seedsDir }, logFile);
  say(`astro build ${duration(stages.astro.seconds)}`);
}

/** Writes a province's (or the shared job's) record beside its site: what it was built from, its pages, the job's time and peak memory. */
function writeRecord(dir: string, record: BaseRecord, files: string[]) {
  const peaks = Object.values(stages).map((s) => s.peakMb).filter((m): m is number => m !== null);
  const full: ShardRecord = {
    ...record,
    job: jobName,
    pages: files.filter((f) => f.endsWith('.html')).length,
    files: files.length,
    seconds: (performance.now() - started) / 1000,
    peakMb: peaks.length ? Math.max(...peaks) : null,
    stages,
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, SHARD_FILE), `${JSON.stringify(full, null, 1)}\n`);
  say(`built ${record.id}: ${full.pages} pages, ${full.files} files; job ${duration(full.seconds)}${full.peakMb === null ? '' : `, peak ${full.peakMb.toFixed(0)} MB`}`);
}

/** True (and says so) when this province's (or the shared job's) last build had these inputs and its site is there. */
function unchanged(id: string, fingerprint: string): boolean {
  const last = readShardRecord(work, id);
  if (values.force || last?.fingerprint !== fingerprint) return false;
  say(`${id} unchanged since ${last.builtAt} (same plans, code and build settings), kept`);
  return true;
}

/** What a province hands the shared job: its plans' facts (status settled from the text) and counts. */
function writeFacts(shard: Shard) {
  const plansDir = join(work, shard.id, PLANS_DIR);
  const areas = loadAreas(project).map((a) => a.name);
  const topics = readTopicsFile(project);
  // One plan model in memory at a time.
  const counts: PlanCounts[] = shard.slugs.map((slug) => planCounts(JSON.parse(readFileSync(join(plansDir, slug, 'plan.json'), 'utf8')) as Plan, areas, topics));
  const facts = join(work, shard.id, FACTS_DIR);
  mkdirSync(facts, { recursive: true });
  cpSync(join(plansDir, 'catalog.json'), join(facts, 'catalog.json'));
  writeFileSync(join(facts, PLAN_COUNTS_FILE), `${JSON.stringify(counts)}\n`);
}

/**
 * The project's content/plans/: the provinces' ingested plans side by side (copied, not
 * linked: Vite compiles their MDX and must see them inside the project), their catalogues
 * as one in catalogue order, as one ingest of all of them writes it.
 */
function gatherPlans(shards: Shard[]) {
  const plansDir = join(project, 'content', 'plans');
  rmSync(plansDir, { recursive: true, force: true });
  mkdirSync(plansDir, { recursive: true });
  const facts = new Map<string, CatalogEntry>();
  const skipped: unknown[] = [];
  for (const shard of shards) {
    const from = join(work, shard.id, PLANS_DIR);
    for (const e of JSON.parse(readFileSync(join(from, 'catalog.json'), 'utf8')) as CatalogEntry[]) {
      facts.set(e.slug, e);
      cpSync(join(from, e.slug), join(plansDir, e.slug), { recursive: true });
    }
    skipped.push(...(JSON.parse(readFileSync(join(from, SKIPPED_FILE), 'utf8')) as unknown[]));
  }
  const catalog = seeds.entries.filter((e) => facts.has(e.slug)).map((e) => facts.get(e.slug));
  writeFileSync(join(plansDir, 'catalog.json'), `${JSON.stringify(catalog, null, 1)}\n`);
  writeFileSync(join(plansDir, SKIPPED_FILE), `${JSON.stringify(skipped, null, 1)}\n`);
}

/** The indexes to build, one per province with its own word counts (build-index --provinces). */
function writeBundles(shards: Shard[]): string {
  const file = join(jobDir, 'provinces.json');
  // Each province cut into bundles of whole plans (src/search/bundles.ts), all in this job.
  const bundles = shards.map((s) => ({ slugs: s.slugs, out: join(project, 'dist', shardBundleDir(s.id)), wordCounts: join(work, s.id, FACTS_DIR, WORD_COUNTS_FILE), province: s.id }));
  writeFileSync(file, JSON.stringify(bundles, null, 1));
  return file;
}

/**
 * The job's output cut into each province's site folder (<work>/<province>/site): the files
 * it owns, the built assets, its rows of the national CSVs (src/shards/packing.ts). Files of
 * no province (public/, which the shared job provides) are left out. Returns each site's files.
 */
function splitSite(dist: string, shards: Shard[]): Map<string, string[]> {
  const siteOf = (id: string) => join(work, id, SITE_DIR);
  for (const s of shards) rmSync(siteOf(s.id), { recursive: true, force: true });
  const place = (from: string, id: string, path: string, move: boolean) => {
    const to = join(siteOf(id), path);
    mkdirSync(dirname(to), { recursive: true });
    if (move) renameSync(from, to);
    else copyFileSync(from, to);
  };
  const csvs = PROVINCE_CSV_PAGES.map((f) => f.replace(/\.ts$/, ''));
  for (const path of filesIn(dist)) {
    const from = join(dist, path);
    if (csvs.includes(path)) {
      for (const [id, text] of splitPlanCsv(readFileSync(from, 'utf8'), path, shards)) {
        mkdirSync(dirname(join(siteOf(id), path)), { recursive: true });
        writeFileSync(join(siteOf(id), path), text);
      }
      continue;
    }
    const takers = provincesTaking(path, shards);
    takers.forEach((id, i) => place(from, id, path, i === takers.length - 1));
  }
  rmSync(dist, { recursive: true, force: true });
  return new Map(shards.map((s) => [s.id, filesIn(siteOf(s.id))]));
}

/** The shared job's content/plans: every province job's facts and counts, in catalogue order, and no plan models. */
function prepareShared() {
  const facts = new Map<string, CatalogEntry>();
  const counts = new Map<string, PlanCounts>();
  for (const shard of seeds.shards) {
    const dir = join(work, shard.id, FACTS_DIR);
    if (!existsSync(join(dir, 'catalog.json'))) throw new Error(`${dir}: no facts from province job ${shard.id}; run it first (npm run build:shard -- --shard ${shard.id})`);
    for (const e of JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogEntry[]) facts.set(e.slug, e);
    for (const c of JSON.parse(readFileSync(join(dir, PLAN_COUNTS_FILE), 'utf8')) as PlanCounts[]) counts.set(c.slug, c);
  }
  const missing = seeds.entries.filter((e) => !facts.has(e.slug) || !counts.has(e.slug)).map((e) => e.slug);
  if (missing.length) throw new Error(`province jobs have not built ${missing.join(', ')}: run them again`);
  const catalogJson = `${JSON.stringify(seeds.entries.map((e) => facts.get(e.slug)), null, 1)}\n`;
  const countsJson = `${JSON.stringify(seeds.entries.map((e) => counts.get(e.slug)))}\n`;
  const settings = sharedSettings();
  // The feed's dates come from the seeds' git history, not from any file the jobs write.
  const fingerprint = sharedFingerprint(codeHash, settings, catalogJson, countsJson, feedDates(seeds.entries, seedsDir));
  if (unchanged(SHARED_SHARD, fingerprint)) return null;
  prepareProject(project);
  const plansDir = join(project, 'content', 'plans');
  rmSync(plansDir, { recursive: true, force: true });
  mkdirSync(plansDir, { recursive: true });
  writeFileSync(join(plansDir, 'catalog.json'), catalogJson);
  writeFileSync(join(plansDir, PLAN_COUNTS_FILE), countsJson);
  writeFileSync(join(plansDir, SKIPPED_FILE), '[]\n');
  return { id: SHARED_SHARD, province: '', fingerprint, settings, plans: Object.fromEntries(seeds.entries.map((e) => [e.slug, seeds.hashes.get(e.slug)!])), reingested: [] };
}

main().catch((error) => {
  console.error(`build-shard ${jobName}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
