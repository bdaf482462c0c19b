/**
 * What loading a Pagefind bundle downloads, read from its folder: its metadata (the
 * .pf_meta file, already gzip-compressed, fetched whole when the bundle is merged) and the
 * mean size of one of its index chunks (what each word of a query costs there). The word →
 * bundles tables carry both, so a search can keep within its byte limits (shard-words.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function bundleBytes(dir: string): { metaBytes: number; chunkBytes: number } {
  const metaBytes = readdirSync(dir).filter((f) => f.endsWith('.pf_meta')).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  const index = join(dir, 'index');
  const chunks = existsSync(index) ? readdirSync(index).map((f) => statSync(join(index, f)).size) : [];
  return { metaBytes, chunkBytes: chunks.length ? Math.round(chunks.reduce((a, b) => a + b, 0) / chunks.length) : 0 };
}
