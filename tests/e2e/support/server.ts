// Zero-dependency static file server for built sites (dist/), behaving like a
// typical static host: index.html for directories, 404.html for misses,
// gzip when accepted (so transfer sizes in tests match production).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

function contentType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  // Pagefind index files (.pf_meta/.pf_index/.pf_fragment/.pf_filter) and its
  // wasm (wasm.<lang>.pagefind) are opaque, already-gzipped blobs.
  if (ext.startsWith('.pf_') || ext === '.pagefind') return 'application/octet-stream';
  return TYPES[ext] ?? 'application/octet-stream';
}

// Only text-like types are worth compressing (fonts/images/pagefind already are).
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json)|image\/svg\+xml)/;

export interface StaticServer {
  url: string; // e.g. http://127.0.0.1:43123 (no trailing slash)
  close(): Promise<void>;
}

export async function startStaticServer(rootDir: string, opts: { gzip?: boolean } = {}): Promise<StaticServer> {
  const root = await fs.realpath(rootDir);
  const gzip = opts.gzip ?? true;

  // Resolves a URL path to a file inside root, or null. Follows symlinks and
  // re-checks, so neither `..` nor a link can escape root.
  async function resolveFile(urlPath: string): Promise<string | 'redirect' | null> {
    const candidate = path.join(root, path.posix.normalize('/' + urlPath));
    // Also try `/page` -> page.html (Astro build.format: 'file').
    const tries = urlPath.endsWith('/') ? [candidate] : [candidate, candidate + '.html'];
    for (const file of tries) {
      let real: string;
      try {
        real = await fs.realpath(file);
      } catch {
        continue;
      }
      if (real !== root && !real.startsWith(root + path.sep)) return null;
      const stat = await fs.stat(real);
      if (stat.isFile()) return real;
      if (stat.isDirectory() && file === candidate) {
        // Like GitHub Pages/Netlify: /dir -> /dir/ so relative URLs work.
        if (!urlPath.endsWith('/')) return 'redirect';
        return resolveFile(urlPath + 'index.html');
      }
    }
    return null;
  }

  async function send(req: IncomingMessage, res: ServerResponse, status: number, file: string) {
    let body: Buffer = await fs.readFile(file);
    const type = contentType(file);
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (COMPRESSIBLE.test(type)) {
      headers['Vary'] = 'Accept-Encoding';
      if (gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body); // default level 6, like most CDNs
        headers['Content-Encoding'] = 'gzip';
      }
    }
    // Buffered, not chunked: Content-Length is the real transfer size.
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const found = urlPath.includes('\0') ? null : await resolveFile(urlPath);
    if (found === 'redirect') {
      res.writeHead(301, { Location: pathname + '/' + search }).end();
    } else if (found) {
      await send(req, res, 200, found);
    } else {
      const notFound = await resolveFile('/404.html');
      if (notFound && notFound !== 'redirect') await send(req, res, 404, notFound);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve); // port 0 = random free port
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // Chromium keeps connections alive
        server.close(() => resolve());
      }),
  };
}
