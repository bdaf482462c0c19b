/**
 * Plan files in the formats staff receive, made at test time from a seed's own text:
 * other text encodings, a portal web page, a Word .docx, and PDFs printed by Chromium.
 */
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text in another encoding, with or without a byte-order mark. */
export function encodeText(text: string, encoding: 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be' | 'utf-8', bom: boolean): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

/**
 * The text as a government portal serves it: site header, menu, breadcrumb and search form,
 * the plan in a content container (each source line a <p>; a line with tabs a table row),
 * a share bar, scripts, styles and a footer with the copyright line.
 */
export function portalPage(text: string, charset: 'utf-8' | 'gbk'): Uint8Array {
  const body: string[] = [];
  let table: string[] = [];
  const flushTable = () => {
    if (table.length) body.push(`<table border="1"><tbody>\n${table.join('\n')}\n</tbody></table>`);
    table = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      table.push(`<tr>${line.split('\t').map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
      continue;
    }
    flushTable();
    if (line.trim() !== '') body.push(`<p style="text-indent:2em">${escapeHtml(line)}</p>`);
  }
  flushTable();
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset === 'gbk' ? 'gb2312' : 'utf-8'}">
<title>残疾人保障和发展规划_政策文件_某某县人民政府</title>
<style>body { font-family: SimSun; } .nav li { display: inline; }</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="header"><div class="logo">某某县人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<form class="search" action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="main-wrap">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article-box">
<div class="xxgk-info"><span>发布时间：2022-06-30</span></div>
<div class="TRS_Editor" id="zoom">
${body.join('\n')}
</div>
<div class="share-bar">分享到：<a href="#">微信</a><a href="#">微博</a> 【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a.html">关于印发某某规划的通知</a></li></ul></div>
</div>
<div class="footer"><p>主办：某某县人民政府办公室　版权所有</p><p>网站标识码：6201000001　ICP备案号：陇ICP备00000000号</p></div>
<script src="/js/common.js"></script>
<script>
  // 页面统计
  console.log("一、不是规划的内容");
</script>
</body>
</html>
`;
  return charset === 'gbk' ? new Uint8Array(iconv.encode(html, 'gbk')) : new TextEncoder().encode(html);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of runs: tabs inside a source line are w:tab (a real .docx keeps them so). */
function docxParagraph(line: string, numPr = ''): string {
  if (line === '' && numPr === '') return '<w:p/>';
  const runs = line.split('\t').map((part) => `<w:r><w:t xml:space="preserve">${xmlText(part)}</w:t></w:r>`);
  return `<w:p>${numPr ? `<w:pPr>${numPr}</w:pPr>` : ''}${runs.join('<w:r><w:tab/></w:r>')}</w:p>`;
}

const ZH = '一二三四五六七八九';
/** 一 → 1 … 十 → 10, 十一 → 11, 二十三 → 23. */
function zhValue(s: string): number {
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens === '' ? 1 : ZH.indexOf(tens) + 1) * 10 : 0) + (ones === '' ? 0 : ZH.indexOf(ones) + 1);
}

/** Typed list numbers a Word author would make automatic: 一、 （一） 1. at levels 0, 1, 2. */
const LIST_LEVELS: { pattern: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { pattern: /^([一二三四五六七八九十]{1,3})、/, value: (m) => zhValue(m[1]) },
  { pattern: /^（([一二三四五六七八九十]{1,3})）/, value: (m) => zhValue(m[1]) },
  { pattern: /^(\d{1,2})\.(?!\d)/, value: (m) => Number(m[1]) },
];

const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
NUMS</w:numbering>`;

/**
 * Each typed list number becomes Word's automatic numbering: the number is taken out of the
 * text and the paragraph joins a list. Lists share one abstract list (so their counters
 * continue, as in Word); where the printed number is not the next one, a new list restarts
 * the level at that number (Word's "restart numbering" / "set numbering value").
 */
function autoNumbered(text: string): { paragraphs: string[]; nums: string[] } {
  const counters: number[] = [];
  const nums: string[] = [];
  const paragraphs = text.split('\n').map((line) => {
    for (const [level, { pattern, value }] of LIST_LEVELS.entries()) {
      const m = pattern.exec(line);
      if (!m) continue;
      const v = value(m);
      if ((counters[level] ?? 0) + 1 !== v || nums.length === 0) {
        nums.push(`<w:num w:numId="${nums.length + 1}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${v}"/></w:lvlOverride></w:num>`);
      }
      counters[level] = v;
      counters.length = level + 1;
      return docxParagraph(line.slice(m[0].length), `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${nums.length}"/></w:numPr>`);
    }
    return docxParagraph(line);
  });
  return { paragraphs, nums };
}

/** A minimal Word .docx with one paragraph per source line; with `listNumbers`, typed numbers become Word lists. */
export async function docxOf(text: string, options: { listNumbers?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const { paragraphs, nums } = options.listNumbers ? autoNumbered(text) : { paragraphs: text.split('\n').map((l) => docxParagraph(l)), nums: [] };
  if (options.listNumbers) {
    zip.file('word/numbering.xml', NUMBERING_XML.replace('NUMS', nums.join('\n')));
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    );
  }
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** Print an HTML page to A4 PDF, by default with page numbers (- 1 -) in the footer as plans print them. */
export async function printPdf(browser: Browser, html: string, pageNumbers = true): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
      displayHeaderFooter: pageNumbers,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** A printable page of a seed's text: each source line a paragraph, a line with tabs a table row, in a Chinese font. */
export function printablePage(text: string): string {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (l.includes('\t') ? `<table><tr>${l.split('\t').map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr></table>` : `<p>${escapeHtml(l)}</p>`));
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.6; }
p { margin: 0 0 4pt; text-indent: 2em; }
table { border-collapse: collapse; margin: 0 0 4pt; } td { padding: 0 1.5em 0 0; vertical-align: top; }
</style></head><body>${lines.join('\n')}</body></html>`;
}

/**
 * Pages with no text at all, only drawings: what a scanned plan looks like to a PDF reader.
 * With `typedCover`, the first page is a line of text (a scan with a typed cover page).
 */
export function imageOnlyPages(pages = 1, typedCover = false): string {
  const canvases = Array.from({ length: pages }, (_, k) => `<canvas class="scan" width="600" height="800" style="display:block;${k > 0 || typedCover ? 'break-before:page;' : ''}"></canvas>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font-family: "Noto Sans CJK SC", sans-serif; }</style></head><body>
${typedCover ? '<h1>某县残疾人保障和发展规划</h1>' : ''}${canvases.join('\n')}
<script>
  for (const canvas of document.querySelectorAll('canvas.scan')) {
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 600, 800);
    ctx.fillStyle = '#222';
    for (let y = 60; y < 760; y += 28) ctx.fillRect(60, y, 480 - (y % 90), 12);
  }
</script></body></html>`;
}
