/**
 * Node-side loader for everything the index is built from: the catalogue and plan models
 * written by `npm run ingest`, the area slugs (content/areas.yaml) and the curated search
 * vocabulary (content/synonyms.yaml). Used by the index build, the eval and the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AreaSchema, CatalogEntrySchema, PlanSchema, type Area, type CatalogEntry, type Plan } from '../model/plan.ts';
import { facetsOf, type Facets } from './params.ts';
import { planFilterValues, planRecords, type SearchRecord } from './records.ts';
import { validateSynonymFile, type SynonymFile } from './synonyms.ts';

export interface AreaRef {
  name: Area;
  slug: string;
  title: string;
}

export interface Corpus {
  catalog: CatalogEntry[];
  plans: Plan[];
  areas: AreaRef[];
  synonyms: SynonymFile;
  records: SearchRecord[];
  planValues: Map<string, string>;
}

function read(root: string, relative: string): string {
  const file = join(root, relative);
  if (!existsSync(file)) {
    const hint = relative.startsWith('content/plans') ? ' (run `npm run ingest` first)' : '';
    throw new Error(`cannot read ${relative}${hint}`);
  }
  return readFileSync(file, 'utf8');
}

function check<T>(relative: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${relative}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

export function loadSynonyms(root: string): SynonymFile {
  const file = 'content/synonyms.yaml';
  return validateSynonymFile(parse(read(root, file)), file);
}

export function loadAreas(root: string): AreaRef[] {
  const file = 'content/areas.yaml';
  const schema = z.object({
    areas: z.array(z.object({ name: AreaSchema, slug: z.string().regex(/^[a-z][a-z0-9-]*$/), title: z.string() }).passthrough()),
  });
  return check(file, schema, parse(read(root, file))).areas.map(({ name, slug, title }) => ({ name, slug, title }));
}

export function loadCorpus(root: string): Corpus {
  const catalogFile = 'content/plans/catalog.json';
  const catalog = check(catalogFile, z.array(CatalogEntrySchema), JSON.parse(read(root, catalogFile)));
  const plans = catalog.map((e) => {
    const file = `content/plans/${e.slug}/plan.json`;
    return check(file, PlanSchema, JSON.parse(read(root, file)));
  });
  const areas = loadAreas(root);
  const areaSlugs = Object.fromEntries(areas.map((a) => [a.name, a.slug])) as Record<Area, string>;
  const planValues = planFilterValues(catalog);
  const records: SearchRecord[] = [];
  for (const plan of plans) {
    records.push(
      ...planRecords(plan, { areaSlugs, planValue: planValues.get(plan.catalog.slug)!, orderBase: records.length }),
    );
  }
  return { catalog, plans, areas, synonyms: loadSynonyms(root), records, planValues };
}

/** Plans and areas as the search page offers them (from the ingested catalogue). */
export function readFacets(root: string): Facets {
  const file = 'content/plans/catalog.json';
  const catalog = check(file, z.array(CatalogEntrySchema), JSON.parse(read(root, file)));
  const values = planFilterValues(catalog);
  return facetsOf(
    catalog.map((e) => ({ slug: e.slug, value: values.get(e.slug)!, title: e.title, status: e.status, province: e.province, level: e.level })),
    loadAreas(root),
  );
}
