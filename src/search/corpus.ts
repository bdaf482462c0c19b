/**
 * Node-side loader for everything the index is built from: the catalogue and plan models
 * written by `npm run ingest`, the area slugs (content/areas.yaml) and the curated search
 * vocabulary (content/synonyms.yaml, content/questions.yaml). Used by the index build, the
 * eval and the tests.
 */
import { parseYaml, readDataText, validated } from '../model/read-data.ts';
import { AreaRulesFileSchema } from '../pipeline/classify/area-rules.ts';
import { z } from 'zod';
import { CatalogEntrySchema, PlanSchema, type Area, type CatalogEntry, type Plan } from '../model/plan.ts';
import { facetsOf, type Facets } from './params.ts';
import { planFilterValues, planRecords, type SearchRecord } from './records.ts';
import { encodeLexicon, type LexiconJson } from './lexicon.ts';
import { mergeAliases, questionAliases, QuestionFileSchema, questionVocabulary, type QuestionFile } from './question-file.ts';
import { compileAliases, validateSynonymFile, type SynonymFile } from './synonyms.ts';
import { hasHan } from './text.ts';
import { readTopicsFile } from '../model/topic.ts';

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
  questions: QuestionFile;
  records: SearchRecord[];
  planValues: Map<string, string>;
}

export function loadSynonyms(root: string): SynonymFile {
  const file = 'content/synonyms.yaml';
  return validateSynonymFile(parseYaml(file, readDataText(root, file)), file);
}

export function loadQuestions(root: string): QuestionFile {
  const file = 'content/questions.yaml';
  return validated(file, QuestionFileSchema, parseYaml(file, readDataText(root, file)));
}

/**
 * Curated words nodejieba keeps whole when it cuts the plans: the listed words and every
 * alias key. Question words are not among them: they change queries, never the index.
 */
export const indexUserWords = (corpus: Pick<Corpus, 'synonyms'>): string[] => [
  ...new Set([...corpus.synonyms.words, ...Object.keys(corpus.synonyms.aliases)]),
];

/** The query dictionary for an index vocabulary: what `npm run index` writes as lexicon.json. */
export function lexiconOf(corpus: Pick<Corpus, 'synonyms' | 'questions' | 'records'>, vocab: Iterable<string>): LexiconJson {
  const curated = [...indexUserWords(corpus), ...questionVocabulary(corpus.questions)].filter(hasHan);
  const aliases = mergeAliases(compileAliases(corpus.synonyms), questionAliases(corpus.questions));
  const { drop, soft, senses, story } = corpus.questions;
  return encodeLexicon(vocab, curated, aliases, { drop, soft, senses, story, records: corpus.records.length });
}

export function loadAreas(root: string): AreaRef[] {
  const file = 'content/areas.yaml';
  return validated(file, AreaRulesFileSchema, parseYaml(file, readDataText(root, file))).areas.map(({ name, slug, title }) => ({ name, slug, title }));
}

/**
 * The search corpus of the ingested plans (content/plans/), or of those `only` names: a
 * packed province job indexes each of its provinces from one load of the curated files, and
 * the subset is then exactly what a job of that province alone would load (plan filter
 * values and record order are computed within it).
 */
export function loadCorpus(root: string, only?: ReadonlySet<string>): Corpus {
  const catalogFile = 'content/plans/catalog.json';
  const all = validated(catalogFile, z.array(CatalogEntrySchema), JSON.parse(readDataText(root, catalogFile)));
  const catalog = only ? all.filter((e) => only.has(e.slug)) : all;
  const plans = catalog.map((e) => {
    const file = `content/plans/${e.slug}/plan.json`;
    return validated(file, PlanSchema, JSON.parse(readDataText(root, file)));
  });
  const areas = loadAreas(root);
  const areaSlugs = Object.fromEntries(areas.map((a) => [a.name, a.slug])) as Record<Area, string>;
  const planValues = planFilterValues(catalog);
  const topics = readTopicsFile(root);
  const records: SearchRecord[] = [];
  for (const plan of plans) {
    records.push(
      ...planRecords(plan, { areaSlugs, planValue: planValues.get(plan.catalog.slug)!, orderBase: records.length, topics }),
    );
  }
  return { catalog, plans, areas, synonyms: loadSynonyms(root), questions: loadQuestions(root), records, planValues };
}

/** Plans and areas as the search page offers them (from the ingested catalogue). */
export function readFacets(root: string): Facets {
  const file = 'content/plans/catalog.json';
  const catalog = validated(file, z.array(CatalogEntrySchema), JSON.parse(readDataText(root, file)));
  const values = planFilterValues(catalog);
  return facetsOf(
    catalog.map((e) => ({ slug: e.slug, value: values.get(e.slug)!, title: e.title, status: e.status, province: e.province, level: e.level })),
    loadAreas(root),
  );
}
