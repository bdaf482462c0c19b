// The print stylesheet: a plan area page prints its clauses with their citations and
// permalink addresses, without the site's navigation, toggles or buttons.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession, type SiteSession } from './browser';

let session: SiteSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

it('prints an area page cleanly with its citations', async () => {
  const page = await session.open('/plans/huining/kangfu/');
  await page.emulateMedia({ media: 'print' });
  const visible = (selector: string) =>
    page.$$eval(selector, (els) => els.filter((el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null).length);
  expect(await visible('.site-header')).toBe(0);
  expect(await visible('button')).toBe(0);
  expect(await visible('.display-toggles')).toBe(0);
  const clauses = await page.locator('[data-clause]').count();
  expect(clauses).toBeGreaterThan(5);
  expect(await visible('.citation')).toBe(clauses);
  // A permalink prints as the clause's address.
  const printed = await page.$eval('.permalink', (a) => getComputedStyle(a, '::after').content);
  expect(printed).toContain('/plans/huining/kangfu/#');
  // And Chromium really renders it to paper.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.close();
});
