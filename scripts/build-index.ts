/**
 * npm run index: builds the search index into dist/pagefind/ with the Pagefind Node API.
 *
 *   tsx scripts/build-index.ts [--dist <dir>] [--out <dir>] [--refs <dir>] [--no-plans-table] [--word-counts <file>]
 *                              [--bundles <province> [--bundle-records N]]
 *   tsx scripts/build-index.ts --provinces <file.json> [--refs <dir>] [--no-plans-table] [--bundle-records N]
 *
 * --out puts the bundle elsewhere than <dist>/pagefind (a province job of a sharded build:
 * <dist>/pagefind/shards/<province>/), --refs the citation tables elsewhere than <out>/refs,
 * and --no-plans-table leaves out refs/plans.json (the shared job writes it for every plan).
 * --word-counts writes each indexed word (Pagefind's form) with the number of records that
 * hold it: a province job hands it to the assemble step for the word → provinces table
 * (src/search/shard-words.ts).
 * --bundles cuts the records into several bundles of whole plans, at most --bundle-records
 * records each (default BUNDLE_RECORDS, or the BUNDLE_RECORDS environment variable, which
 * tests set to get several bundles from a few plans): <out>/<n>/ each, with
 * <out>/bundles.json saying which plans each holds (src/search/bundles.ts), the lexicon of
 * the whole province in <out>/, and the word counts per bundle.
 * --provinces builds several provinces' indexes in this one process, each from some of the
 * plans: a JSON array of { slugs, out, wordCounts, province } (a packed job of a sharded
 * build, src/shards/packing.ts; `province` cuts that province into bundles as --bundles
 * does), so Pagefind, nodejieba and the curated words start once a job instead of once a
 * province; each province's output is what a run with only its plans writes.
 *
 * One custom record per clause, 专栏 item and indicator row of every plan (content/plans/),
 * its content the nodejieba tokens joined by spaces, language `zxx` so Pagefind does not
 * segment it again (docs/search.md explains why). Also writes dist/pagefind/lexicon.json,
 * the query dictionary the browser and the CLI segment queries with. Any error reported by
 * Pagefind fails the build.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { indexUserWords, lexiconOf, loadCorpus, loadSynonyms } from '../src/search/corpus.ts';
import { decodeLexicon, indexForm, LEXICON_FILE } from '../src/search/lexicon.ts';
import { soundTableText } from '../src/search/sound-table.ts';
import { SOUNDS_FILE } from '../src/search/sounds.ts';
import { buildShardWords, wordCountsText } from '../src/search/shard-words.ts';
import { bundleBytes } from '../src/shards/bundle-bytes.ts';
import { BUNDLE_RECORDS, BUNDLES_FILE, bundleId, bundleWordCountsText, manifestOf, PROVINCE_WORDS_DIR, splitIntoBundles } from '../src/search/bundles.ts';
import { CARRIER_FILTERS, FILTER_NAMES, TOPIC_FILTER } from '../src/search/records.ts';
import { writeRefFiles } from '../src/search/refs-files.ts';
import { writeSearchPreloads } from '../src/search/search-preloads.ts';
import { basePath } from '../src/publish/site-address.ts';
import { isWordToken } from '../src/search/text.ts';
import { loadUserWords, subwords, tokenize } from '../src/search/tokenize.ts';
import { indexedContent } from '../src/search/enumerations.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string' },
    refs: { type: 'string' },
    'no-plans-table': { type: 'boolean', default: false },
    'word-counts': { type: 'string' },
    bundles: { type: 'string' },
    'bundle-records': { type: 'string', default: process.env.BUNDLE_RECORDS || String(BUNDLE_RECORDS) },
    provinces: { type: 'string' },
  },
});
const dist = resolve(root, args.dist!);

/** One index this process writes: some plans (all of content/plans/ when `slugs` is absent). */
interface IndexJob {
  slugs?: string[];
  out: string;
  wordCounts?: string;
  /** Province id: cut its records into bundles of whole plans (src/search/bundles.ts). */
  province?: string;
}

