/**
 * npm run assemble [-- --work build/shards] [--out dist] [--seeds DIR]
 * The last step of a sharded build: puts the shared job's site and every province job's
 * site side by side in one folder, each job contributing only the files it owns
 * (src/shards/shards.ts). Fails when two jobs contribute one path with different bytes or
 * when a page links to a file the assembled site does not have. Writes the national query
 * dictionary (pagefind/lexicon.json, every shard's words) and the word → bundles table
 * (pagefind/shard-words/, src/search/shard-words.ts) for searches across shards, and the
 * site-wide publishing files a single build writes: the national open-data CSVs (every
 * province job's rows, in catalogue order), sitemap.xml, robots.txt and _headers (the feed
 * comes from the shared job, which has every plan's catalogue entry).
 * Into an existing site it writes only the files that differ and deletes those no longer
 * produced (src/shards/sync-tree.ts), so a rebuild after one plan changed rewrites that
 * province's files and the shared files that changed; the result is byte for byte what an
 * assembly from nothing writes. Every check runs before the site folder is touched: a
 * failed assembly leaves the last site as it was and exits non-zero (nothing to publish).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { LEXICON_FILE, mergeLexicons, type LexiconJson } from '../src/search/lexicon.ts';
import { mergeSounds, SOUNDS_FILE } from '../src/search/sounds.ts';
import { brokenLinks, mergePlanCsv, planAssembly, type JobFiles } from '../src/shards/assemble.ts';
import { publishFilesOf } from '../src/publish/publish-files.ts';
import { syncTree, type Wanted } from '../src/shards/sync-tree.ts';
import { duration } from '../src/shards/progress.ts';
import { ownedByShard, ownedByShared, SHARED_SHARD, shardBundleDir } from '../src/shards/shards.ts';
import { DEFAULT_WORK, filesIn, ROOT } from './shards/job.ts';
import { FACTS_DIR, readSeeds, SITE_DIR, WORD_COUNTS_FILE } from './shards/state.ts';
import { buildShardWords, parseWordCounts, SHARD_WORDS_DIR } from '../src/search/shard-words.ts';
import { BUNDLES_FILE, readManifest, splitBundleWordCounts } from '../src/search/bundles.ts';
import { bundleBytes } from '../src/shards/bundle-bytes.ts';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: DEFAULT_WORK },
    out: { type: 'string', default: 'dist' },
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
  },
});
const started = performance.now();
/** The site-wide CSVs each province job writes for its own plans (src/pages/data/). */
const NATIONAL_CSVS = ['data/clauses.csv', 'data/indicators.csv'];
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

const listed = [
  { job: SHARED_SHARD, dir: siteOf(SHARED_SHARD), owns: ownedByShared },
  ...seeds.shards.map((shard) => ({ job: shard.id, dir: siteOf(shard.id), owns: (path: string) => ownedByShard(path, shard) })),
].map((j) => ({ ...j, paths: filesIn(j.dir) }));
// Only a path that two jobs own can collide (the built assets, in practice): only those are
// hashed, not every file of every job (2 GB at 3,000 plans).
const owners = new Map<string, number>();
for (const j of listed) for (const p of j.paths) if (j.owns(p)) owners.set(p, (owners.get(p) ?? 0) + 1);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const jobs: JobFiles[] = listed.map((j) => ({
  job: j.job,
  owns: j.owns,
  files: new Map(j.paths.map((p) => [p, (owners.get(p) ?? 0) > 1 ? sha(join(j.dir, p)) : ''])),
}));
const assembly = planAssembly(jobs);
if (assembly.collisions.length) {
  console.error(`assemble: ${assembly.collisions.length} files differ between jobs:`);
  for (const c of assembly.collisions.slice(0, 20)) console.error(`  ${c.path}: ${c.jobs.join(', ')}`);
  process.exit(1);
}

// Everything is read from the jobs' folders and made in memory, and every check passes,
// before the site folder is touched: a failed assembly leaves the last site as it was.
const sourceOf = (path: string) => join(work, assembly.placed.get(path)!, SITE_DIR, path);
/** The assembled site: each path → the job file it is copied from, or the bytes the assembly makes. */
const site = new Map<string, Wanted>([...assembly.placed.keys()].map((p) => [p, { from: sourceOf(p) }]));

