/**
 * A province's records cut into several smaller Pagefind bundles (issue 12): a first search
 * downloads the whole metadata file (`pf_meta`, ~10 B a record) of every bundle it loads,
 * and the index chunks of its words grow with the bundle's records, so a province of ~100
 * plans in one bundle (~8,500 records, 83 KB of metadata) is over the 200 KB goal of a
 * search within one province. Bundles of a bounded number of records keep both small
 * whatever the size of the province; the word → bundles table (shard-words.ts) lets a
 * search load only the bundles holding its words.
 *
 * The split is by whole plans, in catalogue order (a plan's records are never split, so a
 * search filtered to one plan loads one bundle). The province job makes it
 * (scripts/build-index.ts --bundles) and writes it beside the bundles
 * (pagefind/shards/<province>/bundles.json), the only place that says which plan is in
 * which bundle.
 */
import type { ShardWordsInfo } from './shard-words.ts';

/** Records a bundle holds at most (a larger plan gets a bundle of its own): ~15 plans, ~14 KB of metadata. */
export const BUNDLE_RECORDS = 1500;
export const BUNDLES_FILE = 'bundles.json';
export const BUNDLES_VERSION = 1;

/** pagefind/shards/<province>/bundles.json */
export interface BundlesManifest {
  v: number;
  /** Bundle ids, `<province>/<n>`, each with its plans' slugs; the bundle is in pagefind/shards/<id>/. */
  bundles: { id: string; plans: string[] }[];
  /**
   * The province's own word → bundles table (its buckets in pagefind/shards/<province>/words/):
   * a search within the province routes with it and the province's dictionary, so what it
   * downloads does not grow with the number of provinces.
   */
  words?: ShardWordsInfo;
}
/** Folder of a province's own word → bundles table, beside bundles.json. */
export const PROVINCE_WORDS_DIR = 'words';

/** A bundle's id: its folder under pagefind/shards/. */
export const bundleId = (province: string, n: number) => `${province}/${n}`;
/** The province shard of a bundle id (`gansu/2` → `gansu`). */
export const provinceOfBundle = (id: string) => id.split('/')[0];

/**
 * Plans (in catalogue order, with their record counts) grouped into bundles of at most
 * `max` records: consecutive plans, a group closed when the next plan would take it over.
 */
export function splitIntoBundles(plans: readonly { slug: string; records: number }[], max = BUNDLE_RECORDS): string[][] {
  const groups: string[][] = [];
  let size = Infinity;
  for (const p of plans) {
    if (size + p.records > max) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(p.slug);
    size += p.records;
  }
  return groups;
}

export function manifestOf(province: string, groups: readonly string[][], words?: ShardWordsInfo): BundlesManifest {
  return { v: BUNDLES_VERSION, bundles: groups.map((plans, n) => ({ id: bundleId(province, n), plans: [...plans] })), ...(words ? { words } : {}) };
}

export function readManifest(json: BundlesManifest, file: string): BundlesManifest {
  if (json?.v !== BUNDLES_VERSION || !Array.isArray(json.bundles)) throw new Error(`${file}: not a bundles manifest of version ${BUNDLES_VERSION}`);
  return json;
}

/** The bundles holding these plans (by slug), in the manifest's order. */
export const bundlesHolding = (manifest: BundlesManifest, slugs: readonly string[]): string[] =>
  manifest.bundles.filter((b) => b.plans.some((p) => slugs.includes(p))).map((b) => b.id);

/**
 * The word counts of a province's bundles in one file (build-index --word-counts, read by
 * the assembly): for each bundle a line `#<bundle id>`, then its `word<TAB>records` lines.
 */
export function bundleWordCountsText(bundles: readonly { id: string; text: string }[]): string {
  return bundles.map((b) => `#${b.id}\n${b.text}`).join('');
}

/** Parses bundleWordCountsText's file into each bundle's lines; names the file and line of a word before any bundle. */
export function splitBundleWordCounts(text: string, file: string): { id: string; text: string }[] {
  const out: { id: string; text: string; lines: string[] }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('#')) out.push({ id: line.slice(1), text: '', lines: [] });
    else if (line) {
      if (!out.length) throw new Error(`${file}:${i + 1}: a word before any "#<bundle id>" line`);
      out[out.length - 1].lines.push(line);
    }
  });
  return out.map((b) => ({ id: b.id, text: b.lines.map((l) => `${l}\n`).join('') }));
}
