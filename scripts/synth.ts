/**
 * npm run synth -- --plans N --out DIR [--seed S] [--seeds DIR] [--provinces K]
 * Writes N synthetic plans (the real seeds under invented place names, src/synth/) and a
 * catalog.yaml into DIR, for scale tests: `SEEDS_DIR=DIR npm run build` builds a site from them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSeedPlans } from '../src/synth/read-seeds.ts';
import { synthesizePlans } from '../src/synth/synthesize.ts';

const { values } = parseArgs({
  options: {
    plans: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string', default: 'seeds' },
    /** Only the first K provinces (e.g. 2 for a two-shard build). */
    provinces: { type: 'string' },
  },
});
const count = Number(values.plans);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error('usage: npm run synth -- --plans N --out DIR [--seed S] [--seeds DIR]');
  process.exit(2);
}
const seedsDir = resolve(values.seeds!);
let seeds: ReturnType<typeof readSeedPlans>;
try {
  seeds = readSeedPlans(seedsDir);
} catch (error) {
  // A missing or malformed catalogue names its file (and line); no stack trace for the operator.
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const set = synthesizePlans(seeds, { count, seed: Number(values.seed), provinces: values.provinces ? Number(values.provinces) : undefined });
const out = resolve(values.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [name, text] of set.files) writeFileSync(join(out, name), text);
writeFileSync(join(out, 'catalog.yaml'), set.catalogYaml);
const provinces = new Set(set.catalog.map((e) => e.province)).size;
console.log(`synthesized ${set.catalog.length} plans in ${provinces} provinces (seed ${values.seed}) → ${out}`);
