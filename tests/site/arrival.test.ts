// Arriving at a clause from a link (#id, also with :~:text=) on a phone: the clause is in
// view below the header, focus is on it for screen readers, and a 你在 line says where in
// the plan it sits.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../e2e/support/browser';
import { startSession, type SiteSession } from './browser';
import { readPlan } from './site';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const PHONE_640 = { width: 360, height: 640 };

/** Where the clause and the 你在 line are, against the header and the viewport. */
const place = (page: Page, id: string) =>
  page.evaluate((clauseId) => {
    const clause = document.getElementById(clauseId)!;
    const here = clause.closest('article')!.querySelector('.you-are-here');
    return {
      clauseTop: clause.getBoundingClientRect().top,
      headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      hereTop: here ? here.getBoundingClientRect().top : null,
      here: here ? here.textContent : null,
      active: document.activeElement?.id ?? null,
      viewport: innerHeight,
    };
  }, id);

/** Waits for the (smooth) scroll to the clause to end. */
async function settle(page: Page) {
  let last = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => scrollY);
      const still = y === last;
      last = y;
      return still;
    }, { interval: 200 })
    .toBe(true);
}

describe('arriving at a clause on a phone (360 × 640)', () => {
  const plan = readPlan('huining');
  const section = plan.chapters[2].sections[3];
  const clause = section.units.find((u) => u.id === 'c3s4-17')!;
  const next = section.units.find((u) => u.id === 'c3s4-18')!;

  it.each([
    ['#id', `#${clause.id}`],
    ['#id with :~:text=', `#${clause.id}:~:text=${encodeURIComponent(clause.paragraphs[0].slice(0, 6))}`],
  ])('%s: the clause is below the header and in view, focused, with a 你在 line', async (_kind, hash) => {
    const page = await session.open(`/plans/huining/kangfu/${hash}`, PHONE_640);
    await expect.poll(async () => (await place(page, clause.id)).active).toBe(clause.id);
    await settle(page);
    const p = await place(page, clause.id);
    expect(p.clauseTop).toBeGreaterThanOrEqual(p.headerBottom);
    expect(p.clauseTop).toBeGreaterThanOrEqual(0);
    expect(p.clauseTop).toBeLessThan(p.viewport / 2);
    // The 你在 line names the plan, its chapter and section as a path, and is in view above
    // the clause. (An area page heads a run of clauses with chapter and section in one
    // heading; they are two steps of the path, not one run-on line.)
    expect(p.here).toBe(`你在：《${plan.catalog.title}》 › ${plan.chapters[2].heading} › ${section.heading}`);
    expect(p.hereTop!).toBeGreaterThanOrEqual(0);
    expect(p.hereTop!).toBeLessThan(p.clauseTop);
    // The clause's text is unchanged; the line is its description.
    expect(await page.locator(`#${clause.id}`).textContent()).toBe(clause.label + clause.paragraphs.join(''));
    expect(await page.locator(`#${clause.id}`).getAttribute('aria-describedby')).toBe(`${clause.id}-here`);
    const { violations, summary } = await runAxe(page);
    expect(violations, summary).toEqual([]);
    await page.close();
  });

  it('a link to another clause on the same page moves focus there too (hashchange)', async () => {
    const page = await session.open(`/plans/huining/kangfu/#${clause.id}`, PHONE_640);
    await expect.poll(async () => (await place(page, clause.id)).active).toBe(clause.id);
    await page.evaluate((id) => {
      location.hash = id;
    }, next.id);
    await expect.poll(async () => (await place(page, next.id)).active).toBe(next.id);
    await settle(page);
    const p = await place(page, next.id);
    expect(p.clauseTop).toBeLessThan(p.viewport / 2);
    expect(p.clauseTop).toBeGreaterThanOrEqual(Math.max(0, p.headerBottom));
    expect(p.hereTop!).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('a 专栏 item names its box', async () => {
    const item = plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items.map((i) => ({ box: b, i })))).find((x) => x.i.area === '康复')!;
    const page = await session.open(`/plans/huining/kangfu/#${item.i.id}`, PHONE_640);
    await expect.poll(async () => (await place(page, item.i.id)).active).toBe(item.i.id);
    await settle(page);
    const p = await place(page, item.i.id);
    expect(p.clauseTop).toBeLessThan(p.viewport / 2);
    expect(p.here).toContain(`《${plan.catalog.title}》 › `);
    expect(p.here).toContain('专栏');
    // A box with groups: 专栏 and group are two steps (专栏5 … › 一、…).
    const group = item.box.groups.find((g) => g.items.includes(item.i))!;
    if (group.title) expect(p.here).toBe(`你在：《${plan.catalog.title}》 › 专栏${item.box.number} ${item.box.title} › ${group.number}、${group.title}`);
    else expect(p.here).toBe(`你在：《${plan.catalog.title}》 › 专栏${item.box.number} ${item.box.title}`);
    expect(p.clauseTop).toBeGreaterThanOrEqual(Math.max(0, p.headerBottom));
    await page.close();
  });
});
