/**
 * npm run build:shards [-- --seeds DIR] [--work build/shards] [--out dist] [--jobs N] [--pack PLANS] [--force] [--list]
 * The whole site built in shards on one machine: the provinces to build packed into jobs of
 * neighbouring provinces of at most --pack plans together (default 50, and no more than the
 * plans to build ÷ the jobs at a time, so every core gets a job; a larger province is a job
 * of its own; --pack 1: one job per province; src/shards/packing.ts), each job
 * scripts/build-shard.ts, as many at a time as there are cores (or --jobs), then the
 * shared pages' job, then the assemble step into dist/ (scripts/assemble-shards.ts).
 * Says first what changed since the last run (plans by content hash, the site's code),
 * skips provinces whose plans, code and build settings (BUNDLE_RECORDS, BASE_PATH) are
 * unchanged (only the others are packed into
 * jobs, so one changed plan rebuilds one job of its province alone), prints a line per
 * finished province (counts, time, time left) and ends with a summary. Each job is its own
 * process, so the peak memory of any one is that of its plans (at most the cap, or one
 * province), whatever the number of provinces.
 * --list prints the jobs of a build of every province as JSON and stops (the CI matrix,
 * .github/workflows/national.yml): per job its name, its provinces (the --shard argument)
 * and the folders it fills.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changeCount, describeChanges, describeSettingChanges, planChanges } from '../src/shards/fingerprint.ts';
import { duration, progressLine, type ShardDone } from '../src/shards/progress.ts';
import { DEFAULT_PACK_PLANS, packCap, packName, packShards } from '../src/shards/packing.ts';
import { SHARED_SHARD, type Shard } from '../src/shards/shards.ts';
import { DEFAULT_WORK, ROOT, bin, siteCodeHash } from './shards/job.ts';
import { JOB_FILE, JOBS_DIR, provinceFingerprint, provinceSettings, readSeeds, readShardRecord, shardPlanHashes, type ShardRecord } from './shards/state.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
    work: { type: 'string', default: DEFAULT_WORK },
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    pack: { type: 'string', default: String(DEFAULT_PACK_PLANS) },
    force: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});
const seedsDir = resolve(values.seeds!);
const work = resolve(ROOT, values.work!);
const parallel = Math.max(1, Number(values.jobs));
const packPlans = Math.max(1, Number(values.pack));
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;

/** Runs one script, its output prefixed, failing the build when it fails. */
function run(args: string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(bin('tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`${args.join(' ')} failed (status ${code}):\n${out.slice(-3000)}`))));
  });
}

const jobArgs = (job: string) => ['scripts/build-shard.ts', ...(job === SHARED_SHARD ? ['--shared'] : ['--shard', job.split('+').join(',')]), '--seeds', seedsDir, '--work', work, ...(values.force ? ['--force'] : [])];

