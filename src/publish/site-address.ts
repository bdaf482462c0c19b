/**
 * The site's public address, configured in one place: `address` in content/site.yaml.
 * Canonical links, og:url, the sitemap, robots.txt and the feed are absolute and need it;
 * its path is the base path the site is built for (astro.config reads it from here), so a
 * site published at https://example.org/plans/ is configured by writing just that.
 * `BASE_PATH=/plans/` overrides the path for one build (tests, previews).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../model/read-data.ts';

const FILE = 'content/site.yaml';

/** Normalises a base path to `/` or `/a/b/` (leading and trailing slash). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Checks the configured address: an absolute http(s) URL without query or fragment. */
export function parseAddress(value: unknown): URL {
  if (typeof value !== 'string') throw new Error(`${FILE}: address: must be the site's public address, e.g. https://example.org/`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${FILE}: address: not a URL: ${value}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`${FILE}: address: an http(s) address without ?query or #fragment, e.g. https://example.org/, not ${value}`);
  }
  return url;
}

let cached: URL | undefined;
/** The address as written in content/site.yaml (read once). */
export function siteAddress(root = process.cwd()): URL {
  return (cached ??= parseAddress(((parseYaml(FILE, readFileSync(join(root, FILE), 'utf8')) ?? {}) as { address?: unknown }).address));
}

/** The base path the site is built for: BASE_PATH when set, else the address's path. */
export const basePath = (env: Record<string, string | undefined> = process.env, root = process.cwd()): string =>
  normalizeBase(env.BASE_PATH ?? siteAddress(root).pathname);

/** The site's origin and base path, e.g. https://example.org/plans/ . */
export const siteRoot = (env: Record<string, string | undefined> = process.env, root = process.cwd()): string =>
  new URL(basePath(env, root), siteAddress(root).origin).href;

/** Absolute address of a page from its path as served (which already starts with the base path). */
export const canonicalUrl = (pathname: string, root = process.cwd()): string => new URL(pathname, siteAddress(root).origin).href;

/** Absolute address of anything the site serves, from its served path (paths.ts gives those). */
export const publicUrl = canonicalUrl;
