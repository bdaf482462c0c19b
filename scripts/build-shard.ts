/**
 * One job of a sharded build (`npm run build:shard -- --shard gansu` or `-- --shared`):
 * what a CI matrix job runs, and what `npm run build:shards` runs in parallel.
 *
 *   tsx scripts/build-shard.ts (--shard PROVINCE_SLUG | --shared) [--seeds DIR] [--work DIR] [--force]
 *
 * A province job ingests only its province's plans (plans whose content hash is unchanged
 * are reused), builds their pages and per-province comparison pages with Astro
 * (SITE_SHARD=<province>) and indexes them into its own Pagefind bundles of whole plans
 * (pagefind/shards/<province>/<n>/, src/search/bundles.ts); it hands the shared job its plans' facts and counts.
 * The shared job builds the pages that belong to no province (SITE_SHARD=shared) from those
 * facts alone, without any plan model. Each job works in <work>/<job>/project (a copy of
 * the project) and leaves its site in <work>/<job>/site and a record in <work>/<job>/shard.json.
 * A job whose inputs (plans' content hashes, site code) are those of its last build says
 * so and does nothing; --force rebuilds it anyway.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogEntry, Plan } from '../src/model/plan.ts';
import { SKIPPED_FILE } from '../src/model/skipped.ts';
import { readTopicsFile } from '../src/model/topic.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { plansTable } from '../src/search/citation.ts';
import { PLANS_REFS_FILE } from '../src/search/cited.ts';
import { loadAreas } from '../src/search/corpus.ts';
import { PLAN_COUNTS_FILE, planCounts, type PlanCounts } from '../src/site/plan-counts.ts';
import { REFS_PATH, SHARED_SHARD, shardBundleDir, sharedOnlyPage } from '../src/shards/shards.ts';
import { duration } from '../src/shards/progress.ts';
import { bin, DEFAULT_WORK, hashedFiles, prepareProject, ROOT, runStage, siteCodeHash, type StageResult } from './shards/job.ts';
import { FACTS_DIR, WORD_COUNTS_FILE, provinceFingerprint, readSeeds, readShardRecord, SHARD_FILE, shardPlanHashes, SITE_DIR, type ShardRecord } from './shards/state.ts';

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
const jobName = values.shared ? SHARED_SHARD : values.shard!;
const jobDir = join(work, jobName);
const project = join(jobDir, 'project');
const logFile = join(jobDir, 'log.txt');
const seeds = readSeeds(seedsDir);
const codeHash = siteCodeHash();
const started = performance.now();
const stages: Record<string, StageResult> = {};
const say = (line: string) => console.log(`build-shard ${jobName}: ${line}`);

async function main() {
  mkdirSync(jobDir, { recursive: true });
  writeFileSync(logFile, '');
  let record: Omit<ShardRecord, 'pages' | 'files' | 'seconds' | 'peakMb' | 'stages' | 'builtAt'>;
  if (values.shared) {
    const shared = prepareShared();
    if (!shared) return;
    record = shared;
  } else {
    const shard = seeds.shards.find((s) => s.id === values.shard);
    if (!shard) throw new Error(`no province shard "${values.shard}" in ${seedsDir}/catalog.yaml (shards: ${seeds.shards.map((s) => s.id).join(', ')})`);
    const fingerprint = provinceFingerprint(seeds, shard, codeHash);
    if (unchanged(fingerprint)) return;
    prepareProject(project);
    // The pages only the shared job's copy of is kept: not built here at all.
    const pagesDir = join(project, 'src', 'pages');
    const left = readdirSync(pagesDir, { recursive: true }).map(String).filter((f) => /\.(astro|ts)$/.test(f) && sharedOnlyPage(f.split('\\').join('/')));
    for (const f of left) rmSync(join(pagesDir, f));
    const t = performance.now();
    const summary = await runIngest({
      root: project,
      seedsDir,
      outDir: join(project, 'content', 'plans'),
      only: (e) => shard.slugs.includes(e.slug),
      log: (line) => writeFileSync(logFile, `${line}\n`, { flag: 'a' }),
    });
    stages.ingest = { seconds: (performance.now() - t) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }; // this process's peak so far: ingest runs in it
    const reingested = summary.plans.filter((p) => !p.reused).map((p) => p.slug);
    say(`ingest: ${summary.plans.length} plans, ${reingested.length ? `re-parsed ${reingested.length} (${reingested.join(', ')})` : 'none re-parsed'}, ${summary.plans.length - reingested.length} reused`);
    writeFacts(shard.slugs);
    record = { id: shard.id, province: shard.province, fingerprint, plans: shardPlanHashes(seeds, shard), reingested };
  }
  // SEEDS_DIR: the feed dates each plan by the last commit of its source file (src/publish/plan-dates.ts), as a single build does.
  stages.astro = await runStage(project, [bin('astro'), 'build'], { SITE_SHARD: jobName, SEEDS_DIR: seedsDir }, logFile);
  say(`astro build ${duration(stages.astro.seconds)}`);
  if (values.shared) {
    const catalog = JSON.parse(readFileSync(join(project, 'content/plans/catalog.json'), 'utf8')) as CatalogEntry[];
    mkdirSync(join(project, 'dist', REFS_PATH), { recursive: true });
    writeFileSync(join(project, 'dist', REFS_PATH, PLANS_REFS_FILE), JSON.stringify(plansTable(catalog)));
  } else {
    stages.index = await runStage(
      project,
      [
        bin('tsx'),
        'scripts/build-index.ts',
        '--out',
        join('dist', shardBundleDir(jobName)),
        '--refs',
        join('dist', REFS_PATH),
        '--no-plans-table',
        '--word-counts',
        join(jobDir, FACTS_DIR, WORD_COUNTS_FILE),
        // Several smaller bundles of whole plans (src/search/bundles.ts), all in this job.
        '--bundles',
        jobName,
      ],
      {},
      logFile,
    );
    say(`index ${duration(stages.index.seconds)}`);
  }
  const site = join(jobDir, SITE_DIR);
  rmSync(site, { recursive: true, force: true });
  renameSync(join(project, 'dist'), site);
  const files = hashedFiles(site);
  const peaks = Object.values(stages).map((s) => s.peakMb).filter((m): m is number => m !== null);
  const full: ShardRecord = {
    ...record,
    pages: [...files.keys()].filter((f) => f.endsWith('.html')).length,
    files: files.size,
    seconds: (performance.now() - started) / 1000,
    peakMb: peaks.length ? Math.max(...peaks) : null,
    stages,
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(jobDir, SHARD_FILE), `${JSON.stringify(full, null, 1)}\n`);
  say(`built: ${full.pages} pages, ${full.files} files in ${duration(full.seconds)}${full.peakMb === null ? '' : `, peak ${full.peakMb.toFixed(0)} MB`}`);
}

/** True (and says so) when the job's last build had these inputs and its site is there. */
function unchanged(fingerprint: string): boolean {
  const last = readShardRecord(work, jobName);
  if (values.force || last?.fingerprint !== fingerprint) return false;
  say(`unchanged since ${last.builtAt} (same plans and code), kept`);
  return true;
}