async function main() {
  const seeds = readSeeds(seedsDir);
  if (values.list) {
    // What a CI job uploads: each province's folder (site, facts, record) and, so that every
    // artifact is rooted at the work folder whatever its number of provinces, the job's job.json.
    const jobs = packShards(seeds.shards, packPlans).map((pack) => ({
      name: packName(pack),
      shards: pack.map((s) => s.id).join(','),
      plans: pack.reduce((n, s) => n + s.slugs.length, 0),
      paths: [...pack.flatMap((s) => ['site', 'facts', 'shard.json'].map((f) => `${values.work}/${s.id}/${f}`)), `${values.work}/${JOBS_DIR}/${packName(pack)}/${JOB_FILE}`].join('\n'),
      cache: pack.map((s) => `${values.work}/${s.id}`).join('\n'),
    }));
    console.log(JSON.stringify(jobs));
    return;
  }
  const codeHash = siteCodeHash();
  const settings = provinceSettings();
  // What changed since the last run, shard by shard.
  const plan = seeds.shards.map((shard) => {
    const last = readShardRecord(work, shard.id);
    const current = shardPlanHashes(seeds, shard);
    const changes = planChanges(last?.plans ?? {}, current);
    const fresh = !values.force && last?.fingerprint === provinceFingerprint(seeds, shard, codeHash, settings);
    const settingsChanged = describeSettingChanges(last?.settings, settings);
    const why = values.force
      ? 'forced'
      : !last
        ? 'never built'
        : changeCount(changes)
          ? describeChanges(changes)
          : settingsChanged
            ? `build settings changed (${settingsChanged})`
            : 'site code changed';
    return { shard, fresh, why };
  });
  const toBuild = plan.filter((p) => !p.fresh);
  const plansTotal = toBuild.reduce((n, p) => n + p.shard.slugs.length, 0);
  // Only the provinces to build are packed: an unchanged province is never rebuilt for its neighbour's sake.
  const cap = packCap(packPlans, plansTotal, parallel);
  const packs = packShards(toBuild.map((p) => p.shard), cap);
  console.log(
    `build:shards: ${seeds.entries.length} plans in ${seeds.shards.length} province shards (${seedsDir}); ` +
      `${toBuild.length} to build (${plansTotal} plans) in ${packs.length} job${packs.length === 1 ? '' : 's'} of at most ${cap} plan${cap === 1 ? '' : 's'}, ${plan.length - toBuild.length} unchanged; ${parallel} jobs at a time`,
  );
  for (const p of toBuild) console.log(`  ${p.shard.id}: ${p.why}`);

  let shardsDone = 0;
  let plansDone = 0;
  let jobSeconds = 0;
  const results: ShardDone[] = [];
  /** The provinces of one finished job (or one kept province): a packed job's time is its provinces' together, counted once for the time left. */
  const report = (dones: ShardDone[]) => {
    const built = dones.filter((d) => d.outcome === 'built');
    plansDone += built.reduce((n, d) => n + d.plans, 0);
    if (built.length) jobSeconds += built[0].seconds;
    for (const done of dones) {
      shardsDone++;
      results.push(done);
      console.log(progressLine(done, { shards: shardsDone, shardsTotal: seeds.shards.length, plans: plansDone, plansTotal, jobSeconds, parallel: Math.min(parallel, packs.length) }, elapsed()));
    }
  };
  for (const p of plan.filter((p) => p.fresh)) report([doneOf(p.shard, readShardRecord(work, p.shard.id)!, 'unchanged')]);

  // A pool of `parallel` workers over the jobs, largest first (the longest jobs start early).
  const size = (pack: Shard[]) => pack.reduce((n, s) => n + s.slugs.length, 0);
  const queue = [...packs].sort((a, b) => size(b) - size(a));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await run(jobArgs(packName(next)));
      const pack = next;
      report(pack.map((shard) => doneOf(shard, readShardRecord(work, shard.id)!, 'built', pack.length)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, Math.max(1, queue.length)) }, worker));

  const sharedStart = performance.now();
  const sharedBefore = readShardRecord(work, SHARED_SHARD)?.builtAt;
  await run(jobArgs(SHARED_SHARD));
  const shared = readShardRecord(work, SHARED_SHARD)!;
  const sharedBuilt = shared.builtAt !== sharedBefore;
  console.log(
    `shared pages: ${sharedBuilt ? `${shared.pages} pages in ${duration(shared.seconds)}${shared.peakMb === null ? '' : `, peak ${shared.peakMb.toFixed(0)} MB`}` : 'unchanged (same catalogue facts, counts and code), kept'}` +
      ` · elapsed ${duration(elapsed())}`,
  );
  const assembleStart = performance.now();
  await new Promise<void>((resolveRun, reject) => {
    const child = spawn(bin('tsx'), ['scripts/assemble-shards.ts', '--work', work, '--out', values.out!, '--seeds', seedsDir], { cwd: ROOT, stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`assemble failed (status ${code})`))));
  });

  const built = results.filter((r) => r.outcome === 'built');
  const peaks = [...built.map((r) => r.peakMb), sharedBuilt ? shared.peakMb : null].filter((m): m is number => m !== null);
  const reparsed = toBuild.flatMap((p) => readShardRecord(work, p.shard.id)?.reingested ?? []);
  console.log(
    `build:shards done in ${duration(elapsed())}: rebuilt ${built.length} of ${seeds.shards.length} province shards` +
      `${built.length ? ` (${built.map((r) => r.id).join(', ')})` : ''} in ${packs.length} job${packs.length === 1 ? '' : 's'}, re-parsed ${reparsed.length} plans${reparsed.length && reparsed.length <= 10 ? ` (${reparsed.join(', ')})` : ''}, ` +
      `shared pages ${sharedBuilt ? 'rebuilt' : 'kept'} (${duration((assembleStart - sharedStart) / 1000)}), assembled (${duration((performance.now() - assembleStart) / 1000)}); ` +
      `${seeds.entries.length} plans, ${results.reduce((n, r) => n + r.pages, 0) + shared.pages} pages built by the jobs` +
      (peaks.length ? `; largest job peak ${Math.max(...peaks).toFixed(0)} MB` : ''),
  );
}

function doneOf(shard: Shard, record: ShardRecord, outcome: ShardDone['outcome'], packed = 1): ShardDone {
  const notes = [
    outcome === 'built' && record.reingested.length < shard.slugs.length ? `re-parsed ${record.reingested.length ? record.reingested.join(', ') : 'none'}` : '',
    outcome === 'built' && packed > 1 ? `job ${record.job} of ${packed} provinces` : '',
  ].filter(Boolean);
  return { id: shard.id, plans: shard.slugs.length, pages: record.pages, seconds: record.seconds, peakMb: record.peakMb, outcome, note: notes.join('; ') || undefined };
}

main().catch((error) => {
  console.error(`build:shards: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
