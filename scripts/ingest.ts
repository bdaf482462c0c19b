/**
 * npm run ingest [-- --force] [--seeds DIR] [--out DIR]
 * Turns seeds/*.txt into content/plans/<slug>/{plan.json, overview.mdx, <area>.mdx}.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '../src/pipeline/problems/ingest-error.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: 'seeds' },
    out: { type: 'string', default: 'content/plans' },
    force: { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..');
try {
  runIngest({ root, seedsDir: resolve(values.seeds!), outDir: resolve(values.out!), force: values.force, log: (l) => console.log(l) });
} catch (error) {
  if (error instanceof IngestError) {
    console.error(`error: ${error.message}`);
    console.error('nothing was published; the previous output is unchanged');
    process.exit(1);
  }
  throw error;
}
