/**
 * Build-time side of the finder (/finder/): reads and checks content/finder.yaml against
 * the topics (content/entitlements.yaml) and the catalogue, and makes each plan's
 * /finder/<plan>.json (its clauses per topic). The pure rule evaluation is in finder.ts.
 */
import { z } from 'zod';
import type { CatalogEntry, Plan } from '../model/plan.ts';
import { clauseText } from '../model/plan-text.ts';
import { parseYaml, readDataText, validated } from '../model/read-data.ts';
import { draftBadgeText, regionText } from './catalog.ts';
import { readCatalog, readTopics, type Topic } from './load.ts';
import { clauseGist, sentencesWith } from './text.ts';
import { mentionsTopic } from '../model/topic-terms.ts';
import { placedUnits, unitHref } from './units.ts';
import { UNSURE, type FinderConfig, type FinderPlanData, type FinderRegionList } from './finder.ts';
import { groupByProvince, provinceSlug } from './plan-pages.ts';

const value = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'option values are short lowercase ASCII (they go in the URL)');

const QuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z]+$/, 'question ids are lowercase ASCII letters (they are URL parameters)'),
    legend: z.string().min(2),
    short: z.string().min(2),
    hint: z.string().min(2).optional(),
    multiple: z.boolean(),
    catalog: z.boolean().optional(),
    options: z.array(z.object({ value, label: z.string().min(2) }).strict()),
  })
  .strict();

const RuleSchema = z
  .object({
    always: z.literal(true).optional(),
    when: z.record(z.array(value).min(1)).optional(),
    topics: z.array(z.string()).min(1),
  })
  .strict()
  .refine((r) => Boolean(r.always) !== Boolean(r.when), 'a rule has either `always: true` or `when:`, not both');

export const FinderFileSchema = z
  .object({
    questions: z.array(QuestionSchema).min(1).max(5, 'at most five questions'),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

/**
 * The finder config from parsed YAML, checked against the topic slugs and the catalogue,
 * with the region question's options filled in from the catalogue. Errors name `file` and
 * the bad entry.
 */
export function checkFinder(file: string, data: unknown, topicSlugs: string[], catalog: CatalogEntry[]): FinderConfig {
  const parsed = validated(file, FinderFileSchema, data);
  const fail = (where: string, message: string): never => {
    throw new Error(`${file}: ${where}: ${message}`);
  };
  const questions = parsed.questions.map((q) => ({
    ...q,
    options: q.catalog ? [...catalog.map((e) => ({ value: e.slug, label: regionText(e) })), ...q.options] : q.options,
  }));
  if (questions.filter((q) => q.catalog).length > 1) fail('questions', 'only one question can take its options from the catalogue');
  questions.forEach((q, i) => {
    if (questions.findIndex((x) => x.id === q.id) !== i) fail(`questions[${i}].id`, `question id "${q.id}" is used twice`);
    const values = q.options.map((o) => o.value);
    const dup = values.find((v, j) => values.indexOf(v) !== j);
    if (dup) fail(`questions[${i}] (${q.id})`, `option value "${dup}" is used twice${q.catalog ? ' (a plan slug cannot be an option value)' : ''}`);
    if (q.options.length < 2) fail(`questions[${i}] (${q.id})`, 'a question needs at least two options');
  });
  const covered = new Set<string>();
  parsed.rules.forEach((rule, i) => {
    rule.topics.forEach((slug, j) => {
      if (!topicSlugs.includes(slug)) fail(`rules[${i}].topics[${j}]`, `unknown topic slug "${slug}" (topics are in content/entitlements.yaml)`);
      covered.add(slug);
    });
    for (const [id, values] of Object.entries(rule.when ?? {})) {
      const q = questions.find((x) => x.id === id);
      if (!q) fail(`rules[${i}].when.${id}`, `unknown question "${id}" (questions: ${questions.map((x) => x.id).join(', ')})`);
      if (q!.catalog) fail(`rules[${i}].when.${id}`, 'the region question chooses whose plan text is shown, not which topics apply');
      values.forEach((v, j) => {
        if (!q!.options.some((o) => o.value === v)) {
          fail(`rules[${i}].when.${id}[${j}]`, `unknown option "${v}" of question ${id} (options: ${q!.options.map((o) => o.value).join(', ')})`);
        }
      });
    }
  });
  const unreachable = topicSlugs.filter((s) => !covered.has(s));
  if (unreachable.length > 0) fail('rules', `no rule lists topic ${unreachable.join(', ')}: it could never be shown once a question is answered`);
  for (const q of questions) {
    if (!q.catalog && !q.options.some((o) => o.value === UNSURE) && !q.multiple) fail(`questions (${q.id})`, `a single-choice question needs an "${UNSURE}" (不确定) option`);
  }
  return { questions, rules: parsed.rules };
}

/** Reads and checks a finder file (`relative` under `root`). */
export function readFinderFile(root: string, relative: string, topicSlugs: string[], catalog: CatalogEntry[]): FinderConfig {
  // Both readers' errors name the file (and a syntax error its line) already.
  return checkFinder(relative, parseYaml(relative, readDataText(root, relative)), topicSlugs, catalog);
}

let finder: FinderConfig | undefined;
/** content/finder.yaml, checked (memoised per build). */
export const readFinder = (): FinderConfig =>
  (finder ??= readFinderFile(process.cwd(), 'content/finder.yaml', readTopics().map((t) => t.slug), readCatalog()));

/** One plan's clauses per topic, for /finder/<plan>.json (topics without clauses are left out). */
export function finderPlanData(plan: Plan, topics: Topic[]): FinderPlanData {
  const units = placedUnits(plan).map((placed) => ({ placed, text: clauseText(placed.unit) }));
  const data: FinderPlanData['topics'] = {};
  for (const topic of topics) {
    const clauses = units
      .filter(({ text }) => mentionsTopic(text, topic))
      .map(({ placed, text }) => ({
        cite: placed.unit.citation,
        href: unitHref(plan, placed),
        lead: clauseGist(placed.unit).lead,
        excerpt: sentencesWith(text, topic.terms),
        lead_bodies: placed.unit.responsibility?.lead ?? [],
        partners: placed.unit.responsibility?.partners ?? [],
      }));
    if (clauses.length > 0) data[topic.slug] = clauses;
  }
  const entry = plan.catalog;
  return { slug: entry.slug, title: entry.title, shortName: entry.shortName, region: regionText(entry), province: provinceSlug(entry.province), draft: draftBadgeText(entry.status), topics: data };
}

/**
 * The catalogue by province, for /finder/regions/<province>.json (a catalogue above
 * MAX_REGION_RADIOS plans): each plan's place (for coveringPlans), its option text and draft
 * status. Two plans of the same region are told apart by their short names.
 */
export function finderRegionLists(catalog: CatalogEntry[]): FinderRegionList[] {
  return groupByProvince(catalog, (e) => e.province).map((g) => {
    const regions = g.items.map((e) => regionText(e));
    return {
      province: g.slug,
      name: g.name,
      plans: g.items.map((e, i) => ({
        slug: e.slug,
        province: e.province,
        ...(e.city ? { city: e.city } : {}),
        ...(e.county ? { county: e.county } : {}),
        label: regions.indexOf(regions[i]) !== regions.lastIndexOf(regions[i]) ? `${regions[i]}（${e.shortName}）` : regions[i],
        draft: draftBadgeText(e.status),
      })),
    };
  });
}
