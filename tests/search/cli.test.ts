// `npm run search` on the built index, through the real command.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, requireIndex } from './helpers.ts';

const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) =>
  spawnSync(tsx, ['scripts/search.ts', ...args, '--dist', DIST], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  requireIndex();
});

describe('npm run search', () => {
  it('--json for 护理补贴 lists clauses from several plans, with URL, citation and a clean excerpt', () => {
    const r = run('护理补贴', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.length).toBe(10);
    expect(new Set(out.results.map((x: { plan: string }) => x.plan)).size).toBeGreaterThanOrEqual(3);
    for (const x of out.results) {
      expect(x.url).toMatch(/^\/plans\/[a-z][a-z0-9-]*\/([a-z]+\/)?#[a-z0-9-]+$/);
      expect(x.citation).toMatch(/^《.+》/);
      expect(x.excerpt).toContain('护理补贴');
      expect(x.excerpt).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
      expect(x.excerptHtml).toContain('<mark>护理补贴</mark>');
    }
  });

  it('filters by plan and area (slug or Chinese name) and prints ranked text', () => {
    const r = run('补贴', '--plan', 'huining', '--area', '保障', '--limit', '3');
    expect(r.status, r.stderr).toBe(0);
    // A result reads as an answer: what the clause is about, then its citation.
    expect(r.stdout).toMatch(/^ 1\. (?!《)\S.*\n {4}《会宁县/m);
    expect(r.stdout).toContain('/plans/huining/baozhang/#');
    expect(r.stdout).not.toMatch(/\/plans\/(?!huining)/);
  });

  it('a county named in the question searches its plan, as on the search page, and says so', () => {
    const r = run('会宁县老人护理补贴怎么申请', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.place).toEqual({ name: '会宁县', region: '会宁县', province: '甘肃省', plan: '会宁县', missed: false });
    expect(out.filters).toEqual({ province: ['甘肃省'], plan: ['会宁县'] });
    expect(out.understood).toMatch(/^“会宁县”：只查会宁县的规划/);
    expect(out.partial).toBe(false);
    expect(out.results.length).toBeGreaterThan(0);
    for (const x of out.results) expect(x.plan).toBe('会宁县');
    // Quoted, the name is a word again, searched in every plan.
    const quoted = JSON.parse(run('“会宁县”护理补贴', '--json').stdout);
    expect(quoted.place).toBeNull();
  });

  it('a county whose plan holds nothing for the question: every plan is searched, and the line says so', () => {
    const out = JSON.parse(run('中卫市导盲犬', '--json').stdout);
    expect(out.place).toEqual({ name: '中卫市', region: '中卫市', province: '宁夏回族自治区', plan: '中卫市', missed: true });
    expect(out.filters).toEqual({});
    expect(out.understood).toMatch(/^“中卫市”：中卫市的规划里没有找到，下面是其他地方规划中的结果。/);
    expect(out.results.length).toBeGreaterThan(0);
    for (const x of out.results) expect(x.plan).not.toBe('中卫市');
  });

  it('rejects an unknown filter value and explains a missing index', () => {
    const bad = run('补贴', '--plan', 'atlantis');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown --plan/);
    const missing = spawnSync(tsx, ['scripts/search.ts', '补贴', '--dist', '/nonexistent'], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/npm run build/);
  });
});
