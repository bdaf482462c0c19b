// The assembly's writer (src/shards/sync-tree.ts) on real folders: into an existing site it
// writes only what differs and deletes what is no longer produced, ending byte for byte as
// a copy from nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncTree, type Wanted } from '../../src/shards/sync-tree.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sync-tree-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const put = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
/** Every entry under `dir`: files with their bytes, folders as '/'. */
const tree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true }).map((d) => {
      const rel = join(d.parentPath, d.name).slice(dir.length + 1);
      return [rel, d.isDirectory() ? '/' : d.isSymbolicLink() ? '->' : readFileSync(join(dir, rel), 'utf8')];
    }),
  );
const inode = (file: string) => statSync(file).ino;

describe('syncTree', () => {
  const src = join(tmp, 'src');
  const wanted = (paths: string[], made: Record<string, string> = {}) =>
    new Map<string, Wanted>([...paths.map((p) => [p, { from: join(src, p) }] as const), ...Object.entries(made).map(([p, t]) => [p, { bytes: t }] as const)]);

  it('fills a missing folder with every file, and an existing one with only what differs, ending as a copy from nothing', () => {
    for (const [p, t] of Object.entries({ 'a.html': 'A', 'b/c.html': 'C', 'b/d/e.js': 'E', 'keep/same.txt': 'same', 'f.css': 'F1' })) put(join(src, p), t);
    const out = join(tmp, 'out');
    const first = syncTree(out, wanted(['a.html', 'b/c.html', 'b/d/e.js', 'keep/same.txt', 'f.css'], { 'made.json': '{"v":1}', 'sitemap-2.xml': 'old' }));
    expect(first.fresh).toBe(true);
    expect(first.written).toHaveLength(7);
    const before = { a: inode(join(out, 'a.html')) };

    // The next build: one file changed, one rewritten with the same bytes (a new time), one
    // changed to the same size (a new time), one gone, one new, a file where a folder was and
    // a folder where a file was, one made file changed and one no longer made; stray things in the site.
    put(join(src, 'b/c.html'), 'C2');
    put(join(src, 'a.html'), 'A');
    put(join(src, 'f.css'), 'F2');
    for (const f of ['a.html', 'f.css']) utimesSync(join(src, f), new Date(), new Date(Date.now() + 5000));
    rmSync(join(src, 'b/d'), { recursive: true });
    put(join(src, 'b/d'), 'now a file');
    put(join(src, 'new/x.html'), 'X');
    put(join(out, 'stray/deep/old.html'), 'old');
    put(join(out, 'a.html.tmp'), 'junk');
    mkdirSync(join(out, 'empty/folder'), { recursive: true });
    mkdirSync(join(out, 'made.json.d'));
    symlinkSync(join(src, 'a.html'), join(out, 'link.html'));
    // A file the set names, replaced in the site by a folder.
    rmSync(join(out, 'keep/same.txt'));
    put(join(out, 'keep/same.txt/inside'), 'in the way');
    const set = wanted(['a.html', 'b/c.html', 'b/d', 'keep/same.txt', 'f.css', 'new/x.html'], { 'made.json': '{"v":2}' });
    const again = syncTree(out, set);
    expect(again.fresh).toBe(false);
    expect(again.written.sort()).toEqual(['b/c.html', 'b/d', 'f.css', 'keep/same.txt', 'made.json', 'new/x.html']);
    // a.html: same bytes under a new time: compared, kept, and given the source's time.
    expect(again.kept).toBe(1);
    expect(inode(join(out, 'a.html'))).toBe(before.a);
    expect(Math.abs(statSync(join(out, 'a.html')).mtimeMs - statSync(join(src, 'a.html')).mtimeMs)).toBeLessThan(1);
    expect(again.deleted).toEqual(expect.arrayContaining(['stray/deep/old.html', 'stray/deep', 'stray', 'a.html.tmp', 'empty/folder', 'empty', 'made.json.d', 'link.html', 'sitemap-2.xml', 'b/d/e.js']));

    // Byte for byte what a copy from nothing holds, folders included.
    const fresh = join(tmp, 'fresh');
    expect(syncTree(fresh, set).fresh).toBe(true);
    expect(tree(out)).toEqual(tree(fresh));

    // Unchanged sources: nothing written, nothing read but the sizes and times.
    const third = syncTree(out, set);
    expect(third).toEqual({ written: [], deleted: [], kept: 7, fresh: false });
  });

  it('rewrites a file whose source changed at the same size, and a made file whose bytes changed', () => {
    put(join(src, 'p.txt'), 'abc');
    const out = join(tmp, 'out2');
    syncTree(out, wanted(['p.txt'], { 'm.json': '1' }));
    put(join(src, 'p.txt'), 'xyz');
    utimesSync(join(src, 'p.txt'), new Date(), new Date(Date.now() + 10_000));
    const r = syncTree(out, wanted(['p.txt'], { 'm.json': '2' }));
    expect(r.written.sort()).toEqual(['m.json', 'p.txt']);
    expect(readFileSync(join(out, 'p.txt'), 'utf8')).toBe('xyz');
    expect(readFileSync(join(out, 'm.json'), 'utf8')).toBe('2');
  });
});
