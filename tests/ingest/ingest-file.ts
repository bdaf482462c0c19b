/** Ingest one plan file through the real driver, from a temporary seeds folder and catalogue. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Plan } from '../../src/model/plan.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { catalog, ROOT, SEEDS } from './helpers.ts';

/**
 * Run the driver on `file` under `dir`, with the plan's own catalogue entry (its slug keys
 * the curated area overrides) and the file as its source.
 */
export async function ingestAs(dir: string, slug: string, file: string, bytes: Uint8Array | string) {
  const entry = catalog.find((e) => e.slug === slug)!;
  const seeds = join(dir, `${slug}-${file}`, 'seeds');
  const out = join(dir, `${slug}-${file}`, 'out');
  mkdirSync(seeds, { recursive: true });
  writeFileSync(join(seeds, file), bytes);
  writeFileSync(join(seeds, 'catalog.yaml'), stringify({ plans: [{ ...entry, source: file }] }));
  const summary = await runIngest({ root: ROOT, seedsDir: seeds, outDir: out });
  const plan: Plan = JSON.parse(readFileSync(join(out, slug, 'plan.json'), 'utf8'));
  return { seeds, out, summary, plan };
}

export const seedTextOf = (slug: string) => readFileSync(join(SEEDS, catalog.find((e) => e.slug === slug)!.source), 'utf8');
