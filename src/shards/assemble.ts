/**
 * The assemble step of a sharded build, as pure functions: which job's file goes where in
 * the one site (each job contributes only what it owns, src/shards/shards.ts), the files
 * two jobs both contribute (allowed only when their bytes are the same: built assets and
 * public/ files), and the links of the assembled pages that lead nowhere.
 */

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
