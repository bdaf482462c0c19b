/**
 * A shard's state between runs: the catalogue's plans grouped into shards with each plan's
 * content hash, and what the last build of a shard recorded (work/<shard>/shard.json), so
 * the runner and a job agree on whether it must be rebuilt and on what changed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type CatalogFileEntry } from '../../src/pipeline/catalog/load-catalog.ts';
import { isPlanSourceName } from '../../src/pipeline/read/source-formats.ts';
import { BUNDLE_RECORDS } from '../../src/search/bundles.ts';
import { buildSettings, planHash, shardFingerprint, type BuildSettings } from '../../src/shards/fingerprint.ts';
import { shardsOf, type Shard } from '../../src/shards/shards.ts';

export const SHARD_FILE = 'shard.json';
/** A job's output site, beside its work copy of the project. */
export const SITE_DIR = 'site';
/** A province's ingested plans (its content/plans/), kept between runs so unchanged plans are reused whichever job builds it. */
export const PLANS_DIR = 'plans';
/** Under the work folder: each province job's copy of the project, by job name (src/shards/packing.ts). */
export const JOBS_DIR = '_jobs';
/** In a job's folder: its name and provinces, written by every run of it (what CI uploads beside its provinces' folders). */
export const JOB_FILE = 'job.json';
/** What a province job hands the shared job: its plans' facts and counts. */
export const FACTS_DIR = 'facts';
/** In a province job's facts/: its index's words and the records holding each (build-index --word-counts), for the word → provinces table. */
export const WORD_COUNTS_FILE = 'words.tsv';

export interface SeedsCatalog {
  entries: CatalogFileEntry[];
  shards: Shard[];
  /** slug → content hash. */
  hashes: Map<string, string>;
}

export function readSeeds(seedsDir: string): SeedsCatalog {
  const catalogFile = join(seedsDir, 'catalog.yaml');
  const entries = loadCatalog(catalogFile, readFileSync(catalogFile, 'utf8'), readdirSync(seedsDir).filter(isPlanSourceName).sort());
  const hashes = new Map(entries.map((e) => [e.slug, planHash(e, readFileSync(join(seedsDir, e.source)))]));
  return { entries, shards: shardsOf(entries), hashes };
}

export interface ShardRecord {
  id: string;
  province: string;
  fingerprint: string;
  /** The build settings it was built with (fingerprint.ts, buildSettings); absent in a record of before they were recorded. */
  settings?: BuildSettings;
  /** slug → content hash of the plans it was built from. */
  plans: Record<string, string>;
  /** Plans its last build parsed again (the others were reused). */
  reingested: string[];
  /** The job that built it: the province's id, or the packed job's name (beijing+tianjin+…). */
  job?: string;
  pages: number;
  files: number;
  /** The job's wall time and peak memory (a packed job's, shared by its provinces). */
  seconds: number;
  peakMb: number | null;
  stages: Record<string, { seconds: number; peakMb: number | null }>;
  builtAt: string;
}

export function readShardRecord(work: string, id: string): ShardRecord | null {
  const file = join(work, id, SHARD_FILE);
  return existsSync(file) && existsSync(join(work, id, SITE_DIR)) ? (JSON.parse(readFileSync(file, 'utf8')) as ShardRecord) : null;
}

/** The plan hashes of a shard, in its slug order. */
export const shardPlanHashes = (seeds: SeedsCatalog, shard: Shard): Record<string, string> =>
  Object.fromEntries(shard.slugs.map((s) => [s, seeds.hashes.get(s)!]));

/** The build settings a province shard's output depends on (BUNDLE_RECORDS, BASE_PATH), from this process's environment, which its jobs inherit. */
export const provinceSettings = (env: Readonly<Record<string, string | undefined>> = process.env): BuildSettings => buildSettings(env, BUNDLE_RECORDS);
/** The shared job's: BASE_PATH (it builds no search bundle). */
export const sharedSettings = (env: Readonly<Record<string, string | undefined>> = process.env): BuildSettings => buildSettings(env, null);

export const provinceFingerprint = (seeds: SeedsCatalog, shard: Shard, codeHash: string, settings: BuildSettings = provinceSettings()) =>
  shardFingerprint(shardPlanHashes(seeds, shard), codeHash, settings);
