/**
 * The text seeds a synthetic set is made from: each with its catalogue entry and its status
 * settled as ingest settles it (the catalogue's, else the title block's, else 正式).
 * Only text seeds are recombined: replacing names inside a PDF or .docx would need a writer
 * for each format.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../pipeline/catalog/load-catalog.ts';
import { cleanLines } from '../pipeline/clean/clean-lines.ts';
import { settleStatus } from '../pipeline/ingest-plan.ts';
import { isPlanSourceName } from '../pipeline/read/source-formats.ts';
import type { SeedPlan } from './synthesize.ts';

export function readSeedPlans(seedsDir: string): SeedPlan[] {
  const file = join(seedsDir, 'catalog.yaml');
  if (!existsSync(file)) throw new Error(`${file}: no plan catalogue here; --seeds names a folder of plan files with their catalog.yaml`);
  const catalog = loadCatalog(file, readFileSync(file, 'utf8'), readdirSync(seedsDir).filter(isPlanSourceName));
  return catalog
    .filter((e) => e.source.endsWith('.txt'))
    .map((e) => {
      const text = readFileSync(join(seedsDir, e.source), 'utf8');
      return { entry: { ...e, status: settleStatus(e, cleanLines(text).lines) }, text };
    });
}
