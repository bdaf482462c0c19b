/**
 * Build-time loaders for the data the pages read: the catalogue and plans written by
 * `npm run ingest`, and the curated YAML files. Each file is read and validated once
 * per build (memoised), so a malformed file fails the build with a clear message
 * instead of rendering a broken page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseYaml, readDataText, validated } from '../model/read-data.ts';
import { AreaRulesFileSchema } from '../pipeline/classify/area-rules.ts';
import { readBackgroundChapterWords, readTopicsFile } from '../model/topic.ts';
import { CatalogEntrySchema, PlanSchema, type Area, type CatalogEntry, type Plan } from '../model/plan.ts';
import { SKIPPED_FILE, SkippedFileSchema, type SkippedPlan } from '../model/skipped.ts';
import { PLAN_COUNTS_FILE, planCounts, type PlanCounts } from './plan-counts.ts';

/** Project root: Astro and vitest both run from it (npm scripts). */
const root = () => process.cwd();

const readText = (relative: string) => readDataText(root(), relative);

function memo<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** The plans in catalogue order (the order the site lists them everywhere). */
export const readCatalog = memo((): CatalogEntry[] => {
  const file = 'content/plans/catalog.json';
  return validated(file, z.array(CatalogEntrySchema), JSON.parse(readText(file)));
});

/** Plans the last ingest left out with --skip (none when the file is absent: an older output). */
export const readSkipped = memo((): SkippedPlan[] => {
  const file = `content/plans/${SKIPPED_FILE}`;
  if (!existsSync(join(root(), file))) return [];
  return validated(file, SkippedFileSchema, JSON.parse(readText(file)));
});

const plans = new Map<string, Plan>();

export function readPlan(slug: string): Plan {
  let plan = plans.get(slug);
  if (!plan) {
    const file = `content/plans/${slug}/plan.json`;
    plan = validated(file, PlanSchema, JSON.parse(readText(file)));
    plans.set(slug, plan);
  }
  return plan;
}

/** Every plan, in catalogue order. */
export const readPlans = (): Plan[] => readCatalog().map((entry) => readPlan(entry.slug));

/**
 * The counts the shared pages show, one entry per plan in catalogue order: from
 * content/plans/counts.json when a sharded build wrote it (the shared job has no plan
 * models), else computed from the plans.
 */
export const readPlanCounts = memo((): PlanCounts[] => {
  const file = `content/plans/${PLAN_COUNTS_FILE}`;
  if (existsSync(join(root(), file))) {
    const counts = JSON.parse(readText(file)) as PlanCounts[];
    const bySlug = new Map(counts.map((c) => [c.slug, c]));
    return readCatalog().map((e) => {
      const c = bySlug.get(e.slug);
      if (!c) throw new Error(`${file}: no counts for plan ${e.slug}`);
      return c;
    });
  }
  const areas = readAreas().map((a) => a.name);
  return readPlans().map((plan) => planCounts(plan, areas, readTopics()));
});

/** What the site shows about a task area (content/areas.yaml, without the classifier's keywords). */
export interface AreaInfo {
  name: Area;
  slug: string;
  title: string;
  summary: string;
}


/** The six task areas, in the order content/areas.yaml lists them. */
export const readAreas = memo((): AreaInfo[] => {
  const file = 'content/areas.yaml';
  const data = validated(file, AreaRulesFileSchema, parseYaml(file, readText(file)));
  return data.areas.map(({ name, slug, title, summary }) => ({ name, slug, title, summary }));
});

export function areaBySlug(slug: string): AreaInfo {
  const area = readAreas().find((a) => a.slug === slug);
  if (!area) throw new Error(`unknown area slug ${slug}`);
  return area;
}

export function areaByName(name: Area): AreaInfo {
  const area = readAreas().find((a) => a.name === name);
  if (!area) throw new Error(`area ${name} is missing from content/areas.yaml`);
  return area;
}

/** A canonical indicator from content/indicators.yaml (aliases are the pipeline's business). */
export interface CanonicalIndicator {
  id: string;
  name: string;
  category: string;
  unit: string;
  /** For % indicators: a share of 100 (default) or a yearly growth rate. */
  scale: 'share' | 'growth';
}

export const readCanonicalIndicators = memo((): CanonicalIndicator[] => {
  const file = 'content/indicators.yaml';
  const schema = z.object({
    indicators: z.array(
      z.object({ id: z.string(), name: z.string(), category: z.string(), unit: z.string(), scale: z.enum(['share', 'growth']).default('share') }).passthrough(),
    ),
  });
  return validated(file, schema, parseYaml(file, readText(file))).indicators.map(({ id, name, category, unit, scale }) => ({ id, name, category, unit, scale }));
});

export type { Topic } from '../model/topic.ts';
export { TopicSchema } from '../model/topic.ts';

export const readTopics = memo(() => readTopicsFile(root()));
export const readBackgroundChapters = memo(() => readBackgroundChapterWords(root()));

/** Where readers report a wrong or outdated text (content/site.yaml, report). */
export interface ReportSettings {
  /** An issues page (https://…) or an e-mail address, as the operator wrote it. */
  address: string;
  /** The link to it: the address itself, or mailto: for an e-mail address. */
  href: string;
  /** What a report should contain, in order. */
  include: string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const readReportSettings = memo((): ReportSettings => {
  const file = 'content/site.yaml';
  const schema = z.object({
    report: z.object({
      address: z.string().refine((a) => EMAIL.test(a) || /^https?:\/\/\S+$/.test(a), 'an https:// address or an e-mail address'),
      include: z.array(z.string().min(1)).min(1),
    }),
  });
  const { address, include } = validated(file, schema, parseYaml(file, readText(file))).report;
  return { address, href: EMAIL.test(address) ? `mailto:${address}` : address, include };
});

/** The terms of the open data under /data/ (content/site.yaml, openData). */
export interface OpenDataSettings {
  licence: string;
  licenceUrl: string;
}

export const readOpenDataSettings = memo((): OpenDataSettings => {
  const file = 'content/site.yaml';
  const schema = z.object({
    openData: z.object({ licence: z.string().min(2), licenceUrl: z.string().regex(/^https?:\/\/\S+$/, 'an https:// address') }),
  });
  return validated(file, schema, parseYaml(file, readText(file))).openData;
});
