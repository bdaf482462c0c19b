/**
 * A small production static server for dist/ (`npm run serve`): what a good static host
 * does, with nothing but Node.
 *
 * - brotli or gzip by Accept-Encoding, for text types (Pagefind's index files are already
 *   compressed and are sent as they are);
 * - Cache-Control immutable for files named by their content (src/publish/headers.ts),
 *   no-cache with an ETag (so a 304 when unchanged) for everything else, HTML included;
 * - the security headers of src/publish/headers.ts;
 * - index.html for a directory, /dir → /dir/, dist/404.html with status 404;
 * - nothing outside the root: `..`, encoded or not, and symbolic links that leave it are
 *   refused like a missing file.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { SECURITY_HEADERS, cacheControl } from './headers.ts';
import { normalizeBase } from './site-address.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Content-Type by extension; Pagefind's .pf_* files and wasm.<lang>.pagefind are opaque bytes. */
export function contentType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Types worth compressing on the way out. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|atom\+xml|wasm|manifest\+json)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (q > 0) among those offered, brotli first; null for none. */
export function chooseEncoding(acceptEncoding: string | undefined, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  if (offered.includes('br') && ok('br')) return 'br';
  if (offered.includes('gzip') && ok('gzip')) return 'gzip';
  return null;
}

interface Cached {
  mtimeMs: number;
  size: number;
  body: Buffer;
  tag: string;
  encoded: Partial<Record<Encoding, Buffer>>;
}

export interface ServeOptions {
  /** The built site, normally dist/. */
  root: string;
  /** The path the site was built for (astro base), `/` or `/plans/`. */
  base?: string;
  port?: number;
  host?: string;
  /**
   * The encodings to offer, best first when accepted (default brotli and gzip). The browser
   * tests offer gzip only: the page-weight budgets are what a gzip-only host sends.
   */
  encodings?: readonly Encoding[];
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:4321 (no trailing slash; the site is at url + base). */
  url: string;
  close(): Promise<void>;
}

/** Keeps compressed bodies for files while they are unchanged, up to a memory budget. */
const CACHE_BYTES = 128 * 1024 * 1024;

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const root = await fs.realpath(opts.root);
  const base = normalizeBase(opts.base ?? '/');
  const cache = new Map<string, Cached>();
  let cachedBytes = 0;

  /** A file inside root for a path below the base, 'directory' when it needs its slash, or null. */
  async function resolve(rel: string): Promise<string | 'directory' | null> {
    const candidate = path.join(root, path.posix.normalize('/' + rel));
    let real: string;
    try {
      real = await fs.realpath(candidate);
    } catch {
      return null;
    }
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    const stat = await fs.stat(real);
    if (stat.isFile()) return real;
    if (stat.isDirectory()) {
      if (rel !== '' && !rel.endsWith('/')) return 'directory';
      return resolve(rel + 'index.html');
    }
    return null;
  }

  async function load(file: string): Promise<Cached> {
    const stat = await fs.stat(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
    const body = await fs.readFile(file);
    const entry: Cached = { mtimeMs: stat.mtimeMs, size: stat.size, body, tag: createHash('sha1').update(body).digest('base64url').slice(0, 20), encoded: {} };
    if (cachedBytes > CACHE_BYTES) {
      cache.clear();
      cachedBytes = 0;
    }
    cache.set(file, entry);
    cachedBytes += body.length;
    return entry;
  }

  function encode(entry: Cached, encoding: Encoding): Buffer {
    let out = entry.encoded[encoding];
    if (!out) {
      // Brotli 9 is near the best ratio at a fraction of level 11's time; gzip 6 is the usual default.
      out = encoding === 'br' ? brotliCompressSync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length } }) : gzipSync(entry.body, { level: 6 });
      entry.encoded[encoding] = out;
      cachedBytes += out.length;
    }
    return out;
  }

  async function send(req: IncomingMessage, res: ServerResponse, status: number, file: string) {
    const entry = await load(file);
    const rel = path.relative(root, file).split(path.sep).join('/');
    const type = contentType(file);
    const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': type };
    let body = entry.body;
    let tag = entry.tag;
    if (COMPRESSIBLE.test(type)) {
      headers['Vary'] = 'Accept-Encoding';
      const encoding = chooseEncoding(req.headers['accept-encoding'], opts.encodings);
      if (encoding) {
        body = encode(entry, encoding);
        headers['Content-Encoding'] = encoding;
        tag = `${entry.tag}-${encoding}`; // each representation its own tag
      }
    }
    if (status === 200) {
      headers['Cache-Control'] = cacheControl(rel);
      headers['ETag'] = `"${tag}"`;
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === `"${tag}"`)) {
        delete headers['Content-Type'];
        delete headers['Content-Encoding'];
        res.writeHead(304, headers).end();
        return;
      }
    } else {
      headers['Cache-Control'] = 'no-store';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = await resolve('404.html');
    if (page && page !== 'directory') await send(req, res, 404, page);
    else res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // Parsed against a dummy origin: only the path and query matter. `new URL` already
    // resolves plain `..` segments; encoded ones are decoded below and normalised again.
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === base.slice(0, -1) && base !== '/') {
      res.writeHead(301, { Location: base + search }).end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(req, res);
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    // A decoded `..` or NUL is never part of a real path of the site.
    if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) return notFound(req, res);
    const found = await resolve(rel);
    if (found === 'directory') res.writeHead(301, { Location: pathname + '/' + search }).end();
    else if (found) await send(req, res, 200, found);
    else await notFound(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok);
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
