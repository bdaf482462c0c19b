/**
 * The HTTP headers a host should send with the site: `npm run serve` sends them, the build
 * writes them as dist/_headers for hosts that read one (Netlify, Cloudflare Pages), and
 * docs/deploy.md lists them for the rest. One list, so the three never disagree.
 */
import { HEADER_POLICY } from './csp.ts';

/** Headers for every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  // The page's policy again, now also forbidding other sites to frame the pages (a meta
  // tag cannot say frame-ancestors).
  'Content-Security-Policy': HEADER_POLICY,
  // Never guess a type from the bytes: a .json stays data, a .pf_fragment stays opaque.
  'X-Content-Type-Options': 'nosniff',
  // A link followed from a plan page tells the other site where it came from, not the
  // query typed into search (a family's question about their child stays here).
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Cache-Control of a file that never changes under its name (the name carries its hash). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of everything else: keep, but ask the server (ETag) before each use. */
export const REVALIDATE = 'no-cache';

/**
 * Whether a file (path relative to dist/, forward slashes) is named for its content:
 * Astro's bundles under _astro/ (name.<hash>.ext), and Pagefind's index chunks, fragments,
 * filters and its metadata file (pagefind.<lang>_<hash>.pf_meta). Pagefind's entry files
 * (pagefind.js, pagefind-entry.json, pagefind-worker.js, wasm.<lang>.pagefind) and our own
 * lexicon.json and refs/ keep their names across builds, so they revalidate.
 */
export function isHashedAsset(rel: string): boolean {
  return (
    /^_astro\/.+\.[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(rel) ||
    /^pagefind\/(?:fragment|index|filter)\/[^/]+\.pf_(?:fragment|index|filter)$/.test(rel) ||
    /^pagefind\/pagefind\.[a-z0-9-]+_[0-9a-f]+\.pf_meta$/.test(rel)
  );
}

export const cacheControl = (rel: string): string => (isHashedAsset(rel) ? IMMUTABLE : REVALIDATE);

/** dist/_headers (Netlify / Cloudflare Pages format) for a site built under `base`. */
export function headersFile(base: string): string {
  const lines = ['# Written by the build (src/publish/headers.ts). docs/deploy.md explains each header.', `${base}*`];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  lines.push(`${base}_astro/*`, `  Cache-Control: ${IMMUTABLE}`);
  for (const dir of ['fragment', 'index', 'filter']) lines.push(`${base}pagefind/${dir}/*`, `  Cache-Control: ${IMMUTABLE}`);
  return lines.join('\n') + '\n';
}
