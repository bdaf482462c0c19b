/**
 * npm run bench:scale [-- --sizes 5,50,250] [--seed S] [--keep] [--shards [--jobs N]]
 * For each size: synthesizes that many plans (npm run synth), then ingests, builds and
 * indexes them in a scratch copy of the project (so this worktree's content/ and dist/ are
 * left alone), timing each stage with its peak RSS (/usr/bin/time), and measures the site:
 * pages, dist size, Pagefind files and the largest page of each kind with its growth against
 * the smallest size. Prints the table and records it in docs/benchmarks.md (section "Scale").
 * With --shards it measures the sharded build instead (`npm run build:shards`, scripts/bench/shards.ts:
 * wall time, per-job time and peak memory, a rebuild after one plan changed, first and second
 * search bytes within a province and national, the largest page of each family of the
 * assembled site with its growth against the smallest size) and records it in the Scale
 * section's shards part, beside the columns of earlier runs at other sizes (each column says
 * when, at which commit and at what load it was measured). --pack N passes build:shards its
 * plans a packed job may hold.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSeedPlans } from '../src/synth/read-seeds.ts';
import { synthesizePlans } from '../src/synth/synthesize.ts';
import { mergeShardsRows, scaleSection, SCALE_END, SCALE_START, SHARDS_END, SHARDS_START, shardsPart, shardsRowsComment, shardsRowsIn, withScaleSection, withShardsPart } from './bench/scale-section.ts';
import { largestPages, PAGE_FAMILIES, PAGE_GROWTH_LIMIT, scaleTable, shardsTable, SINGLE_BASELINE_PLANS, type ScaleRow, type ShardsRow, type StageFigure } from './bench/scale-table.ts';
import { shardedBuildFigures } from './bench/shards.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,50,250' },
    seed: { type: 'string', default: '1' },
    /** Keep the scratch folder (its dist/ can be previewed) instead of removing it. */
    keep: { type: 'boolean', default: false },
    shards: { type: 'boolean', default: false },
    jobs: { type: 'string', default: String(availableParallelism()) },
    pack: { type: 'string' },
    /** With --shards: the plans over the first K provinces only (e.g. --sizes 194 --provinces 2: the density of 3,000 plans). */
    provinces: { type: 'string' },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const root = resolve(import.meta.dirname, '..');
const BENCH_DOC = join(root, 'docs/benchmarks.md');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

const seedsDir = join(root, 'seeds');
const seeds = readSeedPlans(seedsDir);

/** A copy of the project to build in: code and curated files copied, node_modules linked. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'content'));
  for (const f of readdirSync(join(root, 'content')).filter((f) => f.endsWith('.yaml'))) cpSync(join(root, 'content', f), join(dir, 'content', f));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs one stage, failing the benchmark when it fails; wall time, and peak RSS via /usr/bin/time -f %M (KB). */
function stage(cwd: string, command: string[]): StageFigure {
  const timeFile = join(cwd, '.stage-time');
  const argv = hasTime ? [TIME, '-f', '%M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const run = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(run.stdout.slice(-3000), run.stderr.slice(-3000));
    throw new Error(`${command.join(' ')} failed with status ${run.status}`);
  }
  const peakMb = hasTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { seconds, peakMb };
}

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: relative(dir, full), bytes: statSync(full).size };
    });
}

/** A single build (`npm run build`'s stages) of `count` synthetic plans in `project`: timings and the site's pages. */
function singleBuild(project: string, count: number): ScaleRow {
  const synthDir = join(project, `synth-${count}`);
  const started = performance.now();
  const set = synthesizePlans(seeds, { count, seed: Number(values.seed) });
  mkdirSync(synthDir);
  for (const [name, text] of set.files) writeFileSync(join(synthDir, name), text);
  writeFileSync(join(synthDir, 'catalog.yaml'), set.catalogYaml);
  const synth = { seconds: (performance.now() - started) / 1000, peakMb: null };
  rmSync(join(project, 'content', 'plans'), { recursive: true, force: true });
  rmSync(join(project, 'dist'), { recursive: true, force: true });
  const bin = (name: string) => join(project, 'node_modules', '.bin', name);
  const ingest = stage(project, [bin('tsx'), 'scripts/ingest.ts', '--seeds', synthDir, '--out', 'content/plans', '--force']);
  const astro = stage(project, [bin('astro'), 'build']);
  const index = stage(project, [bin('tsx'), 'scripts/build-index.ts']);
  const dist = filesUnder(join(project, 'dist'));
  const html = dist.filter((f) => f.path.endsWith('.html'));
  rmSync(synthDir, { recursive: true, force: true });
  return {
    plans: count,
    stages: { synth, ingest, 'astro build': astro, index },
    pages: html.length,
    distMb: dist.reduce((n, f) => n + f.bytes, 0) / 1024 / 1024,
    pagefindFiles: dist.filter((f) => f.path.startsWith('pagefind/')).length,
    families: largestPages(html),
  };
}

