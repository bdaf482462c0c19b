// Targets stated in a plan's text (文中所述目标): listed on the plan's overview as rows labelled
// so, each linking to the clause whose sentence states it, with that sentence behind 原句;
// compared on /indicators/ where the plan's table has no row for the measure; readable at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../e2e/support/a11y';
import type { Plan } from '../../src/model/plan.ts';
import { readCanonicalIndicators } from '../../src/site/load.ts';
import { PHONE, startSession, type SiteSession } from './browser';
import { dataClauses, decodeEntities, idsOf, readCatalog, readDist, readPlan, textOf } from './site';

const plans = readCatalog().map((e) => readPlan(e.slug));
const withStated = plans.filter((p) => p.statedIndicators.length > 0);

/** The HTML of the element with this id (up to its closing tag of the same name; no nesting of it inside). */
function elementById(html: string, id: string, tag: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  const open = html.lastIndexOf(`<${tag}`, start);
  return html.slice(open, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

/** dist/ file and anchor of a site path with #anchor. */
function target(href: string): { file: string; anchor: string } {
  const [path, anchor] = decodeEntities(href).split('#');
  return { file: `${path.replace(/^\//, '')}index.html`, anchor: decodeURIComponent(anchor) };
}

describe('a plan’s overview', () => {
  it('the seeds state targets in text: 宁夏 (no table) and others', () => {
    expect(withStated.map((p) => p.catalog.slug)).toContain('ningxia-rural');
  });

  it.each(withStated.map((p) => [p.catalog.slug, p] as [string, Plan]))('%s: a 文中所述目标 row per stated target, linked to its clause, with its sentence', (slug, plan) => {
    const html = readDist(`plans/${slug}/index.html`);
    expect(html).toContain('<h2 id="stated-targets">文中所述目标</h2>');
    expect(html).toContain('href="#stated-targets"');
    for (const s of plan.statedIndicators) {
      const row = elementById(html, s.id, 'tr');
      const cells = textOf(row);
      expect(cells).toContain(s.name);
      expect(cells).toContain(s.target.text);
      expect(cells).toContain(`${s.year}年`);
      expect(cells).toContain('文中所述目标');
      expect(cells).toContain(s.citation);
      // The compared indicator it counts as, when worded otherwise (宁夏's 两项补贴 row is three).
      const canonical = readCanonicalIndicators().find((i) => i.id === s.canonical);
      if (canonical && canonical.name !== s.name) expect(cells).toContain(`对应指标：${canonical.name}`);
      else expect(cells).not.toContain('对应指标');
      // The sentence behind 原句, named for its target.
      expect(cells).toContain(`原句：${s.name}`);
      expect(cells).toContain(s.sentence);
      // The link goes to the clause, on the page that shows it.
      const href = /<a href="([^"]+)">/.exec(row)![1];
      const { file, anchor } = target(href);
      expect(anchor).toBe(s.clause);
      expect(idsOf(readDist(file)), href).toContain(s.clause);
      const clause = dataClauses(readDist(file)).find((c) => c.id === s.clause)!;
      expect(clause.text.replace(/\s+/g, '')).toContain(s.sentence.replace(/\s+/g, ''));
    }
  });

  it('a plan whose text states no target has no such part', () => {
    for (const p of plans.filter((x) => x.statedIndicators.length === 0)) {
      const html = readDist(`plans/${p.catalog.slug}/index.html`);
      expect(html, p.catalog.slug).not.toContain('id="stated-targets"');
    }
  });
});

describe('/indicators/', () => {
  const html = readDist('indicators/index.html');

  it('compares 宁夏 by the targets its text states, labelled so and linked to the clause', () => {
    const plan = readPlan('ningxia-rural');
    const compared = plan.statedIndicators.filter((s) => s.canonical !== null && s.year === 2025);
    expect(compared.length).toBeGreaterThan(3);
    for (const s of compared) {
      const group = elementById(html, `indicator-${s.canonical}`, 'tbody');
      const row = group.split('<tr').find((r) => r.includes('/plans/ningxia-rural/'))!;
      expect(row, s.canonical!).toBeDefined();
      expect(textOf(row)).toContain('文中所述目标');
      expect(textOf(row)).toContain(s.target.text);
      expect(textOf(row)).toContain(s.sentence);
      const href = /<a href="([^"]+)">/.exec(row)![1];
      expect(target(href).anchor).toBe(s.clause);
    }
  });

  it('lists a stated target no indicator matches under its plan, marked 文中所述目标', () => {
    const part = html.slice(html.indexOf('id="unmapped"'));
    for (const p of withStated) {
      for (const s of p.statedIndicators.filter((x) => x.canonical === null)) {
        expect(textOf(part)).toContain(s.name);
        expect(textOf(part)).toContain(`${s.year}年目标：${s.target.text}`);
      }
    }
  });
});

describe('at 360 px', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  it('each stated target is a card, and its sentence opens without sideways scrolling', async () => {
    const page = await session.open('/plans/ningxia-rural/', PHONE);
    const table = page.locator('table.stated');
    const facts = await table.evaluate((t) => {
      const wrap = t.closest('.table-wrap') as HTMLElement;
      const row = t.querySelector('tbody tr') as HTMLElement;
      return {
        display: getComputedStyle(row).display,
        scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
        labels: [...row.querySelectorAll('td[data-label]')].map((c) => getComputedStyle(c, '::before').content),
      };
    });
    expect(facts).toEqual({ display: 'flex', scrolls: false, labels: ['"目标："', '"年份："', '"来源："', '"出处："'] });
    const summary = table.locator('summary').first();
    const box = (await summary.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    const sentence = table.locator('details p').first();
    expect(await sentence.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await sentence.isVisible()).toBe(true);
    const result = await noHorizontalScroll(page);
    expect(result.ok, result.offenders.join(', ')).toBe(true);
    expect((await sentence.boundingBox())!.width).toBeLessThanOrEqual(360);
    await page.close();
  });
});
