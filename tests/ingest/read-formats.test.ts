/**
 * The format readers on small hand-made inputs: which bytes are which format, what of a
 * web page is the plan's text, and what of a .docx is.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
import { detectFormat } from '../../src/pipeline/read/detect-format.ts';
import { chineseCounting, formatListNumber } from '../../src/pipeline/read/docx-numbering.ts';
import { docxToText } from '../../src/pipeline/read/docx-to-text.ts';
import { decodeHtml, declaredCharset } from '../../src/pipeline/read/html-charset.ts';
import { htmlToText } from '../../src/pipeline/read/html-to-text.ts';
import { checkTextLayer, linesFromPositionedText, textForSharedGlyphs } from '../../src/pipeline/read/pdf-to-text.ts';
import { readPlanFile } from '../../src/pipeline/read/read-plan-file.ts';
import { encodeText } from './format-fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function errorOf(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof IngestError) return error;
  throw new Error(`expected an IngestError, got ${String(error)}`);
}

describe('detectFormat', () => {
  it('goes by the bytes, not the name', () => {
    expect(detectFormat('plan.txt', utf8('%PDF-1.7\n…'))).toBe('pdf');
    expect(detectFormat('plan.pdf', utf8('一、总体要求'))).toBe('text');
    expect(detectFormat('plan.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(detectFormat('plan.txt', utf8('\uFEFF<!DOCTYPE html><html>'))).toBe('html');
    expect(detectFormat('plan.txt', utf8('<!-- saved from url -->\n<html lang="zh">'))).toBe('html');
    expect(detectFormat('plan.htm', utf8('<div class="content">一、总体要求</div>'))).toBe('html');
    expect(detectFormat('plan.txt', utf8('<div>一、总体要求</div>'))).toBe('text');
    expect(detectFormat('plan.html', encodeText('<html><body>一</body></html>', 'utf-16le', true))).toBe('html');
  });

  it('refuses formats it cannot read, with what to do', () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => detectFormat('plan.doc', doc)).toThrow(/^plan\.doc:1: an old Word\/WPS \.doc file: save it as \.docx or PDF$/);
    expect(() => detectFormat('scan.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toThrow(/scan\.txt:1: a PNG image.*OCR/);
  });
});

describe('htmlToText', () => {
  it('takes the article container and drops scripts, styles, menus and hidden parts', () => {
    const html = `<html><head><title>标题</title><style>p{}</style></head><body>
      <div id="nav"><a>首页</a></div>
      <div class="wrapper"><ul class="menu"><li>菜单</li></ul>
        <article><header><h1>某县规划</h1></header>
          <p>第一段<br>第二行</p><div style="display:none">隐藏</div><script>var a = "脚本";</script>
          <p>  多个   空格  </p>
        </article>
        <div class="footer">版权所有</div></div></body></html>`;
    expect(htmlToText('page.html', html)).toBe('某县规划\n第一段\n第二行\n多个 空格');
  });

  it('without a container, reads the body less its header, footer and navigation', () => {
    const html = '<body><header>网站名</header><nav>导航</nav><p>一、总体要求</p><div>（一）指导思想</div><footer>页脚</footer></body>';
    expect(htmlToText('page.html', html)).toBe('一、总体要求\n（一）指导思想');
  });

  it('writes each table row as one line of tab-separated cells', () => {
    const html = '<div class="TRS_Editor"><p>专栏1 主要指标</p><table><tr><th>指标</th><th>2025年</th></tr><tr><td>1.<br>收入</td><td>6</td></tr></table><p>注：</p></div>';
    expect(htmlToText('page.html', html)).toBe('专栏1 主要指标\n指标\t2025年\n1. 收入\t6\n注：');
  });

  it('refuses a notice page that only links to the plan, naming the attachment', () => {
    const html = '<div class="content"><p>现将《某县残疾人保障和发展规划》印发给你们。</p><p>附件：<a href="/files/P020220701.pdf">某县规划.pdf</a></p></div>';
    expect(() => htmlToText('notice.html', html)).toThrow(/^notice\.html:1: the page has no plan text, only a link to \/files\/P020220701\.pdf: save the attachment/);
  });

  it('decodes by BOM, then declared charset, then the bytes', () => {
    const gbkPage = encodeText('<html><head><meta charset="gbk"></head><body>残疾人</body></html>', 'gbk', false);
    expect(declaredCharset(gbkPage)).toBe('gbk');
    expect(decodeHtml('a.html', gbkPage)).toContain('残疾人');
    // Declared utf-8 but saved as GBK: the bytes win.
    const wrong = encodeText('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>残疾人</body></html>', 'gbk', false);
    expect(decodeHtml('b.html', wrong)).toContain('残疾人');
    expect(() => decodeHtml('c.html', utf8('<meta charset="klingon">'))).toThrow(/c\.html:1: .*charset "klingon"/);
  });
});

async function docx(body: string, extra: Record<string, string> = {}) {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('docxToText', () => {
  it('reads paragraphs, tabs, breaks and table rows, not deleted text or field codes', async () => {
    const body =
      '<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:t>要求</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:t xml:space="preserve">A &amp; B  </w:t></w:r></w:p>';
    expect(await docxToText('a.docx', await docx(body))).toBe('一、总体要求\n甲\t乙\n丙\n指标\t2025年\nA & B');
  });

  it('keeps footnotes and endnotes: a mark where cited, the note as a line after its paragraph or table', async () => {
    const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const ref = (kind: string, id: number) => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
    const body =
      `<w:p>${run('落实两项补贴')}${ref('footnote', 2)}${run('制度。')}</w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${run('康复服务覆盖率')}${ref('endnote', 1)}</w:p></w:tc><w:tc><w:p>${run('85%')}</w:p></w:tc></w:tr>` +
      `<w:tr><w:tc><w:p>${run('辅具适配率')}</w:p></w:tc><w:tc><w:p>${run('85%')}</w:p></w:tc></w:tr></w:tbl>` +
      `<w:p>${run('二、主要任务')}</w:p>`;
    const note = (kind: string, id: number, text: string, type = '') =>
      `<w:${kind} w:id="${id}"${type ? ` w:type="${type}"` : ''}><w:p><w:r><w:${kind}Ref/></w:r>${run(text)}</w:p></w:${kind}>`;
    const footnotes = `<w:footnotes xmlns:w="w">${note('footnote', -1, '————', 'separator')}${note('footnote', 0, '', 'continuationSeparator')}${note('footnote', 2, ' 两项补贴指困难残疾人生活补贴和重度残疾人护理补贴。')}</w:footnotes>`;
    const endnotes = `<w:endnotes xmlns:w="w">${note('endnote', 1, '有需求的残疾人中得到服务的比例。')}</w:endnotes>`;
    const text = await docxToText('notes.docx', await docx(body, { 'word/footnotes.xml': footnotes, 'word/endnotes.xml': endnotes }));
    expect(text).toBe(
      [
        '落实两项补贴（注1）制度。',
        '注1：两项补贴指困难残疾人生活补贴和重度残疾人护理补贴。',
        '康复服务覆盖率（注2）\t85%',
        '辅具适配率\t85%',
        '注2：有需求的残疾人中得到服务的比例。',
        '二、主要任务',
      ].join('\n'),
    );
    // A reference to a note the package does not hold prints nothing (no empty 注 line).
    expect(await docxToText('lost.docx', await docx(`<w:p>${run('甲')}${ref('footnote', 9)}</w:p>`))).toBe('甲');
  });

  it('refuses a zip that is not a Word document, naming the file', async () => {
    const zip = new JSZip();
    zip.file('content.xml', '<office:document/>');
    const error = await errorOf(readPlanFile('plan.odt', await zip.generateAsync({ type: 'uint8array' })));
    expect(error.message).toBe('plan.odt:1: an OpenDocument (.odt) file: save it as .docx or PDF');
  });

  it('refuses a damaged zip, naming the file', async () => {
    const error = await errorOf(readPlanFile('plan.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(error.message).toMatch(/^plan\.docx:1: /);
  });
});

describe('Word list numbers', () => {
  it('prints counters in the formats plans use', () => {
    expect([1, 10, 11, 20, 23, 100, 105, 110].map(chineseCounting)).toEqual(['一', '十', '十一', '二十', '二十三', '一百', '一百零五', '一百一十']);
    expect(formatListNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatListNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatListNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatListNumber(4, 'upperRoman')).toBe('IV');
  });

  it('numbers paragraphs of a list and of a heading style, restarting deeper levels and at start overrides (legal numbering: 1.1 under 第一章)', async () => {
    const numbering = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>`;
    const styles = `<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`;
    const p = (text: string, pPr: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const numPr = (id: number, level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      p('总则', '<w:pStyle w:val="Heading1"/>'),
      p('目标', numPr(1, 1)),
      p('任务', numPr(1, 1)),
      p('措施', '<w:pStyle w:val="MyHeading"/>'),
      p('甲', numPr(1, 1)),
      p('乙', numPr(2, 1)),
      p('丙', numPr(2, 1)),
      p('无编号', numPr(0, 0)),
    ].join('');
    const bytes = await docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles });
    expect(await docxToText('lists.docx', bytes)).toBe('第一章 总则\n1.1 目标\n1.2 任务\n第二章 措施\n2.1 甲\n2.5 乙\n2.6 丙\n无编号');
  });
});

describe('PDF text to lines', () => {
  it('puts items on a baseline into one line, left to right: a space at a gap, a tab at a column gap', () => {
    const item = (text: string, x: number, y: number, width: number) => ({ text, x, y, width, size: 12 });
    const lines = linesFromPositionedText([
      item('要求', 124, 700.4, 24),
      item('一、总体', 76, 700, 48),
      item('成果', 76, 690, 24),
      item('同乡村', 104, 690, 36),
      item('指标', 76, 680, 24),
      item('6', 200, 680, 6),
      item('- 1 -', 280, 40, 30),
    ]);
    expect(lines).toEqual(['一、总体要求', '成果 同乡村', '指标\t6', '- 1 -']);
  });

  it('accepts a few pages without text and refuses a PDF whose pages are mostly images', () => {
    expect(() => checkTextLayer('a.pdf', ['', '一、总体要求', '正文', ''])).not.toThrow();
    expect(() => checkTextLayer('b.pdf', ['封面', '', '', '', '正文', ''])).toThrow(/^b\.pdf:1: a PDF with no text layer on 4 of 6 pages \(2–4, 6: scanned\?\)/);
    expect(() => checkTextLayer('c.pdf', [' ', '\n'])).toThrow(/^c\.pdf:1: a PDF with no text layer \(2 pages of images/);
    expect(() => checkTextLayer('d.pdf', ['\u0e01\u0e02\u0e03\u0e04'])).toThrow(/^d\.pdf:1: the PDF text layer is not readable text/);
  });

  it('maps radicals and dashes that share a glyph back to what plans print', () => {
    expect(textForSharedGlyphs('⽂件⺠政局⼾籍―⸺')).toBe('文件民政局户籍———');
  });
});
