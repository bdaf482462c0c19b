// A plan's indicator table is shown where the plan prints it (会宁: in 二、总体要求（二）, after
// that section's text), not at the top of the overview before the front matter; the table of
// contents and the comparison pages link to it there.
import { describe, expect, it } from 'vitest';
import { indicatorsAnchor, tableBoxes, tablesElsewhere } from '../../src/model/indicator-tables.ts';
import { readDist, readPlan } from './site';

describe('where an indicator table is shown', () => {
  for (const slug of ['huining', 'dengkou', 'beihai']) {
    it(`${slug}: after the text of the section that prints it, before the next heading`, () => {
      const plan = readPlan(slug);
      const html = readDist(`plans/${slug}/index.html`);
      const boxes = tableBoxes(plan);
      expect(boxes.length).toBeGreaterThan(0);
      expect(tablesElsewhere(plan)).toEqual([]);
      for (const box of boxes) {
        const table = html.indexOf(`id="${box.id}"`);
        const place = html.indexOf(`id="${box.parent}"`);
        expect(table, box.id).toBeGreaterThan(html.indexOf('id="front"'));
        expect(table, box.id).toBeGreaterThan(place);
        // Every clause of the section comes before the table; the next chapter or section after it.
        const section = plan.chapters.flatMap((c) => c.sections).find((s) => s.id === box.parent)!;
        for (const u of section.units) expect(html.indexOf(`id="${u.id}"`), u.id).toBeLessThan(table);
        const next = /<h[23][^>]* id="(c\d+(?:s\d+)?)"/g;
        next.lastIndex = table;
        const after = next.exec(html);
        if (after) expect(after.index).toBeGreaterThan(table);
        // Shown once.
        expect(html.split(`id="${box.id}"`).length - 1).toBe(1);
      }
      expect(html).not.toContain('id="indicators"');
      expect(html).toContain(`href="#${indicatorsAnchor(plan)}"`);
    });
  }
  it('a table printed inside a task chapter (中卫 三（一）, whose text is on the area pages) is shown in the overview\'s 主要指标 part', () => {
    const plan = readPlan('zhongwei');
    const html = readDist('plans/zhongwei/index.html');
    expect(tablesElsewhere(plan).map((b) => b.id)).toEqual(['box1']);
    expect(indicatorsAnchor(plan)).toBe('indicators');
    expect(html.indexOf('id="indicators"')).toBeLessThan(html.indexOf('id="box1"'));
    expect(html.split('id="box1"').length - 1).toBe(1);
  });
  it('the comparison pages link to each plan\'s tables where they are shown', () => {
    const html = readDist('indicators/index.html');
    for (const slug of ['huining', 'dengkou', 'beihai', 'zhongwei']) {
      expect(html, slug).toContain(`/plans/${slug}/#${indicatorsAnchor(readPlan(slug))}"`);
    }
    expect(html).not.toContain('/plans/huining/#indicators"');
  });
});
