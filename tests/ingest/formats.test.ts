/**
 * A plan in the formats staff receive comes out as the same plan model as its text seed:
 * other text encodings, a portal web page (UTF-8 and GBK), a Word .docx, and a file whose
 * name does not say what it is. Fixtures are made from the seeds' own text at test time and
 * go through the real driver (a temporary seeds folder and catalogue).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { planFragments } from '../../src/model/plan-text.ts';
import { docxOf, encodeText, portalPage } from './format-fixtures.ts';
import { ROOT } from './helpers.ts';
import { ingestAs as ingestFile, seedTextOf } from './ingest-file.ts';
import { planShape } from './plan-shape.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** huining has 专栏 boxes and an indicator table; beihai has tab-separated table rows and a draft status. */
const SLUGS = ['huining', 'beihai'];

/** Each variant: a file name suffix and how to make its bytes from the seed text. */
const VARIANTS: { name: string; file: string; make: (text: string) => Uint8Array | Promise<Uint8Array> }[] = [
  { name: 'GB18030', file: 'gb18030.txt', make: (t) => encodeText(t, 'gb18030', false) },
  { name: 'UTF-8 with BOM', file: 'utf8bom.txt', make: (t) => encodeText(t, 'utf-8', true) },
  { name: 'UTF-16LE with BOM', file: 'utf16le.txt', make: (t) => encodeText(t, 'utf-16le', true) },
  { name: 'UTF-16BE with BOM', file: 'utf16be.txt', make: (t) => encodeText(t, 'utf-16be', true) },
  { name: 'UTF-16LE without BOM', file: 'utf16le-nobom.txt', make: (t) => encodeText(t, 'utf-16le', false) },
  { name: 'a portal page in UTF-8', file: 'page.html', make: (t) => portalPage(t, 'utf-8') },
  { name: 'a portal page in GBK (charset=gb2312)', file: 'page-gbk.htm', make: (t) => portalPage(t, 'gbk') },
  { name: 'a Word .docx', file: 'word.docx', make: (t) => docxOf(t) },
  { name: "a Word .docx numbered by Word's lists (一、 （一） 1. not typed)", file: 'word-lists.docx', make: (t) => docxOf(t, { listNumbers: true }) },
  { name: 'a .docx saved with a .txt name', file: 'word-misnamed.txt', make: (t) => docxOf(t) },
  { name: 'a web page saved with a .txt name', file: 'page-misnamed.txt', make: (t) => portalPage(t, 'gbk') },
];

const ingestAs = (slug: string, file: string, bytes: Uint8Array | string) => ingestFile(dir, slug, file, bytes);

describe.each(SLUGS)('%s in another format is the same plan', async (slug) => {
  const text = seedTextOf(slug);
  const { plan: seedPlan } = await ingestAs(slug, `${slug}.txt`, text);

  it.each(VARIANTS.map((v, k) => [v.name, k] as const))('%s', async (_name, k) => {
    const variant = VARIANTS[k];
    const { plan } = await ingestAs(slug, `${slug}-${variant.file}`, await variant.make(text));
    expect(planShape(plan)).toEqual(planShape(seedPlan));
    // Text encodings keep the file's lines, so even the source line numbers agree.
    if (variant.file.endsWith('.txt') && !variant.file.includes('misnamed')) {
      expect(plan.chapters.map((c) => c.lines)).toEqual(seedPlan.chapters.map((c) => c.lines));
    }
  });

  it('has chapters, clauses, boxes and indicators to compare', () => {
    expect(seedPlan.chapters.length).toBeGreaterThan(3);
    expect(seedPlan.boxes.length).toBeGreaterThan(0);
    expect(seedPlan.boxes.some((b) => b.table && b.table.rows.length > 0)).toBe(true);
  });
});

describe('the driver with other formats', () => {
  it('reuses an unchanged .docx and re-reads it when its bytes change', async () => {
    const text = seedTextOf('huining');
    const { seeds, out, summary } = await ingestAs('huining', 'plan.docx', await docxOf(text));
    expect(summary.plans.map((p) => p.reused)).toEqual([false]);
    const again = await runIngest({ root: ROOT, seedsDir: seeds, outDir: out });
    expect(again.plans.map((p) => p.reused)).toEqual([true]);
    writeFileSync(join(seeds, 'plan.docx'), await docxOf(text.replace('一、', '一、 ')));
    const changed = await runIngest({ root: ROOT, seedsDir: seeds, outDir: out });
    expect(changed.plans.map((p) => p.reused)).toEqual([false]);
  });
});

describe('a .docx with a footnote', () => {
  it('keeps the note: its mark in the clause that cites it, its text after it, nothing lost', async () => {
    const text = seedTextOf('huining');
    const zip = await JSZip.loadAsync(await docxOf(text));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Word's footnote mark after the first 两项补贴 of the plan.
    const at = xml.indexOf('两项补贴');
    expect(at).toBeGreaterThan(0);
    const cut = at + '两项补贴'.length;
    zip.file('word/document.xml', `${xml.slice(0, cut)}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">${xml.slice(cut)}`);
    zip.file(
      'word/footnotes.xml',
      '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 两项补贴指困难残疾人生活补贴和重度残疾人护理补贴。</w:t></w:r></w:p></w:footnote></w:footnotes>',
    );
    const { plan } = await ingestAs('huining', 'noted.docx', await zip.generateAsync({ type: 'uint8array' }));
    const all = planFragments(plan).map((f) => f.text).join('');
    expect(all).toContain('两项补贴（注1）');
    expect(all).toContain('注1：两项补贴指困难残疾人生活补贴和重度残疾人护理补贴。');
  });
});
