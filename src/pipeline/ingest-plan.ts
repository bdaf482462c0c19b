/**
 * The whole pipeline for one plan, as pure functions in order:
 *   bytes → text → cleaned lines → draft tree → plan model → areas → MDX pages.
 * No file system here: scripts/ingest.ts reads and writes.
 * `ingestSourceFile` reads any supported format (PDF, .docx, HTML, text; reading a PDF or
 * a .docx is asynchronous); `ingestPlan` is the same for a plain-text file, synchronously.
 */
import type { CatalogEntry, Plan } from '../model/plan.ts';
import { PlanSchema } from '../model/plan.ts';
import { assemblePlan } from './assemble/assemble-plan.ts';
import { classifyPlan, type ClassificationReport } from './classify/classify-plan.ts';
import type { AreaRules } from './classify/area-rules.ts';
import { cleanLines } from './clean/clean-lines.ts';
import { emitPages, type EmittedPage } from './emit/emit-mdx.ts';
import type { IndicatorCatalog } from './indicators/indicator-catalog.ts';
import { IngestError } from './problems/ingest-error.ts';
import { readPlanFile } from './read/read-plan-file.ts';
import { readSource } from './read/read-source.ts';
import { buildDraft } from './structure/build-draft.ts';

export interface Curated {
  rules: AreaRules;
  indicators: IndicatorCatalog;
}

export interface IngestedPlan {
  plan: Plan;
  pages: EmittedPage[];
  report: ClassificationReport;
  /** Indicator names with no canonical id in content/indicators.yaml. */
  unmappedIndicators: string[];
}

/** Ingest a plan's file in any supported format (detected from its bytes). */
export async function ingestSourceFile(entry: CatalogEntry, bytes: Uint8Array, curated: Curated, inputHash: string): Promise<IngestedPlan> {
  return ingestText(entry, await readPlanFile(entry.source, bytes), curated, inputHash);
}

/** Ingest a plain-text plan file (any supported text encoding). */
export function ingestPlan(entry: CatalogEntry, bytes: Uint8Array, curated: Curated, inputHash: string): IngestedPlan {
  return ingestText(entry, readSource(entry.source, bytes), curated, inputHash);
}

/** The pipeline after reading: the plan's line text → plan model and pages. */
export function ingestText(entry: CatalogEntry, text: string, curated: Curated, inputHash: string): IngestedPlan {
  const file = entry.source;
  const { lines, removed } = cleanLines(text);
  if (lines.length === 0) throw new IngestError(file, 1, 'the file has no text after cleaning');
  const draft = buildDraft(file, lines);
  const plan = assemblePlan(file, draft, entry, curated.rules, curated.indicators, removed, inputHash);
  const report = classifyPlan(file, plan, curated.rules);
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new IngestError(file, 1, `internal: plan model invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  const unmappedIndicators = plan.boxes.flatMap((b) => (b.table?.rows ?? []).filter((i) => i.canonical === null).map((i) => i.name));
  return { plan, pages: emitPages(plan, curated.rules), report, unmappedIndicators };
}
