/**
 * npm run build:shards [-- --seeds DIR] [--work build/shards] [--out dist] [--jobs N] [--force] [--list]
 * The whole site built in shards on one machine: one job per province
 * (scripts/build-shard.ts), as many at a time as there are cores (or --jobs), then the
 * shared pages' job, then the assemble step into dist/ (scripts/assemble-shards.ts).
 * Says first what changed since the last run (plans by content hash, the site's code),
 * skips shards whose plans and code are unchanged, prints a line per finished shard
 * (counts, time, time left) and ends with a summary. Each job is its own process, so the
 * peak memory of any one is that of its province, whatever the number of provinces.
 * --list prints the province shards' ids as JSON and stops (the CI matrix, .github/workflows/national.yml).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changeCount, describeChanges, planChanges } from '../src/shards/fingerprint.ts';
import { duration, progressLine, type ShardDone } from '../src/shards/progress.ts';
import { SHARED_SHARD, type Shard } from '../src/shards/shards.ts';
import { DEFAULT_WORK, ROOT, bin, siteCodeHash } from './shards/job.ts';
import { provinceFingerprint, readSeeds, readShardRecord, shardPlanHashes, type ShardRecord } from './shards/state.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
    work: { type: 'string', default: DEFAULT_WORK },
    out: { type: 'string', default: 'dist' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    force: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});
const seedsDir = resolve(values.seeds!);
const work = resolve(ROOT, values.work!);
const parallel = Math.max(1, Number(values.jobs));
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

const jobArgs = (job: string) => ['scripts/build-shard.ts', ...(job === SHARED_SHARD ? ['--shared'] : ['--shard', job]), '--seeds', seedsDir, '--work', work, ...(values.force ? ['--force'] : [])];

async function main() {
  const seeds = readSeeds(seedsDir);
  if (values.list) {
    console.log(JSON.stringify(seeds.shards.map((s) => s.id)));
    return;
  }
  const codeHash = siteCodeHash();
  // What changed since the last run, shard by shard.
  const plan = seeds.shards.map((shard) => {
    const last = readShardRecord(work, shard.id);
    const current = shardPlanHashes(seeds, shard);
    const changes = planChanges(last?.plans ?? {}, current);
    const fresh = !values.force && last?.fingerprint === provinceFingerprint(seeds, shard, codeHash);
    const why = values.force ? 'forced' : !last ? 'never built' : changeCount(changes) ? describeChanges(changes) : 'site code changed';
    return { shard, fresh, why };
  });
  const toBuild = plan.filter((p) => !p.fresh);
  const plansTotal = toBuild.reduce((n, p) => n + p.shard.slugs.length, 0);
  console.log(
    `build:shards: ${seeds.entries.length} plans in ${seeds.shards.length} province shards (${seedsDir}); ` +
      `${toBuild.length} to build (${plansTotal} plans), ${plan.length - toBuild.length} unchanged; ${parallel} jobs at a time`,
  );
  for (const p of toBuild) console.log(`  ${p.shard.id}: ${p.why}`);

  let shardsDone = 0;
  let plansDone = 0;
  let jobSeconds = 0;
  const results: ShardDone[] = [];
  const report = (done: ShardDone) => {
    shardsDone++;
    if (done.outcome === 'built') {
      plansDone += done.plans;
      jobSeconds += done.seconds;
    }
    results.push(done);
    console.log(progressLine(done, { shards: shardsDone, shardsTotal: seeds.shards.length, plans: plansDone, plansTotal, jobSeconds, parallel: Math.min(parallel, toBuild.length) }, elapsed()));
  };
  for (const p of plan.filter((p) => p.fresh)) report(doneOf(p.shard, readShardRecord(work, p.shard.id)!, 'unchanged'));

  // A pool of `parallel` workers over the shards to build, largest first (the longest jobs start early).
  const queue = [...toBuild].sort((a, b) => b.shard.slugs.length - a.shard.slugs.length);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await run(jobArgs(next.shard.id));
      const record = readShardRecord(work, next.shard.id)!;
      report(doneOf(next.shard, record, 'built'));
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
      `${built.length ? ` (${built.map((r) => r.id).join(', ')})` : ''}, re-parsed ${reparsed.length} plans${reparsed.length && reparsed.length <= 10 ? ` (${reparsed.join(', ')})` : ''}, ` +
      `shared pages ${sharedBuilt ? 'rebuilt' : 'kept'} (${duration((assembleStart - sharedStart) / 1000)}), assembled (${duration((performance.now() - assembleStart) / 1000)}); ` +
      `${seeds.entries.length} plans, ${results.reduce((n, r) => n + r.pages, 0) + shared.pages} pages built by the jobs` +
      (peaks.length ? `; largest job peak ${Math.max(...peaks).toFixed(0)} MB` : ''),
  );
}

function doneOf(shard: Shard, record: ShardRecord, outcome: ShardDone['outcome']): ShardDone {
  const note = outcome === 'built' && record.reingested.length < shard.slugs.length ? `re-parsed ${record.reingested.length ? record.reingested.join(', ') : 'none'}` : undefined;
  return { id: shard.id, plans: shard.slugs.length, pages: record.pages, seconds: record.seconds, peakMb: record.peakMb, outcome, note };
}

main().catch((error) => {
  console.error(`build:shards: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