/** What a province job hands the shared job: its plans' facts (status settled from the text) and counts. */
function writeFacts(slugs: string[]) {
  const plansDir = join(project, 'content', 'plans');
  const areas = loadAreas(project).map((a) => a.name);
  const topics = readTopicsFile(project);
  // One plan model in memory at a time.
  const counts: PlanCounts[] = slugs.map((slug) => planCounts(JSON.parse(readFileSync(join(plansDir, slug, 'plan.json'), 'utf8')) as Plan, areas, topics));
  const facts = join(jobDir, FACTS_DIR);
  mkdirSync(facts, { recursive: true });
  cpSync(join(plansDir, 'catalog.json'), join(facts, 'catalog.json'));
  writeFileSync(join(facts, PLAN_COUNTS_FILE), `${JSON.stringify(counts)}\n`);
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
  const fingerprint = createHash('sha256').update(codeHash).update(catalogJson).update(countsJson).digest('hex');
  if (unchanged(fingerprint)) return null;
  prepareProject(project);
  const plansDir = join(project, 'content', 'plans');
  rmSync(plansDir, { recursive: true, force: true });
  mkdirSync(plansDir, { recursive: true });
  writeFileSync(join(plansDir, 'catalog.json'), catalogJson);
  writeFileSync(join(plansDir, PLAN_COUNTS_FILE), countsJson);
  writeFileSync(join(plansDir, SKIPPED_FILE), '[]\n');
  return { id: SHARED_SHARD, province: '', fingerprint, plans: Object.fromEntries(seeds.entries.map((e) => [e.slug, seeds.hashes.get(e.slug)!])), reingested: [] };
}

main().catch((error) => {
  console.error(`build-shard ${jobName}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
