/**
 * Source text full of MDX-special characters goes through the whole pipeline and the real
 * MDX compiler, and every clause comes out as the same literal text.
 */
import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CatalogEntry } from '../../src/model/plan.ts';
import { clauseText } from '../../src/model/plan-text.ts';
import { ingestPlan } from '../../src/pipeline/ingest-plan.ts';
import { curated } from './helpers.ts';

/** A tiny JSX runtime that builds plain objects, so the compiled MDX can be inspected. */
type Node = { type: unknown; props: Record<string, unknown> };
const jsx = (type: unknown, props: Record<string, unknown>): Node => ({ type, props });
const runtime = { jsx, jsxs: jsx, Fragment: 'fragment' };

/** Deterministic pseudo-random generator, so a failure can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// `<p>` tags are extractor markup the cleaner removes on purpose (tested in clean.test.ts), so they are not here.
const HOSTILE = ['{', '}', '<', '>', '*', '_', '#', '|', '\\', '`', '{1+1}', '<script>', '</div>', '${x}', '&amp;', '[a](b)', '---', '"', "'", '\u2028'];
const WORDS = ['残疾人', '护理补贴', '辅助器具', '康复', '无障碍', '就业', '低保', '（牵头）', '、', '，', '2025年', 'APP'];

function hostileSentence(next: () => number): string {
  let s = '';
  const length = 4 + Math.floor(next() * 12);
  for (let i = 0; i < length; i++) {
    const pool = next() < 0.5 ? HOSTILE : WORDS;
    s += pool[Math.floor(next() * pool.length)];
  }
  return s;
}

const ENTRY: CatalogEntry = {
  slug: 'hostile',
  title: '测试县“十四五”残疾人保障和发展规划',
  shortName: '测试县',
  province: '测试省',
  level: '县级',
  kind: '规划',
  status: '正式',
  source: 'hostile.txt',
};

function collect(node: unknown, found: { clauses: Record<string, unknown>[]; strays: string[] }) {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string') {
    if (node.trim() !== '') found.strays.push(node);
    return;
  }
  if (Array.isArray(node)) return node.forEach((n) => collect(n, found));
  const { type, props } = node as Node;
  if (typeof type === 'function') return collect((type as (p: unknown) => unknown)(props), found);
  if (type === 'clause') return void found.clauses.push(props.data as Record<string, unknown>);
  collect(props.children, found);
}

describe('MDX output renders source text literally', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('generated plan %i', async (seed) => {
    const next = random(seed);
    const lines = ['一、重点任务', `（一）健全残疾人社会保障${hostileSentence(next)}`];
    for (let n = 1; n <= 6; n++) lines.push(`${n}.加强残疾人社会保障。${hostileSentence(next)}`);
    // Lines that MDX would read as ESM or JSX if they reached it as text.
    lines.push('import x from "y"保障', 'export const a = 1;补贴', '<Clause data={{}} />护理补贴。');
    lines.push('专栏 1 残疾人社会保障项目', `1.低保。${hostileSentence(next)}`, `2.两项补贴。${hostileSentence(next)}{`);
    const { plan, pages } = ingestPlan(ENTRY, new TextEncoder().encode(lines.join('\n')), curated, 'test');
    const expected = new Map<string, string>();
    for (const unit of [...plan.chapters.flatMap((c) => c.sections.flatMap((s) => s.units)), ...plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items))]) {
      expected.set(unit.id, clauseText(unit));
    }
    expect(expected.size).toBe(8);
    for (const text of expected.values()) expect(text).not.toMatch(/^\s*$/);

    const found = { clauses: [] as Record<string, unknown>[], strays: [] as string[] };
    for (const page of pages.filter((p) => p.file !== 'overview.mdx')) {
      // Astro reads the frontmatter itself; it must be valid YAML, and the body goes to MDX.
      const [, head, body] = /^---\n([^]*?)\n---\n([^]*)$/.exec(page.content)!;
      expect(parse(head)).toMatchObject({ plan: 'hostile' });
      const { default: Content } = await evaluate(body, runtime as never);
      const components = {
        Clause: (props: unknown) => jsx('clause', props as Record<string, unknown>),
        ContainerHeading: () => null,
      };
      collect((Content as (p: unknown) => unknown)({ components }), found);
    }
    expect(found.strays).toEqual([]);
    const rendered = new Map(found.clauses.map((c) => [c.id as string, `${c.label}${(c.paragraphs as string[]).join('')}`]));
    expect(rendered).toEqual(expected);
  });
});
