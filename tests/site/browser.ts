/** A browser and a server on dist/, shared by the tests of one file. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, type PageOptions } from '../e2e/support/browser';
import { startStaticServer, type StaticServer } from '../e2e/support/server';
import { requireDist } from './site';

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
  open(path: string, opts?: Partial<PageOptions> & { storage?: Record<string, string> }): Promise<Page>;
  close(): Promise<void>;
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** `root`: the built site to serve (default dist/; a test's own synthetic build elsewhere). */
export async function startSession(root = requireDist()): Promise<SiteSession> {
  const server = await startStaticServer(root);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async open(path, opts = {}) {
      const { storage, ...pageOpts } = opts;
      const page = await newPage(browser, { ...DESKTOP, ...pageOpts });
      if (storage) {
        // Set localStorage before any page script runs, like a returning reader.
        await page.addInitScript((items) => {
          for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
        }, storage);
      }
      const response = await page.goto(server.url + path);
      if (!response) throw new Error(`no response for ${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * WCAG AAA contrast (7:1 for body text) via axe's color-contrast-enhanced rule, which
 * the shared AXE_TAGS leave out. Call after runAxe() has loaded axe into the page.
 */
export async function enhancedContrastViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const res = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] }, resultTypes: ['violations'] });
    return res.violations.flatMap((v: any) => v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`));
  });
}
