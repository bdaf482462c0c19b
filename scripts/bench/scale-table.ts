/**
 * Pure parts of the scale benchmark (scripts/bench-scale.ts): which kind of page a built
 * HTML file is, the largest page of each kind, and the markdown table with growth factors
 * against the smallest size. No file system here, so it is tested without a build.
 */

/** The kinds of page whose size must not grow with the number of plans. */
export const PAGE_FAMILIES = [
  'home',
  'province plans',
  'plan overview',
  'plan area',
  'area comparison',
  'indicators',
  'topic',
  'boxes',
  'finder',
  'search',
] as const;
export type PageFamily = (typeof PAGE_FAMILIES)[number];

const AREA_PAGE = /^plans\/[^/]+\/(?!source\/)[^/]+\/index\.html$/;

/** The family of a built file (path relative to dist/), or null for pages not tracked (source view, 404 …). */
export function pageFamily(path: string): PageFamily | null {
  if (path === 'index.html') return 'home';
  if (path.startsWith('provinces/')) return 'province plans';
  if (/^plans\/[^/]+\/index\.html$/.test(path)) return 'plan overview';
  if (AREA_PAGE.test(path)) return 'plan area';
  if (path.startsWith('areas/')) return 'area comparison';
  if (path.startsWith('indicators/')) return 'indicators';
  if (/^entitlements\/[^/]+\//.test(path)) return 'topic';
  if (path.startsWith('boxes/')) return 'boxes';
  // The finder page only (its per-plan and per-province JSON are not pages).
  if (path === 'finder/index.html') return 'finder';
  // The search page renders its filters (every plan) from the catalogue.
  if (path === 'search/index.html') return 'search';
  return null;
}

export interface FamilySize {
  pages: number;
  /** Bytes of the largest page of the family. */
  largest: number;
  largestPath: string;
}

/** The largest HTML page of each family. */
export function largestPages(files: readonly { path: string; bytes: number }[]): Map<PageFamily, FamilySize> {
  const sizes = new Map<PageFamily, FamilySize>();
  for (const { path, bytes } of files) {
    const family = pageFamily(path);
    if (!family) continue;
    const size = sizes.get(family) ?? { pages: 0, largest: -1, largestPath: '' };
    size.pages++;
    if (bytes > size.largest) Object.assign(size, { largest: bytes, largestPath: path });
    sizes.set(family, size);
  }
  return sizes;
}

export interface StageFigure {
  seconds: number;
  /** Peak resident set size in MB; null when it could not be measured. */
  peakMb: number | null;
}

export interface ScaleRow {
  plans: number;
  stages: Record<'synth' | 'ingest' | 'astro build' | 'index', StageFigure>;
  pages: number;
  distMb: number;
  pagefindFiles: number;
  families: Map<PageFamily, FamilySize>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
const growth = (value: number, base: number | undefined) => (base ? `×${(value / base).toFixed(2)}` : '');

/** One markdown table: a row per figure, a column per size; page sizes with their growth against the first size. */
export function scaleTable(rows: readonly ScaleRow[]): string {
  const head = `| figure | ${rows.map((r) => `${r.plans} plans`).join(' | ')} |\n|---|${rows.map(() => '---|').join('')}`;
  const line = (name: string, cell: (r: ScaleRow) => string) => `| ${name} | ${rows.map(cell).join(' | ')} |`;
  const lines = [head];
  for (const stage of ['synth', 'ingest', 'astro build', 'index'] as const) {
    lines.push(line(`${stage}: wall time`, (r) => `${r.stages[stage].seconds.toFixed(1)} s`));
    if (stage !== 'synth') lines.push(line(`${stage}: peak RSS`, (r) => (r.stages[stage].peakMb === null ? 'n/a' : `${r.stages[stage].peakMb!.toFixed(0)} MB`)));
  }
  lines.push(line('HTML pages', (r) => String(r.pages)));
  lines.push(line('dist size', (r) => `${r.distMb.toFixed(1)} MB`));
  lines.push(line('Pagefind files', (r) => String(r.pagefindFiles)));
  const base = rows[0];
  for (const family of PAGE_FAMILIES) {
    lines.push(
      line(`largest ${family} page (HTML)`, (r) => {
        const size = r.families.get(family);
        if (!size) return '—';
        return `${kb(size.largest)} ${growth(size.largest, base.families.get(family)?.largest)}`.trim();
      }),
    );
  }
  return lines.join('\n');
}

/** One size of the sharded build (`npm run bench:scale -- --shards`). */
export interface ShardsRow {
  plans: number;
  shards: number;
  /** Jobs at a time. */
  jobs: number;
  /** Jobs the province shards were packed into (src/shards/packing.ts); absent before packing. */
  buildJobs?: number;
  /** build:shards from nothing to the assembled dist/. */
  wallSeconds: number;
  /** The slowest province job, and the largest peak RSS of any province job. */
  slowestJobSeconds: number;
  largestJobMb: number | null;
  shared: StageFigure;
  assembleSeconds: number;
  /** A rebuild after one plan changed: wall time, shards rebuilt. */
  incremental: { seconds: number; shardsRebuilt: number };
  pages: number;
  distMb: number;
  pagefindFiles: number;
  /** Bytes (as served, gzip) of a first search on a cold cache, within one province and national. */
  firstSearchKb: { regional: number; national: number; nationalRare?: number };
  secondSearchKb: { regional: number; national: number };
  /** Search bundles (pagefind/shards/<province>/<n>/) a national first search loaded: 康复 (in most records), 孤独症 (in few). */
  nationalBundles?: { common: number; rare: number };
  /** Search bundles of the site (every province's, src/search/bundles.ts); absent in rows of one bundle a province, where it is `shards`. */
  bundles?: number;
  /** The largest page of each family of the assembled site (as the Scale table measures a single build). */
  families?: Partial<Record<PageFamily, FamilySize>>;
  /** Where and when this column was measured: columns of several runs are kept together. */
  run?: { date: string; commit: string; loadBefore: number; loadAfter: number };
  /** The largest page of each family of the site of SINGLE_BASELINE_PLANS plans built the ordinary way (the growth baseline). */
  singleFive?: Partial<Record<PageFamily, number>>;
}

/** Plans of the baseline site that page sizes of the sharded build grow against. */
export const SINGLE_BASELINE_PLANS = 5;

/** The families' growth above which a page is said to grow with the number of plans (issue 12: within 1.5× its size at 5 plans). */
export const PAGE_GROWTH_LIMIT = 1.5;

export function shardsTable(rows: readonly ShardsRow[]): string {
  const head = `| figure | ${rows.map((r) => `${r.plans} plans`).join(' | ')} |\n|---|${rows.map(() => '---|').join('')}`;
  const line = (name: string, cell: (r: ShardsRow) => string) => `| ${name} | ${rows.map(cell).join(' | ')} |`;
  const mb = (m: number | null) => (m === null ? 'n/a' : `${m.toFixed(0)} MB`);
  // Growth against the ordinary site of 5 plans when measured (the newest such baseline),
  // else against the first column.
  const single = [...rows].reverse().find((r) => r.singleFive)?.singleFive;
  const base = rows.find((r) => r.families);
  const familyLines = base
    ? PAGE_FAMILIES.map((family) =>
        line(`largest ${family} page (HTML)`, (r) => {
          const size = r.families?.[family];
          if (!size) return '—';
          const from = single ? single[family] : base.families?.[family]?.largest;
          const over = from !== undefined && size.largest / from > PAGE_GROWTH_LIMIT;
          const cell = `${kb(size.largest)} ${growth(size.largest, from)}`.trim();
          return over ? `**${cell}**` : cell;
        }),
      )
    : [];
  return [
    head,
    line('province shards, build jobs (at a time)', (r) => (r.buildJobs === undefined ? `${r.shards} (${r.jobs})` : `${r.shards}, ${r.buildJobs} job${r.buildJobs === 1 ? '' : 's'} (${r.jobs})`)),
    line('build:shards wall time, from nothing', (r) => `${r.wallSeconds.toFixed(0)} s`),
    line('slowest province job (packed: all its provinces)', (r) => `${r.slowestJobSeconds.toFixed(1)} s`),
    line('largest province job peak RSS', (r) => mb(r.largestJobMb)),
    line('shared job: wall time, peak RSS', (r) => `${r.shared.seconds.toFixed(1)} s, ${mb(r.shared.peakMb)}`),
    line('assemble', (r) => `${r.assembleSeconds.toFixed(1)} s`),
    line('rebuild after one plan changed', (r) => `${r.incremental.seconds.toFixed(0)} s (${r.incremental.shardsRebuilt} shard)`),
    line('HTML pages', (r) => String(r.pages)),
    line('dist size', (r) => `${r.distMb.toFixed(1)} MB`),
    line('Pagefind files', (r) => String(r.pagefindFiles)),
    line('first search, one province (gzip)', (r) => `${r.firstSearchKb.regional.toFixed(0)} KB`),
    line('first search, national (gzip), 康复', (r) => `${r.firstSearchKb.national.toFixed(0)} KB${r.nationalBundles ? ` (${r.nationalBundles.common} of ${r.bundles ?? r.shards} bundles)` : ''}`),
    line('first search, national (gzip), 孤独症 (few records)', (r) => (r.firstSearchKb.nationalRare === undefined ? 'n/a' : `${r.firstSearchKb.nationalRare.toFixed(0)} KB (${r.nationalBundles?.rare} of ${r.bundles ?? r.shards} bundles)`)),
    line('second search, one province / national', (r) => `${r.secondSearchKb.regional.toFixed(0)} KB / ${r.secondSearchKb.national.toFixed(0)} KB`),
    ...familyLines,
  ].join('\n');
}
