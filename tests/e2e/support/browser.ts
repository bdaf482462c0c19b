// Headless Chromium (Debian package, driven by playwright-core) + axe-core.
// `npx playwright install` can't work here, so we always point playwright-core
// at a system binary. Install it with `.ci/install-browser.sh`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ImpactValue } from 'axe-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// --headless is also added by playwright; the rest keep Chromium from phoning
// home (no network besides our local server) and make runs deterministic.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in CI containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium. Each launch gets a fresh temporary profile
 * (playwright creates and deletes its own user-data-dir for `launch()`). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with ` +
        '`bash .ci/install-browser.sh` (Debian package "chromium"), ' +
        'or set CHROMIUM_PATH to an existing Chromium/Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface PageOptions {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  /** Browser zoom factor, e.g. 2 for 200 % (WCAG 1.4.4 / 1.4.10). */
  zoom?: number;
  /**
   * Ignore the pages' Content-Security-Policy (default true: runAxe() injects an inline
   * script). The CSP test sets false, so the browser enforces the policy as a reader's would.
   */
  bypassCSP?: boolean;
}

/** New page in its own context (no shared cookies/storage/cache between
 * tests). Closing the page also closes its context. */
export async function newPage(browser: Browser, opts: PageOptions): Promise<Page> {
  const zoom = opts.zoom ?? 1;
  const context = await browser.newContext({
    // Browser zoom in Chromium = fewer CSS px in the viewport and a higher
    // devicePixelRatio; emulating it this way makes media queries react
    // exactly as with Ctrl+'+' (CSS `zoom` on <html> would not).
    viewport: { width: Math.round(opts.width / zoom), height: Math.round(opts.height / zoom) },
    deviceScaleFactor: (opts.deviceScaleFactor ?? 1) * zoom,
    // A strict Content-Security-Policy on built pages would otherwise block
    // the inline <script> runAxe() injects.
    bypassCSP: opts.bypassCSP ?? true,
  });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let axeSource: string | undefined;
function getAxeSource(): string {
  // Read from node_modules, never from a CDN: tests run without network.
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeOptions {
  /** CSS selectors to leave out (e.g. third-party widgets). */
  exclude?: string[];
  /** Rule ids to switch off, e.g. ['region']. Prefer `exclude` where possible. */
  disableRules?: string[];
}

/** Run axe-core on the page's main frame. `summary` is '' when clean,
 * otherwise a multi-line text meant for an assertion message. */
export async function runAxe(
  page: Page,
  opts: AxeOptions = {},
): Promise<{ violations: AxeViolation[]; summary: string }> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: getAxeSource() });
  }
  const violations = await page.evaluate(
    async ({ tags, exclude, disableRules }) => {
      // axe registers as an AMD module instead of window.axe if the page has one.
      const axe = (window as any).axe;
      if (!axe) throw new Error('axe-core did not load into the page');
      const rules = Object.fromEntries(disableRules.map((id: string) => [id, { enabled: false }]));
      const context = exclude.length ? { exclude: exclude.map((s: string) => [s]) } : document;
      const res = await axe.run(context, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      // Keep only serialisable, useful fields.
      return res.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n: any) => ({
          target: n.target.map(String),
          html: n.html,
          failureSummary: n.failureSummary,
        })),
      }));
    },
    { tags: AXE_TAGS, exclude: opts.exclude ?? [], disableRules: opts.disableRules ?? [] },
  );
  return { violations, summary: formatViolations(violations, page.url()) };
}

export function formatViolations(violations: AxeViolation[], url = ''): string {
  if (violations.length === 0) return '';
  const lines = [`${violations.length} axe violation(s)${url ? ` on ${url}` : ''}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    ${n.target.join(' ')}  ${n.html.slice(0, 120)}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}