// The national query dictionary: a search across shards segments queries with every shard's words.
const lexicons = seeds.shards.map((s) => JSON.parse(readFileSync(join(work, s.id, SITE_DIR, shardBundleDir(s.id), LEXICON_FILE), 'utf8')) as LexiconJson);
// The word → bundles table (src/search/shard-words.ts): a search merges only the bundles
// that hold its words. From each bundle's own word counts.
const table = buildShardWords(
  seeds.shards.flatMap((s) => {
    const file = join(work, s.id, FACTS_DIR, WORD_COUNTS_FILE);
    const manifestFile = join(work, s.id, SITE_DIR, shardBundleDir(s.id), BUNDLES_FILE);
    if (!existsSync(file) || !existsSync(manifestFile)) {
      console.error(`assemble: ${existsSync(file) ? manifestFile : file} is missing: build province job ${s.id} again (npm run build:shard -- --shard ${s.id} --force)`);
      process.exit(1);
    }
    // The table's entries are the province's bundles (src/search/bundles.ts), each with its own word counts.
    const manifest = readManifest(JSON.parse(readFileSync(manifestFile, 'utf8')), manifestFile);
    const counts = new Map(splitBundleWordCounts(readFileSync(file, 'utf8'), file).map((b) => [b.id, parseWordCounts(b.text, `${file} (${b.id})`)]));
    return manifest.bundles.map((b) => {
      // What merging the bundle downloads: its metadata, and an index chunk a word.
      const bytes = bundleBytes(join(work, s.id, SITE_DIR, 'pagefind', 'shards', b.id));
      if (!counts.has(b.id)) {
        console.error(`assemble: ${file} has no word counts of bundle ${b.id}: build province job ${s.id} again (npm run build:shard -- --shard ${s.id} --force)`);
        process.exit(1);
      }
      return { id: b.id, counts: counts.get(b.id)!, ...bytes };
    });
  }),
);
const national = JSON.stringify({ ...mergeLexicons(lexicons), shardWords: table.info });
site.set(`pagefind/${LEXICON_FILE}`, { bytes: national });
// The national sound table (pinyin slips): every province's characters.
site.set(`pagefind/${SOUNDS_FILE}`, {
  bytes: mergeSounds(seeds.shards.map((s) => readFileSync(join(work, s.id, SITE_DIR, shardBundleDir(s.id), SOUNDS_FILE), 'utf8'))),
});
for (const b of table.files) site.set(`pagefind/${SHARD_WORDS_DIR}/${b.bucket}.json`, { bytes: JSON.stringify(b) });
const tableGzip = table.files.map((b) => gzipSync(JSON.stringify(b)).length);

// The national open data: every province job's rows of its own plans, in catalogue order
// (the shared job, which holds no plan model, wrote the header only).
const planOrder = seeds.entries.map((e) => e.slug);
for (const csv of NATIONAL_CSVS) {
  const parts = seeds.shards.map((s) => {
    const file = join(work, s.id, SITE_DIR, csv);
    if (!existsSync(file)) {
      console.error(`assemble: ${file} is missing: province job ${s.id} did not write its open data`);
      process.exit(1);
    }
    return { file, text: readFileSync(file, 'utf8') };
  });
  try {
    site.set(csv, { bytes: mergePlanCsv(parts, planOrder) });
  } catch (error) {
    console.error(`assemble: ${csv}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
// sitemap.xml, robots.txt, _headers from the assembled pages, as a single build writes them.
const pages = [...site.keys()].filter((f) => f.endsWith('.html'));
// Each page read once for the sitemap and once for its links (not all kept in memory: ~1 GB of HTML at 3,000 plans).
const published = publishFilesOf((function* () {
  for (const page of pages) yield readFileSync(sourceOf(page), 'utf8');
})());
for (const f of published.files) site.set(f.name, { bytes: f.text });

const files = new Set(site.keys());
const broken = pages.flatMap((page) => brokenLinks(page, readFileSync(sourceOf(page), 'utf8'), files).map((href) => `${page}: ${href}`));
if (broken.length) {
  console.error(`assemble: ${broken.length} links lead to no file of the assembled site:`);
  for (const b of broken.slice(0, 30)) console.error(`  ${b}`);
  process.exit(1);
}

// Only now the site folder: what differs from the last assembly is written, what it no
// longer holds deleted (src/shards/sync-tree.ts); from nothing, everything is copied.
const synced = syncTree(out, site);
const bytes = [...site.values()].reduce((n, w) => n + ('from' in w ? statSync(w.from).size : Buffer.byteLength(w.bytes)), 0);
console.log(
  `assemble: ${seeds.shards.length} province shards + shared → ${out}: ${files.size} files (${pages.length} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB), ` +
    `${assembly.dropped} copies of other jobs' pages left out, no collisions, every link resolves; ` +
    `${synced.fresh ? 'written from nothing' : `${synced.written.length} files written, ${synced.deleted.length} deleted, ${synced.kept} unchanged`}; ` +
    `open data ${NATIONAL_CSVS.join(', ')} of ${planOrder.length} plans, ${published.summary}; ` +
    `national lexicon ${(Buffer.byteLength(national) / 1024).toFixed(0)} KB (${(gzipSync(national).length / 1024).toFixed(0)} KB gzip); ` +
    `word → bundles table (${table.info.shards.length} bundles) ${table.files.length} buckets (largest ${(Math.max(...tableGzip) / 1024).toFixed(1)} KB gzip); ${duration((performance.now() - started) / 1000)}`,
);
