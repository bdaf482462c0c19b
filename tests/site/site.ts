/**
 * Shared helpers for the site tests: the built site in dist/, its pages, a static
 * server and a browser. Tests assume `npm run build` already ran (`npm test` does).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plan, CatalogEntry } from '../../src/model/plan.ts';

export const DIST = path.resolve(process.cwd(), 'dist');

/** Fails with a clear message when the site was not built. */
export function requireDist(): string {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`dist/index.html not found: build the site first with \`npm run build\` (or run \`npm test\`, which builds).`);
  }
  return DIST;
}

/** All files under dist/, as paths relative to it with forward slashes. */
export function distFiles(dir = DIST, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...distFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

export const htmlFiles = (): string[] => distFiles().filter((f) => f.endsWith('.html'));

/** URL path of a built HTML file: plans/x/index.html → /plans/x/, 404.html → /404.html */
export const urlOf = (file: string): string => (file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`);

export const readDist = (rel: string): string => readFileSync(path.join(DIST, rel), 'utf8');

export function readCatalog(): CatalogEntry[] {
  return JSON.parse(readFileSync(path.resolve('content/plans/catalog.json'), 'utf8'));
}

export function readPlan(slug: string): Plan {
  return JSON.parse(readFileSync(path.resolve(`content/plans/${slug}/plan.json`), 'utf8'));
}

/** One page of every kind the site has, for the browser checks. */
export const PAGE_KINDS: Record<string, string> = {
  home: '/',
  'plan overview (final)': '/plans/huining/',
  'plan overview (draft)': '/plans/beihai/',
  'plan overview (targets stated in the text)': '/plans/ningxia-rural/',
  'plan area page': '/plans/huining/kangfu/',
  'plan area page (draft)': '/plans/dengkou/baozhang/',
  'area across plans': '/areas/kangfu/',
  indicators: '/indicators/',
  boxes: '/boxes/',
  'entitlements index': '/entitlements/',
  'entitlements topic': '/entitlements/liangxiang-butie/',
  finder: '/finder/',
  'source view': '/plans/zhongwei/source/',
  'plans of a province': '/provinces/gansu/',
  about: '/about/',
  search: '/search/',
  '404': '/404.html',
};

/** Minimal HTML entity decoding for text taken from built pages. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** Text content of an HTML fragment (tags dropped, entities decoded). */
export const textOf = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, ''));

/** Every id="…" on a page. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]));
}

export interface DataClause {
  id: string;
  text: string;
}

/**
 * The data-clause elements of a page with their text. The element holds only <p>,
 * <span> and <strong> (the markup contract), so it ends at the first closing tag of
 * its own name.
 */
export function dataClauses(html: string): DataClause[] {
  const out: DataClause[] = [];
  for (const m of html.matchAll(/<(\w+)\b([^>]*\sdata-clause\b[^>]*)>/g)) {
    const tag = m[1];
    const id = /\sid="([^"]*)"/.exec(m[2])?.[1];
    const start = m.index! + m[0].length;
    const end = html.indexOf(`</${tag}>`, start);
    if (!id || end < 0) throw new Error(`malformed data-clause element: ${m[0]}`);
    out.push({ id: decodeEntities(id), text: textOf(html.slice(start, end)) });
  }
  return out;
}
