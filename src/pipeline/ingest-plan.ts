/**
 * The whole pipeline for one plan, as pure functions in order:
 *   bytes → text → cleaned lines → draft tree → plan model → checks → areas → MDX pages.
 * No file system here: scripts/ingest.ts reads and writes.
 * `ingestSourceFile` reads any supported format (PDF, .docx, HTML, text; reading a PDF or
 * a .docx is asynchronous); `ingestPlan` is the same for a plain-text file, synchronously.
 *
 * Text is never lost quietly: a plan is refused when its structure leaves a line unplaced
 * (or reads a line that begins like a number as plain text, unless the catalogue says it
 * is text), and when the model does not hold every character of the cleaned source.
 */
import type { Plan, Status } from '../model/plan.ts';
import { PlanSchema } from '../model/plan.ts';
import { assemblePlan } from './assemble/assemble-plan.ts';
import { planFacts, type CatalogFileEntry } from './catalog/load-catalog.ts';
import { classifyPlan, type ClassificationReport } from './classify/classify-plan.ts';
import type { AreaRules } from './classify/area-rules.ts';
import { cleanLines, type CleanLine } from './clean/clean-lines.ts';
import { statusFromText } from './catalog/detect-status.ts';
import { emitPages, type EmittedPage } from './emit/emit-mdx.ts';
import { assertFaithful } from './fidelity/check-fidelity.ts';
import { leftOverLines } from './fidelity/draft-coverage.ts';
import { numberedTextLines, type NumberedTextLine } from './fidelity/numbered-text.ts';
import type { IndicatorCatalog } from './indicators/indicator-catalog.ts';
import { IngestError } from './problems/ingest-error.ts';
import { RefusedPlanError } from './problems/refused-plan.ts';
import { readPlanFile } from './read/read-plan-file.ts';
import { readSource } from './read/read-source.ts';
import { refusedLines, reportStructure, type StructureReport } from './report/structure-report.ts';
import { buildDraft } from './structure/build-draft.ts';
import type { Levels } from './structure/levels.ts';

export interface Curated {
  rules: AreaRules;
  indicators: IndicatorCatalog;
}

export interface IngestedPlan {
  plan: Plan;
  pages: EmittedPage[];
  report: ClassificationReport;
  /** What the structure stage found: levels, counts, lines it could not place. */
  structure: StructureReport;
  /** Indicator names with no canonical id in content/indicators.yaml. */
  unmappedIndicators: string[];
}

/** Rank of the plan's deepest level: an unnumbered paragraph sits at it. */
const deepestRank = (levels: Levels): number => Math.max(...[levels.chapter, levels.section, levels.clause].map((f) => f?.[0].rank ?? -1));

/** A line the catalogue calls text must be one that begins like a number and was read as text. */
function checkTextLines(file: string, textLines: number[], numbered: NumberedTextLine[]) {
  for (const line of textLines) {
    if (!numbered.some((t) => t.line === line && !t.subItem)) {
      throw new IngestError(file, line, `the catalogue lists this line under textLines, but it is not a line that begins like a number read as text: remove it from textLines`);
    }
  }
}

/**
 * The catalogue's status, or the one the title block names when the catalogue leaves it out
 * (正式 when it names none: drafts say so). A catalogue that contradicts the text is an error:
 * a draft must not be published as a plan in force, nor a final plan as a draft.
 */
export function settleStatus(entry: CatalogFileEntry, lines: CleanLine[]): Status {
  const said = statusFromText(entry.title, lines);
  if (entry.status && said && entry.status !== said.status) {
    throw new IngestError(entry.source, Math.max(1, said.line), `the text says ${said.status} but the catalogue says status: ${entry.status}: correct the catalogue`);
  }
  return entry.status ?? said?.status ?? '正式';
}

/** Ingest a plan's file in any supported format (detected from its bytes). */
export async function ingestSourceFile(entry: CatalogFileEntry, bytes: Uint8Array, curated: Curated, inputHash: string): Promise<IngestedPlan> {
  return ingestText(entry, await readPlanFile(entry.source, bytes), curated, inputHash);
}

/** Ingest a plain-text plan file (any supported text encoding). */
export function ingestPlan(entry: CatalogFileEntry, bytes: Uint8Array, curated: Curated, inputHash: string): IngestedPlan {
  return ingestText(entry, readSource(entry.source, bytes), curated, inputHash);
}

/** The pipeline after reading: the plan's line text → plan model, checks and pages. */
export function ingestText(entry: CatalogFileEntry, text: string, curated: Curated, inputHash: string): IngestedPlan {
  const file = entry.source;
  const { lines, removed } = cleanLines(text);
  if (lines.length === 0) throw new IngestError(file, 1, 'the file has no text after cleaning');
  const draft = buildDraft(file, lines);
  const leftOver = leftOverLines(text, lines, removed, draft);
  const plan = assemblePlan(file, draft, planFacts(entry, settleStatus(entry, lines)), curated.rules, curated.indicators, removed, inputHash);
  const numberedText = numberedTextLines(plan, lines, deepestRank(draft.levels));
  const textLines = entry.textLines ?? [];
  const structure = reportStructure({ file, plan, leftOver, numberedText, textLines });
  const refused = refusedLines(structure);
  if (refused.length > 0) throw new RefusedPlanError(file, structure, refused);
  checkTextLines(file, textLines, numberedText);
  assertFaithful(file, lines, plan);
  const report = classifyPlan(file, plan, curated.rules);
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new IngestError(file, 1, `internal: plan model invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  const unmappedIndicators = plan.boxes.flatMap((b) => (b.table?.rows ?? []).filter((i) => i.canonical === null).map((i) => i.name));
  return { plan, pages: emitPages(plan, curated.rules), report, structure, unmappedIndicators };
}
