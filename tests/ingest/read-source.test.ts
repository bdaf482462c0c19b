import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
import { decodeText } from '../../src/pipeline/read/decode-text.ts';
import { firstInvalidUtf8, readSource } from '../../src/pipeline/read/read-source.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function errorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('readSource', () => {
  it('decodes UTF-8, drops a BOM and normalises line ends', () => {
    expect(readSource('a.txt', utf8('\uFEFF一、背景\r\n正文'))).toBe('一、背景\n正文');
  });

  it('rejects an empty file at line 1', () => {
    const error = errorOf(() => readSource('empty.txt', utf8(' \n\n ')));
    expect([error.file, error.line]).toEqual(['empty.txt', 1]);
    expect(error.message).toMatch(/empty/);
  });

  it('reads GBK/GB18030 text', () => {
    // 第一行\n残疾人 in GBK (what Windows Notepad saves as "ANSI" on a Chinese system).
    const bytes = new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xd0, 0xd0, 0x0a, 0xb2, 0xd0, 0xbc, 0xb2, 0xc8, 0xcb]);
    expect(readSource('gbk.txt', bytes)).toBe('第一行\n残疾人');
    // GB18030 four-byte sequences (characters outside GBK) decode too: 𠀀 is 95 32 82 36.
    expect(readSource('gb18030.txt', new Uint8Array([0x95, 0x32, 0x82, 0x36]))).toBe('𠀀');
  });

  it('reads UTF-16 with a BOM, either byte order, and without a BOM by its NUL bytes', () => {
    const text = '一、总体要求\r\n1.目标到2025年';
    const le = [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    const be = [...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]);
    const want = '一、总体要求\n1.目标到2025年';
    expect(readSource('le.txt', new Uint8Array([0xff, 0xfe, ...le]))).toBe(want);
    expect(readSource('be.txt', new Uint8Array([0xfe, 0xff, ...be]))).toBe(want);
    expect(readSource('le-nobom.txt', new Uint8Array(le))).toBe(want);
    expect(readSource('be-nobom.txt', new Uint8Array(be))).toBe(want);
    expect(decodeText('le.txt', new Uint8Array(le)).encoding).toBe('utf-16le');
  });

  it('rejects a file that is UTF-8 and then GBK, naming the line where it changes', () => {
    // 第一行 in UTF-8, then 残疾人 in GBK on line 2: decoding either way would garble half.
    const bytes = new Uint8Array([...utf8('第一行\n'), 0xb2, 0xd0, 0xbc, 0xb2, 0xc8, 0xcb]);
    const error = errorOf(() => readSource('mixed.txt', bytes));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/mixed\.txt:2: not valid UTF-8 .*mixes encodings/);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030, naming the line', () => {
    const bytes = new Uint8Array([...utf8('abc\ndef\n'), 0xff, 0xff, 0x41]);
    const error = errorOf(() => readSource('latin.txt', bytes));
    expect([error.file, error.line]).toEqual(['latin.txt', 3]);
    expect(error.message).toMatch(/neither UTF-8 nor GB18030/);
  });

  it('rejects binary data naming the line', () => {
    const bytes = new Uint8Array([...utf8('a\nb\n'), 0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    const error = errorOf(() => readSource('image.png.txt', bytes));
    expect(error.line).toBe(3);
  });

  it('finds truncated and overlong UTF-8 sequences', () => {
    expect(firstInvalidUtf8(utf8('残疾人'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe6, 0xae]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
  });
});
