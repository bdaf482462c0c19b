/**
 * What the sharded build's scripts share: the work folder of a job (a copy of the project's
 * code and curated files with node_modules linked, so parallel Astro builds never share a
 * dist/, .astro/ or content/plans/), running a stage with its wall time and peak RSS, the
 * hash of the site's own code, and the files of a folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Where jobs build and keep their outputs between runs (git-ignored). */
export const DEFAULT_WORK = 'build/shards';
const TIME = '/usr/bin/time';

/** The code and curated files a job's Astro build and index need (content/*.yaml besides). */
const PROJECT_ENTRIES = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/**
 * What a job's output depends on besides the plans (content/*.yaml and package-lock.json
 * besides): of scripts/, only the index build, so changing the runner or a benchmark does
 * not rebuild every shard.
 */
const OUTPUT_CODE = ['src', 'public', 'scripts/build-index.ts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Makes `dir` a buildable copy of the project: code and curated files copied afresh,
 * node_modules linked. content/plans/ is kept, so ingest there reuses unchanged plans.
 */
export function prepareProject(dir: string): void {
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const name of PROJECT_ENTRIES) {
    rmSync(join(dir, name), { recursive: true, force: true });
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  for (const f of readdirSync(join(ROOT, 'content')).filter((f) => f.endsWith('.yaml'))) cpSync(join(ROOT, 'content', f), join(dir, 'content', f));
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

/** Every file under `dir`, relative, forward slashes, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}

/** Hash of everything a page or index depends on besides the plans: code, curated files, dependencies. */
export function siteCodeHash(root = ROOT): string {
  const hash = createHash('sha256');
  for (const name of OUTPUT_CODE) {
    const full = join(root, name);
    const files = statSync(full).isDirectory() ? filesIn(full).map((f) => join(name, f)) : [name];
    for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
  }
  for (const f of readdirSync(join(root, 'content')).filter((f) => f.endsWith('.yaml')).sort()) hash.update(f).update(readFileSync(join(root, 'content', f)));
  if (existsSync(join(root, 'package-lock.json'))) hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

export interface StageResult {
  seconds: number;
  /** Peak RSS of the stage's largest process, from /usr/bin/time; null where it is missing. */
  peakMb: number | null;
}

/**
 * Runs one stage of a job; its output goes to `logFile` (appended). Fails with the log's
 * tail when the stage fails.
 */
export function runStage(cwd: string, command: string[], env: Record<string, string>, logFile: string): Promise<StageResult> {
  const timeFile = join(cwd, '.stage-time');
  const hasTime = existsSync(TIME);
  const argv = hasTime ? [TIME, '-f', '%M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  writeFileSync(logFile, `$ ${command.join(' ')}\n`, { flag: 'a' });
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const out = Buffer.concat(chunks).toString('utf8');
      writeFileSync(logFile, out, { flag: 'a' });
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command.join(' ')} failed (status ${code}) in ${cwd}:\n${out.slice(-3000)}`));
      const peakMb = hasTime && existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
      resolve({ seconds, peakMb });
    });
  });
}

export const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
