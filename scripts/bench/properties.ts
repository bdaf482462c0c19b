/**
 * Property benchmark: thousands of randomly damaged seeds (tests/ingest/fixtures/mutations.ts)
 * through the pure pipeline; each must be refused with a typed file:line error or ingested
 * to a model holding every character. `npm test` runs a few hundred; this runs thousands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadCatalog } from '../../src/pipeline/catalog/load-catalog.ts';
import { loadCurated } from '../../src/pipeline/curated.ts';
import { ingestChecked, mutate, mutationArb } from '../../tests/ingest/fixtures/mutations.ts';
import type { BenchResult } from './types.ts';

const RUNS = 3000;

export function benchProperties(root: string): BenchResult[] {
  const seeds = join(root, 'seeds');
  const files = ['000_edff35ea4ed15fae.txt', '001_8868f32d5b0cd0d8.txt', '002_80d4aa66347fe796.txt', '003_05f9b3d2e9b7c832.txt', '004_97fe874b21772cfd.txt'];
  const catalog = loadCatalog('seeds/catalog.yaml', readFileSync(join(seeds, 'catalog.yaml'), 'utf8'), files);
  const curated = loadCurated(root);
  const texts = catalog.map((entry) => ({ entry, text: readFileSync(join(seeds, entry.source), 'utf8') }));
  let refused = 0;
  let runs = 0;
  const started = performance.now();
  const result = fc.check(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (k, mutations) => {
      runs++;
      if ('refused' in ingestChecked(texts[k].entry, mutate(texts[k].text, mutations), curated)) refused++;
    }),
    { numRuns: RUNS },
  );
  const millis = performance.now() - started;
  if (result.failed) console.log(fc.defaultReportMessage(result));
  return [
    { name: `ingest properties: damaged seeds that broke the property (of ${RUNS} runs)`, value: result.failed ? 1 : 0, unit: 'failures', budget: 0 },
    { name: 'ingest properties: share refused with a file:line error (the rest ingested whole)', value: (100 * refused) / runs, unit: '%' },
    { name: 'ingest properties: time per damaged seed', value: millis / runs, unit: 'ms' },
  ];
}