const jobs: IndexJob[] = args.provinces
  ? (JSON.parse(readFileSync(resolve(root, args.provinces), 'utf8')) as IndexJob[])
  : [{ out: args.out ? resolve(root, args.out) : join(dist, 'pagefind'), wordCounts: args['word-counts'], province: args.bundles }];
const maxRecords = Number(args['bundle-records']);

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const fail = (what: string, errors: string[]): never => {
  console.error(`build-index: ${what} failed:\n  ${errors.join('\n  ')}`);
  process.exit(1);
};
if (!(maxRecords > 0)) fail('--bundle-records', [`expected a positive number, got ${args['bundle-records']}`]);

// Curated words stay whole in the index and in the query dictionary: the listed words and
// every alias key (what people type). Alias values are not: they are segmented like queries.
// They are the curated files' only (no plan's), so one load serves every index.
const tWords = performance.now();
loadUserWords(indexUserWords({ synonyms: loadSynonyms(root) }));
console.log(`build-index: curated words loaded in ${ms(tWords)}`);
for (const job of jobs) await buildIndex(job);
await pagefind.close();
// The site's own bundle (not a shard's): the search page preloads what it names
// (src/search/search-preloads.ts); a no-op on a page built without those preloads.
if (jobs.some((job) => resolve(root, job.out) === join(dist, 'pagefind') && !job.province)) {
  const added = writeSearchPreloads(dist, basePath(process.env, root));
  if (added) console.log(`build-index: search page preloads ${added.join(', ')}`);
}

interface Prepared {
  r: ReturnType<typeof loadCorpus>['records'][number];
  content: string;
  kw: string[];
  own: Set<string>;
}

/** Records per indexed word (index form), for the word counts. */
function wordCounts(records: readonly Prepared[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { own } of records) for (const w of own) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** One Pagefind bundle of these records, written to `dir`; one index in memory at a time. */
async function writeBundle(records: readonly Prepared[], dir: string) {
  const created = await pagefind.createIndex({ forceLanguage: 'zxx' });
  if (created.errors.length || !created.index) fail('createIndex', created.errors);
  const index = created.index!;
  const batch = 64;
  for (let i = 0; i < records.length; i += batch) {
    const responses = await Promise.all(
      records.slice(i, i + batch).map(({ r, content, kw }) =>
        index.addCustomRecord({
          url: r.url,
          content,
          language: 'zxx',
          // Searchable (Pagefind ≥ 1.5 indexes meta): only the sub-words, so 补贴 finds 护理补贴.
          meta: kw.length ? { kw: kw.join(' ') } : {},
          filters: {
            ...Object.fromEntries(FILTER_NAMES.map((f) => [f, [r.filters[f]]])),
            // Display data that must not be searchable (filter values never are).
            [CARRIER_FILTERS[0]]: [r.cite],
            [CARRIER_FILTERS[1]]: [r.stage],
            ...(r.topics.length ? { [TOPIC_FILTER]: r.topics } : {}),
          },
          sort: { order: String(r.order).padStart(7, '0') },
        }),
      ),
    );
    responses.forEach((res, k) => {
      if (res.errors.length) fail(`addCustomRecord ${records[i + k].r.url}`, res.errors);
    });
  }
  mkdirSync(dirname(dir), { recursive: true });
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) fail('writeFiles', written.errors);
  // Frees the service's copy of this bundle before the next one.
  await index.deleteIndex();
}

