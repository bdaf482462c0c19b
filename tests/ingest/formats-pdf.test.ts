/**
 * PDFs: a seed's text printed to PDF by headless Chromium (A4, Noto CJK, page numbers in the
 * footer) is read back into the same plan, and a PDF without a text layer is refused.
 *
 * What may differ from the .txt seed, and why: Chromium wraps long lines where the seed's
 * extractor wrapped them elsewhere, so clause texts are compared with whitespace removed and
 * source line numbers not at all; the footer's page numbers (- 1 -) are in the PDF's text
 * and must be removed by the cleaning stage, so `removed` differs. Clause ids, chapter and
 * section numbering and titles, box and indicator counts must be the same. The seeds used
 * here are huining (专栏 boxes and an indicator table) and zhongwei. Printed, the others
 * change shape at the PDF's line wraps: dengkou (a paragraph a line) splits paragraphs at
 * wraps after 。, ningxia-rural's title joins its first paragraph, beihai's 专栏1 changes
 * (docs/ingest.md, Formats, Known limits).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
import { readPlanFile } from '../../src/pipeline/read/read-plan-file.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { imageOnlyPages, printablePage, printPdf } from './format-fixtures.ts';
import { ROOT } from './helpers.ts';
import { ingestAs, seedTextOf } from './ingest-file.ts';
import { outline, unitTexts } from './plan-shape.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-pdf-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['huining', 'zhongwei'])('%s printed to PDF', (slug) => {
  it('is the same plan as its text: clause ids and texts, numbering, boxes and indicators', async () => {
    const text = seedTextOf(slug);
    const { plan: seedPlan } = await ingestAs(dir, slug, `${slug}.txt`, text);
    const pdf = await printPdf(browser, printablePage(text));
    const { plan } = await ingestAs(dir, slug, `${slug}.pdf`, pdf);
    expect(outline(plan)).toEqual(outline(seedPlan));
    expect(unitTexts(plan)).toEqual(unitTexts(seedPlan));
    // The page numbers Chromium printed were text in the PDF, and cleaning dropped them.
    expect(plan.removed.filter((r) => r.kind === 'page-number').length).toBeGreaterThan(3);
  });
});

describe('a PDF that cannot be read', () => {
  it('without a text layer (a page that is only a drawing) is refused through the command, naming the file', async () => {
    const seeds = join(dir, 'scan', 'seeds');
    const out = join(dir, 'scan', 'out');
    mkdirSync(seeds, { recursive: true });
    writeFileSync(join(seeds, 'scan.pdf'), await printPdf(browser, imageOnlyPages(), false));
    writeFileSync(
      join(seeds, 'catalog.yaml'),
      'plans:\n  - slug: scan\n    title: 测试县“十四五”残疾人保障和发展规划\n    shortName: 测试县\n    province: 测试省\n    level: 县级\n    kind: 规划\n    status: 正式\n    source: scan.pdf\n',
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: scan\.pdf:1: a PDF with no text layer \(1 page of images: a scan\?\): it needs OCR/m);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for the operator
    expect(readdirSync(join(dir, 'scan'))).toEqual(['seeds']);
  });

  it('scanned after a typed cover page is refused, naming the pages without text', async () => {
    const pdf = await printPdf(browser, imageOnlyPages(3, true), false);
    const error = await readPlanFile('cover.pdf', pdf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toBe('cover.pdf:1: a PDF with no text layer on 3 of 4 pages (2–4: scanned?): it needs OCR, or ask for the text version');
  });

  it('damaged or not a PDF after its header is refused naming the file', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n这不是PDF的内容\n');
    const error = await readPlanFile('broken.pdf', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/^broken\.pdf:1: not a readable PDF/);
  });
});
