/**
 * npm run bench: runs every benchmark, prints the figures and records them in
 * docs/benchmarks.md. Figures over budget are marked; they do not fail the run (timings
 * belong in benchmarks, not in tests).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { scaleSection } from './bench/scale-section.ts';
import type { BenchResult } from './bench/types.ts';

const root = resolve(import.meta.dirname, '..');
const results: BenchResult[] = [];

// Each scripts/bench/<name>.ts exports one `bench<Name>(root)` function; the other modules
// there are helpers (bench:scale's tables and sharded runs) and export no bench* function.
// Standalone tools with top-level code live in scripts/, not here: importing one would run it.
for (const file of readdirSync(join(root, 'scripts/bench')).filter((f) => f.endsWith('.ts') && f !== 'types.ts').sort()) {
  const module = await import(join(root, 'scripts/bench', file));
  for (const [name, run] of Object.entries(module)) {
    if (!name.startsWith('bench') || typeof run !== 'function') continue;
    console.log(`running ${file} ${name}…`);
    results.push(...(await (run as (root: string) => Promise<BenchResult[]> | BenchResult[])(root)));
  }
}

const format = (r: BenchResult) => `${r.value.toFixed(r.digits ?? (r.value < 10 ? 2 : 0))} ${r.unit}`.trim();
const verdict = (r: BenchResult) => (r.budget === undefined ? '' : r.value <= r.budget ? `within ${r.budget} ${r.unit}` : `OVER ${r.budget} ${r.unit}`);
for (const r of results) console.log(`${r.name.padEnd(70)} ${format(r).padStart(12)}  ${verdict(r)}`);

// The load average says whether other work shared the cores: timings scale with it.
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
// The Scale section is recorded by `npm run bench:scale`; keep it.
const docFile = join(root, 'docs/benchmarks.md');
const scale = existsSync(docFile) ? scaleSection(readFileSync(docFile, 'utf8')) : '';
const table = results.map((r) => `| ${r.name} | ${format(r)} | ${r.budget === undefined ? '' : `${r.budget} ${r.unit}`} | ${verdict(r)} |`).join('\n');
writeFileSync(
  docFile,
  `# Benchmarks\n\nRecorded by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).\n` +
    `${existsSync(join(root, 'dist')) ? '' : '\nThe site was not built, so only ingest figures are here.\n'}\n` +
    `| figure | value | budget | |\n|---|---|---|---|\n${table}\n${scale ? `\n${scale}` : ''}`,
);
console.log('recorded in docs/benchmarks.md');
