/**
 * The ingest driver: reads the catalogue and seeds, runs the pipeline for each plan,
 * and publishes content/plans/ all at once. Output is built in a staging folder and swapped
 * in only when every plan succeeded, so a failed build leaves the previous output untouched.
 * A plan whose inputs (source bytes, catalogue entry, curated files, pipeline code) are
 * unchanged is copied from the previous output instead of being parsed again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../model/plan.ts';
import { SKIPPED_FILE, type SkippedPlan } from '../model/skipped.ts';
import { loadCatalog, type CatalogFileEntry } from './catalog/load-catalog.ts';
import type { CatalogEntry } from '../model/plan.ts';
import type { ClassificationReport } from './classify/classify-plan.ts';
import { loadCurated } from './curated.ts';
import { ingestSourceFile } from './ingest-plan.ts';
import { IngestError } from './problems/ingest-error.ts';
import { RefusedPlanError } from './problems/refused-plan.ts';
import { CONVERTER_PACKAGES, isPlanSourceName } from './read/source-formats.ts';
import { formatStructureReport, type StructureReport } from './report/structure-report.ts';

export interface IngestOptions {
  /** Project root (curated files are read from root/content). */
  root: string;
  seedsDir: string;
  outDir: string;
  /** Re-parse every plan even when its inputs are unchanged. */
  force?: boolean;
  /** Plans to leave out of this build while they are being fixed, with the reason readers see. */
  skip?: { slug: string; reason: string }[];
  /**
   * Only the catalogue's plans this accepts are ingested and published (one shard of a
   * national build: its province's plans); the others are neither read nor listed.
   */
  only?: (entry: CatalogFileEntry) => boolean;
  log?: (line: string) => void;
}

export interface IngestSummary {
  plans: {
    slug: string;
    reused: boolean;
    units: number;
    boxes: number;
    indicators: number;
    report: ClassificationReport | null;
    /** What the structure stage found (kept beside the plan, so a reused plan has it too). */
    structure: StructureReport | null;
  }[];
  unmappedIndicators: { slug: string; name: string }[];
  /** Plans left out with --skip (not published; the site lists them as 暂未收录). */
  skipped: SkippedPlan[];
  millis: number;
}

const PIPELINE_DIRS = ['src/pipeline', 'src/model'];
/** The structure report written beside each plan's model. */
export const STRUCTURE_FILE = 'structure.json';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/**
 * Hash of the pipeline's own code and of the converter libraries' versions, so changing a
 * parser, or upgrading the PDF or Word reader, invalidates every cached plan.
 */
