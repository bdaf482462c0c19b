/**
 * npm run index: builds the search index into dist/pagefind/ with the Pagefind Node API.
 *
 *   tsx scripts/build-index.ts [--dist <dir>] [--out <dir>] [--refs <dir>] [--no-plans-table] [--word-counts <file>]
 *   tsx scripts/build-index.ts --provinces <file.json> [--refs <dir>] [--no-plans-table]
 *
 * --out puts the bundle elsewhere than <dist>/pagefind (a province job of a sharded build:
 * <dist>/pagefind/shards/<province>/), --refs the citation tables elsewhere than <out>/refs,
 * and --no-plans-table leaves out refs/plans.json (the shared job writes it for every plan).
 * --word-counts writes each indexed word (Pagefind's form) with the number of records that
 * hold it: a province job hands it to the assemble step for the word → provinces table
 * (src/search/shard-words.ts).
 * --provinces builds several indexes in this one process, each from some of the plans: a JSON
 * array of { slugs, out, wordCounts } (a packed job of a sharded build: one bundle per
 * province, src/shards/packing.ts), so Pagefind, nodejieba and the curated words start once
 * a job instead of once a province; each index is what a run with only its plans writes.
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
import { indexForm, LEXICON_FILE } from '../src/search/lexicon.ts';
import { wordCountsText } from '../src/search/shard-words.ts';
import { CARRIER_FILTERS, FILTER_NAMES, TOPIC_FILTER } from '../src/search/records.ts';
import { writeRefFiles } from '../src/search/refs-files.ts';
import { isWordToken } from '../src/search/text.ts';
import { loadUserWords, subwords, tokenize } from '../src/search/tokenize.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string' },
    refs: { type: 'string' },
    'no-plans-table': { type: 'boolean', default: false },
    'word-counts': { type: 'string' },
    provinces: { type: 'string' },
  },
});
const dist = resolve(root, args.dist!);

interface Bundle {
  /** The plans it indexes; all of content/plans/ when absent. */
  slugs?: string[];
  out: string;
  wordCounts?: string;
}

const bundles: Bundle[] = args.provinces
  ? (JSON.parse(readFileSync(resolve(root, args.provinces), 'utf8')) as Bundle[])
  : [{ out: args.out ? resolve(root, args.out) : join(dist, 'pagefind'), wordCounts: args['word-counts'] }];

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const fail = (what: string, errors: string[]): never => {
  console.error(`build-index: ${what} failed:\n  ${errors.join('\n  ')}`);
  process.exit(1);
};

// Curated words stay whole in the index and in the query dictionary: the listed words and
// every alias key (what people type). Alias values are not: they are segmented like queries.
// They are the curated files' only (no plan's), so one load serves every bundle.
const tWords = performance.now();
loadUserWords(indexUserWords({ synonyms: loadSynonyms(root) }));
console.log(`build-index: curated words loaded in ${ms(tWords)}`);
for (const bundle of bundles) await buildBundle(bundle);
await pagefind.close();

async function buildBundle({ slugs, out: outArg, wordCounts }: Bundle) {
  const out = resolve(root, outArg);
  const t0 = performance.now();
  const corpus = loadCorpus(root, slugs ? new Set(slugs) : undefined);
  const tLoad = ms(t0);
  const t1 = performance.now();
  const vocab = new Set<string>();
  /** Records per indexed word (index form), for --word-counts. */
  const records = new Map<string, number>();
  const prepared = corpus.records.map((r) => {
    const tokens = tokenize(r.text);
    const kw = subwords(r.text, tokens);
    const own = new Set<string>();
    for (const t of tokens) if (isWordToken(t)) (vocab.add(t), own.add(indexForm(t)));
    for (const t of kw) (vocab.add(t), own.add(indexForm(t)));
    for (const w of own) if (w) records.set(w, (records.get(w) ?? 0) + 1);
    return { r, content: tokens.join(' '), kw };
  });
  const tTokenize = ms(t1);

  const t2 = performance.now();
  const created = await pagefind.createIndex({ forceLanguage: 'zxx' });
  if (created.errors.length || !created.index) fail('createIndex', created.errors);
  const index = created.index!;
  const batch = 64;
  for (let i = 0; i < prepared.length; i += batch) {
    const responses = await Promise.all(
      prepared.slice(i, i + batch).map(({ r, content, kw }) =>
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
      if (res.errors.length) fail(`addCustomRecord ${prepared[i + k].r.url}`, res.errors);
    });
  }
  const tAdd = ms(t2);

  const t3 = performance.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) fail('writeFiles', written.errors);
  const lexicon = JSON.stringify(lexiconOf(corpus, vocab));
  writeFileSync(join(out, LEXICON_FILE), lexicon);
  if (wordCounts) {
    const file = resolve(root, wordCounts);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, wordCountsText(records));
  }
  console.log(writeRefFiles(corpus, out, { dir: args.refs ? resolve(root, args.refs) : undefined, plansTable: !args['no-plans-table'] }));
  const tWrite = ms(t3);
  // Frees the service's copy of this bundle before the next one.
  await index.deleteIndex();

  const kinds = corpus.records.reduce<Record<string, number>>((a, r) => ((a[r.filters.kind] = (a[r.filters.kind] ?? 0) + 1), a), {});
  console.log(
    `build-index: ${corpus.records.length} records (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}) ` +
      `from ${corpus.plans.length} plans → ${out}`,
  );
  console.log(
    `build-index: vocabulary ${vocab.size} words; ${LEXICON_FILE} ${Buffer.byteLength(lexicon)} B raw, ${gzipSync(lexicon).length} B gzip`,
  );
  console.log(
    `build-index: load ${tLoad}, tokenize ${tTokenize}, add records ${tAdd}, write ${tWrite}, total ${ms(t0)}`,
  );
}
