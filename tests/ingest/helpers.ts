/** Shared setup for ingest tests: the real seeds, catalogue and curated files of this repo. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CatalogEntry } from '../../src/model/plan.ts';
import { loadCatalog } from '../../src/pipeline/catalog/load-catalog.ts';
import { loadCurated } from '../../src/pipeline/curated.ts';
import { ingestPlan, settleStatus, type IngestedPlan } from '../../src/pipeline/ingest-plan.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');

export const curated = loadCurated(ROOT);

/** The seeds' catalogue entries, each with the status ingest settles on (catalogue or title block). */
export const catalog: CatalogEntry[] = loadCatalog(
  'seeds/catalog.yaml',
  readFileSync(join(SEEDS, 'catalog.yaml'), 'utf8'),
  ['000_edff35ea4ed15fae.txt', '001_8868f32d5b0cd0d8.txt', '002_80d4aa66347fe796.txt', '003_05f9b3d2e9b7c832.txt', '004_97fe874b21772cfd.txt'],
).map((e) => ({ ...e, status: settleStatus(e, cleanLines(readFileSync(join(SEEDS, e.source), 'utf8')).lines) }));

const cache = new Map<string, IngestedPlan>();

/** Ingest one real seed by catalogue slug (cached per test file). */
export function ingestSeed(slug: string): IngestedPlan {
  let result = cache.get(slug);
  if (!result) {
    const entry = catalog.find((e) => e.slug === slug);
    if (!entry) throw new Error(`no catalogue entry ${slug}`);
    result = ingestPlan(entry, readFileSync(join(SEEDS, entry.source)), curated, 'test');
    cache.set(slug, result);
  }
  return result;
}

export function seedText(slug: string): string {
  const entry = catalog.find((e) => e.slug === slug)!;
  return readFileSync(join(SEEDS, entry.source), 'utf8');
}
