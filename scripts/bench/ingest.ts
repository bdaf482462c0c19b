/**
 * Ingest benchmark: the five seeds cold and warm through the real driver, and the pure
 * pipeline over many synthetic plans (copies of the seeds) to project a national build.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemblePlan } from '../../src/pipeline/assemble/assemble-plan.ts';
import { loadCatalog, planFacts } from '../../src/pipeline/catalog/load-catalog.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';
import { findLostText } from '../../src/pipeline/fidelity/check-fidelity.ts';
import { leftOverLines } from '../../src/pipeline/fidelity/draft-coverage.ts';
import { numberedTextLines } from '../../src/pipeline/fidelity/numbered-text.ts';
import { readSource } from '../../src/pipeline/read/read-source.ts';
import { buildDraft } from '../../src/pipeline/structure/build-draft.ts';
import { loadCurated } from '../../src/pipeline/curated.ts';
import { ingestPlan, settleStatus } from '../../src/pipeline/ingest-plan.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import type { BenchResult } from './types.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchIngest(root: string): Promise<BenchResult[]> {
  const seeds = join(root, 'seeds');
  const out = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      cold.push((await runIngest({ root, seedsDir: seeds, outDir: join(out, 'plans'), force: true })).millis);
      warm.push((await runIngest({ root, seedsDir: seeds, outDir: join(out, 'plans') })).millis);
    }
    const files = ['000_edff35ea4ed15fae.txt', '001_8868f32d5b0cd0d8.txt', '002_80d4aa66347fe796.txt', '003_05f9b3d2e9b7c832.txt', '004_97fe874b21772cfd.txt'];
    const catalog = loadCatalog('seeds/catalog.yaml', readFileSync(join(seeds, 'catalog.yaml'), 'utf8'), files);
    const curated = loadCurated(root);
    const sources = catalog.map((entry) => ({ entry, bytes: readFileSync(join(seeds, entry.source)) }));
    const copies = 200;
    const started = performance.now();
    let units = 0;
    for (let k = 0; k < copies; k++) {
      for (const { entry, bytes } of sources) {
        const { plan } = ingestPlan({ ...entry, slug: `${entry.slug}-${k}` }, bytes, curated, 'bench');
        units += plan.chapters.length;
      }
    }
    const perPlan = (performance.now() - started) / (copies * sources.length);
    const checks = timeTextChecks(sources, curated, copies);
    return [
      { name: 'ingest: 5 seeds, cold (parse + write), median of 5', value: median(cold), unit: 'ms', budget: 1000 },
      { name: 'ingest: 5 seeds, warm (all reused), median of 5', value: median(warm), unit: 'ms' },
      { name: `ingest: pure pipeline per plan (${copies * sources.length} synthetic plans)`, value: perPlan, unit: 'ms' },
      { name: 'ingest: projected 3,130 plans on one core (pure pipeline)', value: (perPlan * 3130) / 1000, unit: 's' },
      { name: 'ingest: text checks per plan (left-over lines, numbered text, fidelity), included above', value: checks, unit: 'ms' },
      { name: 'ingest: text checks as a share of the pure pipeline', value: (100 * checks) / perPlan, unit: '%' },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The checks that make sure no text is lost (run for every plan at every build), timed on
 * their own: the seeds' cleaned lines, draft and model are made once, the checks run `times`.
 */
function timeTextChecks(sources: { entry: ReturnType<typeof loadCatalog>[number]; bytes: Buffer }[], curated: ReturnType<typeof loadCurated>, times: number): number {
  const prepared = sources.map(({ entry, bytes }) => {
    const text = readSource(entry.source, bytes);
    const { lines, removed } = cleanLines(text);
    const draft = buildDraft(entry.source, lines);
    const plan = assemblePlan(entry.source, draft, planFacts(entry, settleStatus(entry, lines)), curated.rules, curated.indicators, removed, 'bench');
    return { text, lines, removed, draft, plan };
  });
  const started = performance.now();
  for (let k = 0; k < times; k++) {
    for (const p of prepared) {
      leftOverLines(p.text, p.lines, p.removed, p.draft);
      numberedTextLines(p.plan, p.lines, 5);
      if (findLostText(p.lines, p.plan)) throw new Error('a seed fails the fidelity check');
    }
  }
  return (performance.now() - started) / (times * prepared.length);
}
