// Screenshots for people to look at (not an assertion of looks): set
// SITE_SCREENSHOT_DIR to keep 360 px screenshots of the main page kinds.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startSession, type SiteSession } from './browser';
import { PAGE_KINDS } from './site';

const dir = process.env.SITE_SCREENSHOT_DIR;

describe.skipIf(!dir)('screenshots at 360 px', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await startSession();
    mkdirSync(dir!, { recursive: true });
  });
  afterAll(() => session?.close());

  it.each(Object.entries(PAGE_KINDS))('%s', async (kind, url) => {
    for (const mode of ['', 'large', 'dark'] as const) {
      const page = await session.open(url, {
        ...PHONE,
        deviceScaleFactor: 1,
        storage: mode === 'large' ? { 'display-text': 'large' } : undefined,
      });
      if (mode === 'dark') {
        await page.emulateMedia({ colorScheme: 'dark' });
      }
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.length).toBeGreaterThan(1000);
      writeFileSync(path.join(dir!, `${kind.replace(/\W+/g, '-')}${mode ? '-' + mode : ''}.png`), shot);
      await page.close();
    }
  });
});
