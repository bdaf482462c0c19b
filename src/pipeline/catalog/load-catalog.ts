/**
 * The plan catalogue (seeds/catalog.yaml) checked against the seed files on disk:
 * an entry without its file, a file without an entry, or a duplicate slug is an error.
 */
import { z } from 'zod';
import { CatalogEntrySchema, type CatalogEntry } from '../../model/plan.ts';
import { IngestError } from '../problems/ingest-error.ts';
import { loadYaml } from './load-yaml.ts';

/**
 * A catalogue entry as people write it: the plan's facts (the model's CatalogEntry) and
 * instructions to the ingest that are not facts about the plan, so they stay out of the model.
 */
export const CatalogFileEntrySchema = CatalogEntrySchema.extend({
  /** Optional here: without it the status is read from the plan's title block (detect-status.ts). */
  status: CatalogEntrySchema.shape.status.optional(),
  /**
   * Source lines that begin like a heading or clause number (一、 1. （1） …) but are text,
   * e.g. a sentence wrapped so that `5、6月份` starts a line. Checked by a person; without
   * it such a line stops the build (see docs/ingest.md).
   */
  textLines: z.array(z.number().int().positive()).optional(),
  /** Written empty (`published:`) while not known: kept out of the model, like a missing field. */
  published: CatalogEntrySchema.shape.published.unwrap().nullish().transform((v) => v ?? undefined),
  officialUrl: CatalogEntrySchema.shape.officialUrl.unwrap().nullish().transform((v) => v ?? undefined),
});

export type CatalogFileEntry = z.infer<typeof CatalogFileEntrySchema>;

export const CatalogFileSchema = z.object({ plans: z.array(CatalogFileEntrySchema).min(1) });

/** The plan's facts without the ingest instructions, with its status settled: what the model and the site keep. */
export function planFacts(entry: CatalogFileEntry, status: CatalogEntry['status']): CatalogEntry {
  const { textLines: _textLines, published, officialUrl, ...facts } = entry;
  return { ...facts, ...(published ? { published } : {}), ...(officialUrl ? { officialUrl } : {}), status };
}

/** Parse and check a catalogue. `seedFiles` are the .txt names present in the seeds folder. */
export function loadCatalog(file: string, text: string, seedFiles: string[]): CatalogFileEntry[] {
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
    const lines = entry.textLines ?? [];
    lines.forEach((line, k) => {
      if (lines.indexOf(line) !== k) throw new IngestError(file, lineOf(['plans', index, 'textLines', k]), `textLines lists line ${line} twice`);
    });
    // 发布日期 is when the portal published the signed document: never before it was signed.
    if (entry.published && entry.date && entry.published < entry.date) {
      throw new IngestError(file, lineOf(['plans', index, 'published']), `published ${entry.published} is before the document's date ${entry.date}`);
    }
    if (!seedFiles.includes(entry.source)) {
      throw new IngestError(file, lineOf(['plans', index, 'source']), `source file ${entry.source} does not exist in the seeds folder`);
    }
  });
  for (const seed of seedFiles) {
    if (!sources.has(seed)) throw new IngestError(seed, 1, `seed file has no entry in ${file}: add one (slug, title, province, level, kind, status, source)`);
  }
  return value.plans;
}
