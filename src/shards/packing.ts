/**
 * Fewer, larger jobs: province shards packed together into one build job. Every job pays a
 * fixed cost whatever its size (a process, a copy of the project, Astro's start-up and its
 * Vite build of the page code, Pagefind's start-up: ~10–15 s on a quiet 2-core machine,
 * 35 s and more on a busy one), so 31 jobs of ~16 plans spent most of their time starting.
 * A job now builds several neighbouring provinces in one Astro build and one index process,
 * then splits its output into each province's own folder (its pages, its own Pagefind
 * bundle, its rows of the national CSVs), exactly as a job of that province alone would
 * have written them: the assembly, the shared job and the incremental build still see one
 * folder per province. Packs are capped by plan count, so a job's peak memory (Astro holds
 * its plans' pages) is bounded by the cap, not by the number of provinces; a province above
 * the cap is a job of its own, as before.
 */
import { BOM, csvRecords, firstField } from '../publish/csv.ts';
import { ownedByShard, type Shard } from './shards.ts';

/** Plans a packed job holds at most (a province with more is a job of its own): ~0.8 GB peak at this many. */
export const DEFAULT_PACK_PLANS = 50;

/**
 * The shards cut into jobs: neighbours in the given (national code) order go together while
 * their plans stay within `maxPlans`. Greedy and in order, so the jobs are the same from run
 * to run while the provinces' plan counts are (a changed plan's text moves nothing), and a
 * CI cache keyed by job keeps finding its job.
 */
export function packShards<S extends Pick<Shard, 'slugs'>>(shards: readonly S[], maxPlans = DEFAULT_PACK_PLANS): S[][] {
  const packs: S[][] = [];
  let current: S[] = [];
  let plans = 0;
  for (const shard of shards) {
    if (current.length && plans + shard.slugs.length > maxPlans) {
      packs.push(current);
      current = [];
      plans = 0;
    }
    current.push(shard);
    plans += shard.slugs.length;
  }
  if (current.length) packs.push(current);
  return packs;
}

/**
 * The plans a job may hold in a build of `plans` plans with `parallel` jobs at a time: the
 * cap, but no more than a fair share of the plans, so that a small build still gives every
 * core a job (50 plans on 2 cores: two jobs of ~25, not one of 50).
 */
export const packCap = (maxPlans: number, plans: number, parallel: number): number =>
  Math.max(1, Math.min(maxPlans, Math.ceil(plans / Math.max(1, parallel))));

/** A job's name: its provinces' ids joined by '+' (one province: its id), e.g. beijing+tianjin+hebei. */
export const packName = (pack: readonly Pick<Shard, 'id'>[]): string => pack.map((s) => s.id).join('+');

/** The provinces of a job as the command line names them: `--shard beijing,tianjin` (one id: one province). */
export const parsePackArg = (arg: string): string[] => arg.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Which provinces of a packed job take a file of the job's output into their own folder:
 * the one that owns it (its plans' pages and data, its per-province pages, its bundle), every
 * one for the built assets (`_astro/`, the same bytes a job of that province alone builds),
 * none for what belongs to no province (public/ files, which the shared job provides). The
 * national CSVs are split by row instead (splitPlanCsv).
 */
export function provincesTaking(path: string, pack: readonly Pick<Shard, 'id' | 'slugs'>[]): string[] {
  if (path.startsWith('_astro/')) return pack.map((s) => s.id);
  const owner = pack.find((s) => ownedByShard(path, s));
  return owner ? [owner.id] : [];
}

/**
 * A packed job's national CSV (header, then its plans' rows in catalogue order; first
 * column the plan's slug) cut into one file per province: the header and that province's
 * rows, in the same order — the bytes the province's own job writes (src/pages/data/).
 * Fails, naming file and line, on a row of a plan the job does not hold.
 */
export function splitPlanCsv(text: string, file: string, pack: readonly Pick<Shard, 'id' | 'slugs'>[]): Map<string, string> {
  const [head, ...records] = csvRecords(text, file);
  if (!head) throw new Error(`${file}:1: no header`);
  const provinceOf = new Map(pack.flatMap((s) => s.slugs.map((slug) => [slug, s.id] as const)));
  const rows = new Map(pack.map((s) => [s.id, [] as string[]]));
  for (const r of records) {
    const id = provinceOf.get(firstField(r.text));
    if (!id) throw new Error(`${file}:${r.line}: row of plan "${firstField(r.text)}", which is in none of ${packName(pack)}`);
    rows.get(id)!.push(r.text);
  }
  return new Map([...rows].map(([id, lines]) => [id, BOM + head.text + lines.join('')]));
}
