// Indicator tables on phones: below 600 px each row is a card (its name, then every figure
// with its column's name), so nothing scrolls sideways inside a 326 px box; on wider
// screens the table is a table. The ARIA roles keep it a table for screen readers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const TABLE_PAGES = ['/plans/huining/', '/indicators/'];

/** Layout facts of every stacked table on the page. */
const layout = (page: import('playwright-core').Page) =>
  page.$$eval('table.stack', (tables) =>
    tables.map((t) => {
      const wrap = t.closest('.table-wrap') as HTMLElement;
      const firstRow = t.querySelector('tbody tr') as HTMLElement;
      const cells = [...firstRow.querySelectorAll('td[data-label]')];
      return {
        rowDisplay: getComputedStyle(firstRow).display,
        scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
        labels: cells.map((c) => getComputedStyle(c, '::before').content),
        roles: [t.getAttribute('role'), firstRow.getAttribute('role'), cells[0]?.getAttribute('role')],
        headerVisible: (t.querySelector('thead') as HTMLElement).getBoundingClientRect().height > 2,
      };
    }),
  );

describe('indicator tables', () => {
  it.each(TABLE_PAGES)('%s: at 360 px each row is a card whose figures name their year, with no sideways scroll', async (url) => {
    const page = await session.open(url, PHONE);
    const tables = await layout(page);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      expect(t.rowDisplay).toBe('flex');
      expect(t.scrolls).toBe(false);
      expect(t.headerVisible).toBe(false);
      expect(t.labels).toEqual(expect.arrayContaining(['"2025年目标："']));
      expect(t.roles).toEqual(['table', 'row', 'cell']);
    }
    // A screen reader still finds a table with its column headers.
    const snapshot = await page.locator('table.stack').first().ariaSnapshot();
    expect(snapshot).toMatch(/table/);
    expect(snapshot).toMatch(/columnheader "2025年目标"/);
    await page.close();
  });

  it.each(TABLE_PAGES)('%s: on a wide screen it is a table with a visible header row', async (url) => {
    const page = await session.open(url, DESKTOP);
    for (const t of await layout(page)) {
      expect(t.rowDisplay).toBe('table-row');
      expect(t.headerVisible).toBe(true);
      expect(t.labels.every((l) => l === 'none' || l === 'normal')).toBe(true);
    }
    await page.close();
  });
});