/** A province's records as bundles of whole plans, with its own word → bundles table; returns the word counts text. */
async function writeProvinceBundles(province: string, corpus: ReturnType<typeof loadCorpus>, prepared: readonly Prepared[], out: string): Promise<string> {
  const bySlug = new Map<string, Prepared[]>();
  for (const p of prepared) bySlug.get(p.r.slug)?.push(p) ?? bySlug.set(p.r.slug, [p]);
  const groups = splitIntoBundles(corpus.catalog.map((e) => ({ slug: e.slug, records: bySlug.get(e.slug)?.length ?? 0 })), maxRecords);
  const ids = groups.map((_, n) => bundleId(province, n));
  const parts: { id: string; text: string }[] = [];
  const tableInput: Parameters<typeof buildShardWords>[0][number][] = [];
  for (const [n, group] of groups.entries()) {
    const records = group.flatMap((slug) => bySlug.get(slug) ?? []);
    const dir = join(out, String(n));
    await writeBundle(records, dir);
    const words = wordCounts(records);
    parts.push({ id: ids[n], text: wordCountsText(words) });
    tableInput.push({ id: ids[n], counts: words, ...bundleBytes(dir) });
  }
  // The province's own word → bundles table, for searches within it (src/search/bundles.ts).
  const table = buildShardWords(tableInput);
  mkdirSync(join(out, PROVINCE_WORDS_DIR), { recursive: true });
  for (const b of table.files) writeFileSync(join(out, PROVINCE_WORDS_DIR, `${b.bucket}.json`), JSON.stringify(b));
  writeFileSync(join(out, BUNDLES_FILE), JSON.stringify(manifestOf(province, groups, table.info)));
  console.log(`build-index: ${groups.length} bundles of at most ${maxRecords} records (${groups.map((g) => g.reduce((n, s) => n + (bySlug.get(s)?.length ?? 0), 0)).join(', ')})`);
  return bundleWordCountsText(parts);
}

async function buildIndex({ slugs, out: outArg, wordCounts: wordCountsFile, province }: IndexJob) {
  const out = resolve(root, outArg);
  const t0 = performance.now();
  const corpus = loadCorpus(root, slugs ? new Set(slugs) : undefined);
  const tLoad = ms(t0);
  const t1 = performance.now();
  const vocab = new Set<string>();
  const enumerable = new Set(corpus.synonyms.enumerable);
  const prepared: Prepared[] = corpus.records.map((r) => {
    const tokens = tokenize(r.text);
    const kw = subwords(r.text, tokens);
    const own = new Set<string>();
    for (const t of tokens) if (isWordToken(t)) (vocab.add(t), own.add(indexForm(t)));
    for (const t of kw) (vocab.add(t), own.add(indexForm(t)));
    return { r, content: indexedContent(tokens, enumerable), kw, own };
  });
  const tTokenize = ms(t1);

  const t2 = performance.now();
  rmSync(out, { recursive: true, force: true });
  let counts: string;
  if (province) counts = await writeProvinceBundles(province, corpus, prepared, out);
  else {
    await writeBundle(prepared, out);
    counts = wordCountsText(wordCounts(prepared));
  }
  const tAdd = ms(t2);

  const t3 = performance.now();
  const lexiconJson = lexiconOf(corpus, vocab);
  const lexicon = JSON.stringify(lexiconJson);
  writeFileSync(join(out, LEXICON_FILE), lexicon);
  // The sound table, for reading pinyin slips (src/search/sounds.ts): fetched only by a query that needs it.
  const decoded = decodeLexicon(lexiconJson);
  const sounds = soundTableText(decoded.dictionary, decoded.words);
  writeFileSync(join(out, SOUNDS_FILE), sounds);
  if (wordCountsFile) {
    const file = resolve(root, wordCountsFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, counts);
  }
  console.log(writeRefFiles(corpus, out, { dir: args.refs ? resolve(root, args.refs) : undefined, plansTable: !args['no-plans-table'] }));
  const tWrite = ms(t3);

  const kinds = corpus.records.reduce<Record<string, number>>((a, r) => ((a[r.filters.kind] = (a[r.filters.kind] ?? 0) + 1), a), {});
  console.log(
    `build-index: ${corpus.records.length} records (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}) ` +
      `from ${corpus.plans.length} plans → ${out}`,
  );
  console.log(
    `build-index: vocabulary ${vocab.size} words; ${LEXICON_FILE} ${Buffer.byteLength(lexicon)} B raw, ${gzipSync(lexicon).length} B gzip; ` +
      `${SOUNDS_FILE} ${gzipSync(sounds).length} B gzip`,
  );
  console.log(
    `build-index: load ${tLoad}, tokenize ${tTokenize}, add and write records ${tAdd}, write the rest ${tWrite}, total ${ms(t0)}`,
  );
}
