/**
 * The assemble step of a sharded build, as pure functions: which job's file goes where in
 * the one site (each job contributes only what it owns, src/shards/shards.ts), the files
 * two jobs both contribute (allowed only when their bytes are the same: built assets and
 * public/ files), and the links of the assembled pages that lead nowhere.
 */

import { BOM, csvRecords, firstField } from '../publish/csv.ts';

export interface JobFiles {
  /** The job's name (a province shard id, or 'shared'). */
  job: string;
  /** Its output files: path relative to its site folder → content hash. */
  files: ReadonlyMap<string, string>;
  /** Whether the assembled site takes this file from the job. */
  owns(path: string): boolean;
}

export interface Assembly {
  /** Path in the site → the job whose copy is taken. */
  placed: Map<string, string>;
  /** Files that two jobs contribute with different bytes: the build is wrong. */
  collisions: { path: string; jobs: string[] }[];
  /** Files of each job's output left out (not its own). */
  dropped: number;
}

export function planAssembly(jobs: readonly JobFiles[]): Assembly {
  const placed = new Map<string, string>();
  const hashOf = new Map<string, string>();
  const clash = new Map<string, Set<string>>();
  let dropped = 0;
  for (const job of jobs) {
    for (const [path, hash] of job.files) {
      if (!job.owns(path)) {
        dropped++;
        continue;
      }
      const first = placed.get(path);
      if (first === undefined) {
        placed.set(path, job.job);
        hashOf.set(path, hash);
      } else if (hashOf.get(path) !== hash) {
        const jobsOf = clash.get(path) ?? new Set([first]);
        jobsOf.add(job.job);
        clash.set(path, jobsOf);
      }
    }
  }
  return { placed, collisions: [...clash].map(([path, jobsOf]) => ({ path, jobs: [...jobsOf] })), dropped };
}

/** The file a root-relative URL path is served from (directory → index.html), or null. */
export function fileForUrl(urlPath: string, files: ReadonlySet<string>): string | null {
  const clean = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  return candidates.find((c) => files.has(c)) ?? null;
}

/** URL path of a built page file: plans/x/index.html → /plans/x/. */
export const urlOfFile = (file: string): string => (file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`);

/**
 * Internal href and src values of a page that name no file of the site. Anchors are not
 * checked here (the single-job link test does that on a whole site); a link to another
 * job's page is exactly what this is for.
 */
export function brokenLinks(file: string, html: string, files: ReadonlySet<string>): string[] {
  const base = `http://site${urlOfFile(file)}`;
  const broken: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = m[1].replace(/&amp;/g, '&');
    if (/^(https?:|mailto:|tel:|data:|\/\/|#)/i.test(raw) || raw === '') continue;
    const url = new URL(raw, base);
    if (!fileForUrl(url.pathname, files)) broken.push(raw);
  }
  return broken;
}

/**
 * One national CSV (data/clauses.csv, data/indicators.csv) from the province jobs' files,
 * each holding its own plans' rows (first column: the plan's slug): the same header, then
 * every plan's rows in catalogue order — the bytes a single build writes for the same
 * plans. Fails, naming the file and line, on a header that differs, a row of a plan no
 * job should hold, or a plan's rows in two files.
 */
export function mergePlanCsv(files: readonly { file: string; text: string }[], planOrder: readonly string[]): string {
  if (!files.length) throw new Error('mergePlanCsv: no file to merge');
  const known = new Set(planOrder);
  const rowsOf = new Map<string, string[]>();
  const fileOf = new Map<string, string>();
  let header: { text: string; file: string } | null = null;
  for (const { file, text } of files) {
    const [head, ...records] = csvRecords(text, file);
    if (!head) throw new Error(`${file}:1: no header`);
    if (!header) header = { text: head.text, file };
    else if (head.text !== header.text) throw new Error(`${file}:1: header differs from ${header.file}:1`);
    for (const r of records) {
      const plan = firstField(r.text);
      if (!known.has(plan)) throw new Error(`${file}:${r.line}: row of plan "${plan}", which is not in the catalogue`);
      const other = fileOf.get(plan);
      if (other && other !== file) throw new Error(`${file}:${r.line}: rows of plan "${plan}" are also in ${other}`);
      fileOf.set(plan, file);
      const rows = rowsOf.get(plan) ?? [];
      rows.push(r.text);
      rowsOf.set(plan, rows);
    }
  }
  return BOM + header!.text + planOrder.flatMap((p) => rowsOf.get(p) ?? []).join('');
}
