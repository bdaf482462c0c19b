import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/pipeline/problems/ingest-error.ts';
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

  it('rejects GBK text naming the line of the first bad byte', () => {
    // 第一行 in UTF-8, then 残疾人 in GBK on line 2.
    const bytes = new Uint8Array([...utf8('第一行\n'), 0xb2, 0xd0, 0xbc, 0xb2, 0xc8, 0xcb]);
    const error = errorOf(() => readSource('gbk.txt', bytes));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/gbk\.txt:2: not valid UTF-8.*GB18030/);
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
