/**
 * Runs a built Pagefind bundle (the browser's pagefind.js) inside Node, for the CLI, the
 * eval and the tests. Node only.
 *
 * pagefind.js fetches its wasm, index and fragments relative to `basePath`, so the bundle's
 * folder is served on a loopback port and the module is imported from a temporary copy
 * (every bundle gets its own module instance). Without a `document` it runs on the main
 * thread with language "unknown", i.e. it does not segment queries again; pass `htmlLang`
 * to behave like a browser page with that `<html lang>` (plain Pagefind on a zh-CN page
 * runs Intl.Segmenter on the query).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi, PfData, PfResult } from './engine.ts';

export interface NodePagefind extends PagefindApi {
  search(
    term: string | null,
    options?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: (PfResult & { data: () => Promise<PfData & NodePfExtra> })[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Base URL of the loopback server (serves the bundle folder). */
  base: string;
  close(): Promise<void>;
}

export interface NodePfExtra {
  sub_results?: { title: string; url: string; excerpt: string; locations: number[] }[];
  meta: Record<string, string>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): {
    init(): Promise<void>;
    search: NodePagefind['search'];
    preload: NodePagefind['preload'];
    filters: NodePagefind['filters'];
  };
}

export interface BootOptions {
  /** Simulated `<html lang>` while the instance is created (e.g. 'zh-CN'); none by default. */
  htmlLang?: string;
  /** Extra pagefind.options(). */
  options?: Record<string, unknown>;
}

/** `bundleDir` is the folder holding pagefind.js (e.g. dist/pagefind). */
export async function bootPagefind(bundleDir: string, opts: BootOptions = {}): Promise<NodePagefind> {
  const root = resolve(bundleDir);
  const js = join(root, 'pagefind.js');
  if (!existsSync(js)) throw new Error(`no Pagefind bundle at ${root} (run \`npm run build\` first)`);
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { Connection: 'close' }).end();
      return;
    }
    // No keep-alive: a reused connection that the server closes for idleness at the moment
    // fetch sends on it fails with ECONNRESET (seen on a loaded machine).
    res.writeHead(200, {
      'Content-Type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      Connection: 'close',
    });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  server.unref();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // Inside the project (vitest only loads modules under its root), one file per boot.
  const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'pagefind-node-'));
  const copy = join(dir, 'pagefind.mjs');
  writeFileSync(copy, readFileSync(js));
  let pf: PagefindModule;
  try {
    pf = (await import(/* @vite-ignore */ pathToFileURL(copy).href)) as PagefindModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const g = globalThis as Record<string, unknown>;
  const hadDocument = 'document' in g;
  const savedDocument = g.document;
  if (opts.htmlLang) {
    g.document = { currentScript: null, querySelector: (s: string) => (s === 'html' ? { getAttribute: () => opts.htmlLang } : null) };
  }
  let instance;
  try {
    instance = pf.createInstance({ basePath: `${base}`, baseUrl: '/', ...opts.options });
  } finally {
    if (opts.htmlLang) {
      if (hadDocument) g.document = savedDocument;
      else delete g.document;
    }
  }
  await instance.init();
  return {
    search: (term, options) => instance.search(term, options),
    preload: (term) => instance.preload(term),
    filters: () => instance.filters(),
    base,
    // init() starts loading the metadata without waiting for it; wait (filters() does) so
    // that closing the server right after a search that asked nothing cannot cut it off.
    close: async () => {
      await instance.filters().catch(() => {});
      await new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    },
  };
}
