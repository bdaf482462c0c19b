// The browser tests serve the built site with the product's own server (src/publish/serve.ts,
// `npm run serve`), so what they load is what a reader gets from it: index.html for a
// directory, /dir → /dir/, 404.html with status 404, its caching and security headers.
// Compression is gzip only: the page-weight budgets (docs/benchmarks.md) are what a host that
// serves gzip sends, and a response's Content-Length is its transfer size.
import { startServer } from '../../../src/publish/serve.ts';

export interface StaticServer {
  url: string; // e.g. http://127.0.0.1:43123 (no trailing slash)
  close(): Promise<void>;
}

export const startStaticServer = (root: string, opts: { gzip?: boolean } = {}): Promise<StaticServer> =>
  startServer({ root, encodings: opts.gzip === false ? [] : ['gzip'] });