const loadBefore = loadavg()[0];
if (values.shards) {
  const shardRows: ShardsRow[] = [];
  // What "its size at 5 plans" means for every page (issue 12): the site of 5 plans built
  // the ordinary way, where each comparison page holds all five. (A sharded site of 5 plans
  // in 5 provinces splits every comparison into pages of one plan each.)
  console.log(`${SINGLE_BASELINE_PLANS} plans, single build (the page-size baseline)…`);
  const baselineProject = scratchProject();
  let singleFive: ShardsRow['singleFive'];
  try {
    const single = singleBuild(baselineProject, SINGLE_BASELINE_PLANS);
    singleFive = Object.fromEntries([...single.families].map(([family, size]) => [family, size.largest]));
  } finally {
    rmSync(baselineProject, { recursive: true, force: true });
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() ? '+changes' : '';
  for (const count of sizes) {
    console.log(`${count} plans, sharded…`);
    const loadAtStart = loadavg()[0];
    const row = await shardedBuildFigures(root, count, values.seed!, Number(values.jobs), (line) => console.log(line), values.pack ? Number(values.pack) : undefined, values.provinces ? Number(values.provinces) : undefined);
    shardRows.push({ ...row, singleFive, run: { date: new Date().toISOString().slice(0, 16).replace('T', ' '), commit: `${commit}${dirty}`, loadBefore: loadAtStart, loadAfter: loadavg()[0] } });
    console.log(shardsTable(shardRows));
    // Recorded after every size, so a long run that is stopped keeps what it measured.
    recordShards(shardRows);
  }
  process.exit(0);
}

function recordShards(measured: ShardsRow[]) {
  const doc = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : '# Benchmarks\n';
  const section = scaleSection(doc) || `${SCALE_START}\n## Scale\n\n${SCALE_END}\n`;
  const shardRows = mergeShardsRows(shardsRowsIn<ShardsRow>(shardsPart(section)), measured);
  const table = shardsTable(shardRows);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const runs = shardRows
    .map((r) => (r.run ? `${r.plans} plans in ${r.shards} provinces on ${r.run.date} UTC at ${r.run.commit}, load average ${r.run.loadBefore.toFixed(1)} before and ${r.run.loadAfter.toFixed(1)} after` : `${r.plans} plans in an earlier run`))
    .join('; ');
  const single = [...shardRows].reverse().find((r) => r.singleFive)?.singleFive;
  const baselineSizes = single ? ` (${PAGE_FAMILIES.filter((f) => single[f]).map((f) => `${f} ${(single[f]! / 1024).toFixed(0)} KB`).join(', ')})` : '';
  const busy = shardRows.some((r) => r.run && Math.max(r.run.loadBefore, r.run.loadAfter) > cpus().length);
  const part =
    `${SHARDS_START}\n### Sharded build\n\nRecorded by \`npm run bench:scale -- --shards --sizes N --seed ${values.seed} --jobs ${values.jobs}\`${values.pack ? ` --pack ${values.pack}` : ''} (${machine}), one column per size, each from its own run: ${runs}` +
    `${busy ? ' — **the machine was busy with other builds, so times are high and noisy**' : ''}. ` +
    'Synthetic plans over the 31 provinces (or the first few: `--provinces K`, the density of a larger country), `npm run build:shards` from nothing into a scratch folder: the provinces packed into jobs of at most 50 plans (a larger province alone, src/shards/packing.ts), ' +
    `${values.jobs} jobs at a time, then the shared pages and the assembly (docs/deploy.md). Peak RSS per job is the largest process of that job. ` +
    'Search bytes are everything a phone downloads (gzip) from opening /search/ with a query to the rendered results, within the first province and national; the second search is another query on the same page. ' +
    `Page sizes are the largest page of each family of the assembled site, ×growth against the same family's largest page of the site of ${SINGLE_BASELINE_PLANS} synthetic plans (same seed) built the ordinary way, where each comparison page holds all of them${baselineSizes} (bold: over ×${PAGE_GROWTH_LIMIT}).\n\n` +
    `${table}\n${shardsRowsComment(shardRows)}\n${SHARDS_END}`;
  writeFileSync(BENCH_DOC, withScaleSection(doc, `${withShardsPart(section, part).trim()}\n`));
  console.log('recorded in docs/benchmarks.md (section Scale, sharded build)');
}

const rows: ScaleRow[] = [];
const project = scratchProject();
try {
  for (const count of sizes) {
    console.log(`${count} plans…`);
    const row = singleBuild(project, count);
    rows.push(row);
    for (const family of PAGE_FAMILIES) {
      const size = row.families.get(family);
      if (size) console.log(`  ${family.padEnd(18)} ${String(size.pages).padStart(5)} pages, largest ${(size.largest / 1024).toFixed(1)} KB ${size.largestPath}`);
    }
  }
} finally {
  if (values.keep) console.log(`scratch project kept in ${project}`);
  else rmSync(project, { recursive: true, force: true });
}

const table = scaleTable(rows);
console.log(table);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const section =
  `${SCALE_START}\n## Scale\n\nRecorded by \`npm run bench:scale -- --sizes ${values.sizes} --seed ${values.seed}\` on ${new Date().toISOString().slice(0, 10)} (${machine}). ` +
  'Synthetic plans (`npm run synth`: the seeds under invented place names, spread over the 31 provinces), built from scratch ' +
  '(ingest with --force, astro build, Pagefind index) in a copy of the project. Peak RSS is the largest single process of each stage (`/usr/bin/time -f %M`). ' +
  'Page sizes are the largest page of each kind, ×growth against the smallest size.\n\n' +
  `${table}\n${shardsPart(scaleSection(existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : ''))}\n${SCALE_END}\n`;
writeFileSync(BENCH_DOC, withScaleSection(existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : '# Benchmarks\n', section));
console.log('recorded in docs/benchmarks.md (section Scale)');
