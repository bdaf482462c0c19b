// A document's head before its first chapter (会宁: 文号, issuer, a title printed over two
// lines — one paragraph since its 《 is open at the break — date) shows as one block, line by line, without per-line copy buttons; every
// front-matter line keeps its id and exact text on the overview page.
import { describe, expect, it } from 'vitest';
import { frontRuns, isHeadLine } from '../../src/pipeline/emit/emit-mdx.ts';
import { dataClauses, readDist, readPlan } from './site';

const plan = readPlan('huining');
const html = readDist('plans/huining/index.html');
const blocks = [...html.matchAll(/<div class="head-lines"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => m[1]);

describe('the head of 会宁’s document', () => {
  it('groups the short printed lines; sentences and the salutation stay clauses', () => {
    const runs = frontRuns(plan.front).map((r) => ('lines' in r ? r.lines.map((u) => u.id) : r.clause.id));
    expect(runs[0]).toEqual(['front-p1', 'front-p2', 'front-p3']);
    expect(runs).toContain('front-p5');
    expect(isHeadLine(plan.front.find((u) => u.id === 'front-p5')!)).toBe(false); // 现将……认真遵照执行。
    expect(isHeadLine(plan.front.find((u) => u.id === 'front-p4')!)).toBe(false); // 各乡镇人民政府……：
  });

  it('shows the head in one block, the title printed over two lines as one line, without copy or share buttons', () => {
    expect(blocks.length).toBeGreaterThan(0);
    const first = blocks[0];
    expect(first).not.toMatch(/<button|permalink/);
    const lines = dataClauses(first).map((c) => c.text);
    expect(lines).toEqual(['会政办发〔2022〕72号', '会宁县人民政府办公室', '关于印发《会宁县“十四五”残疾人保障和发展规划》的通知']);
  });

  it('keeps every front-matter line on the page with its id and exact text', () => {
    const onPage = new Map(dataClauses(html).map((c) => [c.id, c.text]));
    for (const unit of plan.front) expect(onPage.get(unit.id), unit.id).toBe(unit.label + unit.paragraphs.join(''));
  });
});
