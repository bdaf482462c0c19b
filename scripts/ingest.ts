/**
 * npm run ingest [-- --force] [--report] [--skip SLUG[=REASON]]… [--seeds DIR] [--out DIR]
 * Turns the plan files in seeds/ (text, HTML, .docx, PDF) into
 * content/plans/<slug>/{plan.json, structure.json, overview.mdx, <area>.mdx}.
 * --shard PROVINCE_SLUG ingests only that province's plans (one job of a sharded build).
 * SEEDS_DIR=DIR reads another folder instead of seeds/ (a synthesized set: `npm run synth`),
 * so `SEEDS_DIR=DIR npm run build` builds the whole site from it; --seeds wins over SEEDS_DIR.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSkipArgument } from '../src/model/skipped.ts';
import { IngestError } from '../src/pipeline/problems/ingest-error.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { provinceSlug } from '../src/site/plan-pages.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
    out: { type: 'string', default: 'content/plans' },
    force: { type: 'boolean', default: false },
    /** Print every area decision (item id, area, the keyword or override that decided it). */
    report: { type: 'boolean', default: false },
    /** Leave a plan out while it is being fixed: `--skip beihai` or `--skip beihai=正在核对文本` (repeatable). */
    skip: { type: 'string', multiple: true, default: [] },
    /** Only the plans of one province (its slug, as in /provinces/<slug>/): a shard of `npm run build:shards`. */
    shard: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');
try {
  const summary = await runIngest({ root, seedsDir: resolve(values.seeds!), outDir: resolve(values.out!), force: values.force || values.report, skip: values.skip!.map(parseSkipArgument), only: values.shard ? (e) => provinceSlug(e.province) === values.shard : undefined, log: (l) => console.log(l) });
  if (values.report) {
    for (const plan of summary.plans) {
      for (const d of plan.report?.decisions ?? []) console.log(`${plan.slug}\t${d.id}\t${d.area}\t${d.reason}`);
    }
  }
} catch (error) {
  if (error instanceof IngestError) {
    console.error(`error: ${error.message}`);
    console.error('nothing was published; the previous output is unchanged');
    process.exit(1);
  }
  throw error;
}
