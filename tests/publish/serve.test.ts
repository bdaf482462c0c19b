// npm run serve: dist/ served like a good static host — brotli or gzip by Accept-Encoding,
// immutable caching for files named by their content, revalidation (ETag, 304) for the
// rest, the security headers, 404.html, and nothing outside the root.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, startServer, type RunningServer } from '../../src/publish/serve.ts';
import { IMMUTABLE } from '../../src/publish/headers.ts';
import { HEADER_POLICY } from '../../src/publish/csp.ts';
import { DIST, distFiles, requireDist } from '../site/site.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: the path goes out exactly as written (fetch would normalise `..`). */
function get(base: string, rawPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Reply) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ root: requireDist() });
});
afterAll(() => server?.close());

describe('Accept-Encoding', () => {
  it('is parsed with q-values, brotli first', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it('sends a page as brotli, gzip or as it is, each the same bytes as dist/', async () => {
    const file = readFileSync(path.join(DIST, 'plans/huining/index.html'));
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const r = await get(server.url, '/plans/huining/', { 'Accept-Encoding': accept });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(encoding);
      expect(r.headers['vary']).toBe('Accept-Encoding');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(decoded(r).equals(file)).toBe(true);
      if (encoding) expect(r.body.length).toBeLessThan(file.length / 3);
    }
  });

  it('sends Pagefind’s index files as they are (already compressed), as opaque bytes', async () => {
    const fragment = distFiles().find((f) => f.startsWith('pagefind/fragment/'))!;
    const r = await get(server.url, `/${fragment}`, { 'Accept-Encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.body.equals(readFileSync(path.join(DIST, fragment)))).toBe(true);
  });
});

describe('cache headers', () => {
  it('HTML revalidates: no-cache with an ETag, 304 when unchanged', async () => {
    const r = await get(server.url, '/', { 'Accept-Encoding': 'br' });
    expect(r.headers['cache-control']).toBe('no-cache');
    const etag = String(r.headers['etag']);
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await get(server.url, '/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another representation has another tag: a gzip client does not get a 304 for brotli bytes.
    expect((await get(server.url, '/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status).toBe(200);
  });

  it('files named by their content are immutable; Pagefind’s entry files and ours revalidate', async () => {
    const files = distFiles();
    const hashed = [
      files.find((f) => /^_astro\/.*\.css$/.test(f))!,
      files.find((f) => /^_astro\/.*\.js$/.test(f))!,
      files.find((f) => f.startsWith('pagefind/fragment/'))!,
      files.find((f) => f.startsWith('pagefind/index/'))!,
      files.find((f) => /^pagefind\/pagefind\..*\.pf_meta$/.test(f))!,
    ];
    for (const f of hashed) expect((await get(server.url, `/${f}`)).headers['cache-control'], f).toBe(IMMUTABLE);
    // Pagefind's binary files, hashed or not, are opaque bytes, never sniffed or recompressed.
    const binary = [...hashed.slice(2), files.find((f) => /^pagefind\/wasm\.[^/]+\.pagefind$/.test(f))!];
    for (const f of binary) {
      const r = await get(server.url, `/${f}`, { 'Accept-Encoding': 'br, gzip' });
      expect(r.headers['content-type'], f).toBe('application/octet-stream');
      expect(r.headers['content-encoding'], f).toBeUndefined();
    }
    for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-worker.js', 'pagefind/lexicon.json', 'site.js', 'about/']) {
      const r = await get(server.url, `/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers['cache-control'], f).toBe('no-cache');
      expect(r.headers['etag'], f).toBeTruthy();
    }
  });

  it('every response carries the security headers', async () => {
    const r = await get(server.url, '/about/');
    expect(r.headers['content-security-policy']).toBe(HEADER_POLICY);
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('paths', () => {
  it('serves the 404 page with status 404, and /dir redirects to /dir/', async () => {
    const r = await get(server.url, '/no/such/page/');
    expect(r.status).toBe(404);
    expect(decoded(r).toString()).toBe(readFileSync(path.join(DIST, '404.html'), 'utf8'));
    const dir = await get(server.url, '/plans/huining?x=1');
    expect(dir.status).toBe(301);
    expect(dir.headers['location']).toBe('/plans/huining/?x=1');
  });

  it('refuses every way out of the root, plain, encoded and through a symbolic link', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'serve-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
    const root = mkdtempSync(path.join(tmpdir(), 'serve-root-'));
    mkdirSync(path.join(root, 'sub'));
    writeFileSync(path.join(root, 'sub', 'index.html'), '<p>inside</p>');
    writeFileSync(path.join(root, 'engine.wasm'), Buffer.from([0, 97, 115, 109]));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    symlinkSync(outside, path.join(root, 'out'));
    const own = await startServer({ root });
    try {
      expect((await get(own.url, '/sub/')).status).toBe(200);
      expect((await get(own.url, '/engine.wasm')).headers['content-type']).toBe('application/wasm');
      const secret = path.basename(outside) + '/secret.txt';
      for (const p of [
        `/../${secret}`,
        `/sub/../../${secret}`,
        `/%2e%2e/${secret}`,
        `/..%2f${secret.replace('/', '%2f')}`,
        `/sub/%2e%2e%2f%2e%2e%2f${secret}`,
        `/..%5c${secret}`,
        `/link.txt`,
        `/out/secret.txt`,
        `/sub%00/index.html`,
      ]) {
        const r = await get(own.url, p);
        expect(r.status, p).toBeGreaterThanOrEqual(400);
        expect(r.body.toString(), p).not.toContain('SECRET');
      }
    } finally {
      await own.close();
    }
  });

  it('serves a site built for a sub-path under that path only', async () => {
    const own = await startServer({ root: DIST, base: '/plans-site/' });
    try {
      expect((await get(own.url, '/plans-site/about/')).status).toBe(200);
      expect((await get(own.url, '/about/')).status).toBe(404);
      expect((await get(own.url, '/plans-site')).headers['location']).toBe('/plans-site/');
    } finally {
      await own.close();
    }
  });
});

describe('npm run serve', () => {
  it('listens on the port given by --port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(line).toContain(`http://127.0.0.1:${port}/`);
      const r = await get(`http://127.0.0.1:${port}`, '/', { 'Accept-Encoding': 'br' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
    } finally {
      child.kill();
    }
  }, 60_000);
});
