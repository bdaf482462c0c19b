/**
 * Build step: the citation tables the search page fetches when a query looks like a
 * citation (src/search/citation.ts): dist/pagefind/refs/<slug>.json per plan and
 * dist/pagefind/refs/plans.json with the names of every plan, and the place files that say
 * which plans a county or city named in a question picks (refs/places/, src/search/places.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Area, CatalogEntry } from '../model/plan.ts';
import { buildRefs, plansTable } from './citation.ts';
import type { Corpus } from './corpus.ts';
import { PLANS_REFS_FILE, REFS_DIR } from './cited.ts';
import { placesFile, placesFiles, PLACES_DIR } from './places.ts';

/** The files made from the whole catalogue (a sharded build's shared job writes them): the names table and the place files. */
export function catalogRefFiles(catalog: readonly CatalogEntry[]): [string, string][] {
  return [[PLANS_REFS_FILE, JSON.stringify(plansTable(catalog))], ...placesFiles(catalog).map((b): [string, string] => [placesFile(b.bucket), JSON.stringify(b)])];
}

/** Writes `catalogRefFiles` into a refs folder. */
export function writeCatalogRefFiles(catalog: readonly CatalogEntry[], dir: string): void {
  mkdirSync(join(dir, PLACES_DIR), { recursive: true });
  for (const [name, text] of catalogRefFiles(catalog)) writeFileSync(join(dir, name), text);
}

/**
 * Writes the tables into `<pagefindDir>/refs/` (or `dir`); returns a one-line size report.
 * A province job of a sharded build writes its plans' tables into the one shared refs/
 * folder (one file per plan, so the jobs never collide) and leaves the names table of
 * every plan, and the place files, to the shared job (`plansTable: false`).
 */
export function writeRefFiles(
  corpus: Pick<Corpus, 'catalog' | 'plans' | 'areas'>,
  pagefindDir: string,
  options: { dir?: string; plansTable?: boolean } = {},
): string {
  const dir = options.dir ?? join(pagefindDir, REFS_DIR);
  mkdirSync(dir, { recursive: true });
  const areaSlugs = Object.fromEntries(corpus.areas.map((a) => [a.name, a.slug])) as Record<Area, string>;
  const files: [string, string][] = corpus.plans.map((plan) => [`${plan.catalog.slug}.json`, JSON.stringify(buildRefs(plan, areaSlugs))]);
  if (options.plansTable ?? true) {
    files.push(...catalogRefFiles(corpus.catalog));
    mkdirSync(join(dir, PLACES_DIR), { recursive: true });
  }
  let raw = 0;
  let gz = 0;
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text);
    raw += Buffer.byteLength(text);
    gz += gzipSync(text).length;
  }
  return `build-index: ${REFS_DIR}/ ${files.length} files, ${raw} B raw, ${gz} B gzip`;
}
