/**
 * The plan catalogue (seeds/catalog.yaml) checked against the seed files on disk:
 * an entry without its file, a file without an entry, or a duplicate slug is an error.
 */
import { z } from 'zod';
import { CatalogEntrySchema, type CatalogEntry } from '../../model/plan.ts';
import { IngestError } from '../problems/ingest-error.ts';
import { loadYaml } from './load-yaml.ts';

export const CatalogFileSchema = z.object({ plans: z.array(CatalogEntrySchema).min(1) });

/** Parse and check a catalogue. `seedFiles` are the .txt names present in the seeds folder. */
export function loadCatalog(file: string, text: string, seedFiles: string[]): CatalogEntry[] {
  const { value, lineOf } = loadYaml(file, text, CatalogFileSchema);
  const slugs = new Map<string, number>();
  const sources = new Map<string, number>();
  value.plans.forEach((entry, index) => {
    if (slugs.has(entry.slug)) {
      throw new IngestError(file, lineOf(['plans', index, 'slug']), `duplicate slug "${entry.slug}" (first used by entry ${slugs.get(entry.slug)! + 1})`);
    }
    slugs.set(entry.slug, index);
    if (sources.has(entry.source)) {
      throw new IngestError(file, lineOf(['plans', index, 'source']), `source ${entry.source} is catalogued twice`);
    }
    sources.set(entry.source, index);
    if (!seedFiles.includes(entry.source)) {
      throw new IngestError(file, lineOf(['plans', index, 'source']), `source file ${entry.source} does not exist in the seeds folder`);
    }
  });
  for (const seed of seedFiles) {
    if (!sources.has(seed)) throw new IngestError(seed, 1, `seed file has no entry in ${file}: add one (slug, title, province, level, kind, status, source)`);
  }
  return value.plans;
}