function codeHash(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..', '..');
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) for (const file of filesUnder(join(root, dir))) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  for (const name of CONVERTER_PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    hash.update(name).update(existsSync(manifest) ? String(JSON.parse(readFileSync(manifest, 'utf8')).version) : 'missing');
  }
  return hash.digest('hex');
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { seedsDir, outDir } = options;
  const catalogFile = join(seedsDir, 'catalog.yaml');
  if (!existsSync(catalogFile)) throw new Error(`${catalogFile}: the plan catalogue is missing`);
  const seedFiles = readdirSync(seedsDir).filter(isPlanSourceName).sort();
  const catalogName = relative(options.root, catalogFile) || catalogFile;
  const catalog: CatalogFileEntry[] = loadCatalog(catalogName, readFileSync(catalogFile, 'utf8'), seedFiles);
  const skipped: SkippedPlan[] = (options.skip ?? []).map(({ slug, reason }) => {
    const entry = catalog.find((e) => e.slug === slug);
    if (!entry) throw new IngestError(catalogName, 1, `--skip ${slug}: no plan in the catalogue has this slug`);
    return { slug, title: entry.title, shortName: entry.shortName, reason };
  });
  const published = catalog.filter((e) => !skipped.some((s) => s.slug === e.slug) && (options.only?.(e) ?? true));
  const curated = loadCurated(options.root);
  const sharedHash = createHash('sha256').update(codeHash());
  for (const text of curated.texts) sharedHash.update(text);
  const shared = sharedHash.digest('hex');

  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const summary: IngestSummary = { plans: [], unmappedIndicators: [], skipped, millis: 0 };
  // Each published plan's facts as the model holds them (its status settled from the text).
  const facts: CatalogEntry[] = [];
  try {
    for (const entry of published) {
      const bytes = readFileSync(join(seedsDir, entry.source));
      const inputHash = createHash('sha256').update(shared).update(JSON.stringify(entry)).update(bytes).digest('hex');
      const previous = join(outDir, entry.slug);
      const target = join(staging, entry.slug);
      const previousFile = join(previous, 'plan.json');
      const previousPlan: Plan | null = !options.force && existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')) : null;
      if (previousPlan?.inputHash === inputHash) {
        cpSync(previous, target, { recursive: true });
        const structureFile = join(previous, STRUCTURE_FILE);
        const structure: StructureReport | null = existsSync(structureFile) ? JSON.parse(readFileSync(structureFile, 'utf8')) : null;
        summary.plans.push({ slug: entry.slug, reused: true, ...counts(previousPlan), report: null, structure });
        facts.push(previousPlan.catalog);
        continue;
      }
      let result;
      try {
        result = await ingestSourceFile(entry, bytes, curated, inputHash);
      } catch (error) {
        // Show what the structure stage did find before the error names the lines it could not place.
        if (error instanceof RefusedPlanError) for (const line of formatStructureReport(error.report)) log(line);
        throw error;
      }
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'plan.json'), `${JSON.stringify(result.plan, null, 1)}\n`);
      writeFileSync(join(target, STRUCTURE_FILE), `${JSON.stringify(result.structure, null, 1)}\n`);
      for (const page of result.pages) writeFileSync(join(target, page.file), page.content);
      summary.plans.push({ slug: entry.slug, reused: false, ...counts(result.plan), report: result.report, structure: result.structure });
      for (const name of result.unmappedIndicators) summary.unmappedIndicators.push({ slug: entry.slug, name });
      facts.push(result.plan.catalog);
    }
    writeFileSync(join(staging, 'catalog.json'), `${JSON.stringify(facts, null, 1)}\n`);
    writeFileSync(join(staging, SKIPPED_FILE), `${JSON.stringify(skipped, null, 1)}\n`);
    // Publish: swap the staging folder in only now that every plan succeeded.
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  summary.millis = performance.now() - started;
  for (const p of summary.plans) for (const line of p.structure ? formatStructureReport(p.structure) : [`${p.slug}: no structure report kept (run with --force)`]) log(line);
  for (const p of summary.plans) {
    const areas = p.report ? Object.entries(p.report.counts).map(([a, n]) => `${a} ${n}`).join(' · ') : 'unchanged, reused';
    log(`${p.slug.padEnd(14)} units ${String(p.units).padStart(4)}  boxes ${p.boxes}  indicators ${String(p.indicators).padStart(2)}  ${areas}`);
  }
  for (const u of summary.unmappedIndicators) log(`warning: ${u.slug}: indicator "${u.name}" has no canonical id in content/indicators.yaml`);
  for (const s of skipped) log(`skipped ${s.slug}: not published (${s.reason}); the site lists it as 暂未收录`);
  log(`ingested ${summary.plans.length} plans${skipped.length ? `, skipped ${skipped.length}` : ''} in ${summary.millis.toFixed(0)} ms → ${outDir}`);
  return summary;
}

function counts(plan: Plan) {
  const units =
    plan.front.length +
    plan.chapters.reduce((n, c) => n + c.units.length + c.sections.reduce((m, s) => m + s.units.length, 0), 0) +
    plan.boxes.reduce((n, b) => n + b.groups.reduce((m, g) => m + g.items.length, 0), 0);
  return { units, boxes: plan.boxes.length, indicators: plan.boxes.reduce((n, b) => n + (b.table?.rows.length ?? 0), 0) };
}

