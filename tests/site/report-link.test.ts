// The "tell us what you searched" link under few or partial results.
import { describe, expect, it } from 'vitest';
import { searchReportHref } from '../../src/site/report-link.ts';

describe('searchReportHref', () => {
  it('fills an e-mail with the words searched, so a curator can add them to the vocabulary', () => {
    const href = searchReportHref('mailto:plans@example.org', ' 孩子去哪里歇一歇 ');
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('plans@example.org');
    expect(url.searchParams.get('subject')).toBe('没找到：孩子去哪里歇一歇');
    expect(url.searchParams.get('body')).toContain('我在搜索页搜了：孩子去哪里歇一歇\n');
  });
  it('keeps characters that would break a mailto link inside the text', () => {
    const url = new URL(searchReportHref('mailto:a@b.cn', '护理&补贴?多少=钱#'));
    expect(url.searchParams.get('subject')).toBe('没找到：护理&补贴?多少=钱#');
    expect(url.hash).toBe('');
  });
  it('leaves an issues page and an empty search as they are', () => {
    expect(searchReportHref('https://example.org/issues', '护理补贴')).toBe('https://example.org/issues');
    expect(searchReportHref('mailto:a@b.cn', '  ')).toBe('mailto:a@b.cn');
  });
});
