/**
 * npm run assemble [-- --work build/shards] [--out dist] [--seeds DIR]
 * The last step of a sharded build: puts the shared job's site and every province job's
 * site side by side in one folder, each job contributing only the files it owns
 * (src/shards/shards.ts). Fails when two jobs contribute one path with different bytes or
 * when a page links to a file the assembled site does not have. Writes the national query
 * dictionary (pagefind/lexicon.json, every shard's words) for searches across shards.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { LEXICON_FILE, mergeLexicons, type LexiconJson } from '../src/search/lexicon.ts';
import { brokenLinks, planAssembly, type JobFiles } from '../src/shards/assemble.ts';
import { duration } from '../src/shards/progress.ts';
import { ownedByShard, ownedByShared, SHARED_SHARD, shardBundleDir } from '../src/shards/shards.ts';
import { DEFAULT_WORK, hashedFiles, ROOT } from './shards/job.ts';
import { readSeeds, SITE_DIR } from './shards/state.ts';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: DEFAULT_WORK },
    out: { type: 'string', default: 'dist' },
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
  },
});
const started = performance.now();
const work = resolve(ROOT, values.work!);
const out = resolve(ROOT, values.out!);
const seeds = readSeeds(resolve(values.seeds!));
const siteOf = (job: string) => {
  const dir = join(work, job, SITE_DIR);
  if (!existsSync(dir)) {
    console.error(`assemble: ${dir} is missing: build job ${job} first (npm run build:shard -- ${job === SHARED_SHARD ? '--shared' : `--shard ${job}`})`);
    process.exit(1);
  }
  return dir;
};

const jobs: JobFiles[] = [
  { job: SHARED_SHARD, files: hashedFiles(siteOf(SHARED_SHARD)), owns: ownedByShared },
  ...seeds.shards.map((shard) => ({ job: shard.id, files: hashedFiles(siteOf(shard.id)), owns: (path: string) => ownedByShard(path, shard) })),
];
const assembly = planAssembly(jobs);
if (assembly.collisions.length) {
  console.error(`assemble: ${assembly.collisions.length} files differ between jobs:`);
  for (const c of assembly.collisions.slice(0, 20)) console.error(`  ${c.path}: ${c.jobs.join(', ')}`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
for (const [path, job] of assembly.placed) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, job, SITE_DIR, path), target);
}

// The national query dictionary: a search across shards segments queries with every shard's words.
const lexicons = seeds.shards.map((s) => JSON.parse(readFileSync(join(out, shardBundleDir(s.id), LEXICON_FILE), 'utf8')) as LexiconJson);
const national = JSON.stringify(mergeLexicons(lexicons));
writeFileSync(join(out, 'pagefind', LEXICON_FILE), national);

const files = new Set(assembly.placed.keys());
files.add(`pagefind/${LEXICON_FILE}`);
const pages = [...files].filter((f) => f.endsWith('.html'));
const broken = pages.flatMap((page) => brokenLinks(page, readFileSync(join(out, page), 'utf8'), files).map((href) => `${page}: ${href}`));
if (broken.length) {
  console.error(`assemble: ${broken.length} links lead to no file of the assembled site:`);
  for (const b of broken.slice(0, 30)) console.error(`  ${b}`);
  process.exit(1);
}
const bytes = [...files].reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
console.log(
  `assemble: ${seeds.shards.length} province shards + shared → ${out}: ${files.size} files (${pages.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB), ` +
    `${assembly.dropped} copies of other jobs' pages left out, no collisions, every link resolves; ` +
    `national lexicon ${(Buffer.byteLength(national) / 1024).toFixed(0)} KB (${(gzipSync(national).length / 1024).toFixed(0)} KB gzip); ${duration((performance.now() - started) / 1000)}`,
);
