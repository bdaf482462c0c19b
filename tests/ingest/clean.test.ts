import { describe, expect, it } from 'vitest';
import { cleanLines, normaliseSpacing } from '../../src/pipeline/clean/clean-lines.ts';

describe('normaliseSpacing', () => {
  it.each([
    ['有 10730名建档立卡', '有10730名建档立卡'],
    ['二 0三五年远景目标', '二〇三五年远景目标'],
    ['2022 年 6 月 30 日', '2022年6月30日'],
    ['率达 100 %。', '率达100%。'],
    ['手机 APP 应用', '手机APP应用'],
    ['3D 盲文', '3D盲文'],
    ['残疾人家庭人均收入年均增长率 (%)', '残疾人家庭人均收入年均增长率(%)'],
    ['注：[  ]表示五年累计数。', '注：[ ]表示五年累计数。'],
    ['Intl Segmenter API', 'Intl Segmenter API'],
    ['2020 年 10 月', '2020年10月'],
    // Joint issuers in a cited title keep their gap; typesetting gaps elsewhere go.
    ['《中国残联 国家乡村振兴局关于做好工作的意见》（残联发〔2021〕14号）', '《中国残联 国家乡村振兴局关于做好工作的意见》（残联发〔2021〕14号）'],
    ['《民政部  中国残联关于 2021 年工作的通知》', '《民政部 中国残联关于2021年工作的通知》'],
    ['残疾人脱贫攻坚成果 同乡村振兴有效衔接实施方案', '残疾人脱贫攻坚成果同乡村振兴有效衔接实施方案'],
  ])('%s → %s', (input, output) => {
    expect(normaliseSpacing(input)).toBe(output);
    expect(normaliseSpacing(output)).toBe(output);
  });

  it('does not turn a Latin zero into 〇 outside Chinese numerals', () => {
    expect(normaliseSpacing('投入 10 万元，2020年')).toBe('投入10万元，2020年');
  });
});

describe('cleanLines', () => {
  it('drops page numbers and blank lines and keeps source line numbers', () => {
    const { lines, removed } = cleanLines('第一行\n\n- 5 -\n 第二行 \n12\n\t100');
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, '第一行'],
      [4, '第二行'],
      [6, '100'],
    ]);
    expect(removed).toEqual([
      { line: 3, kind: 'page-number', text: '- 5 -' },
      { line: 5, kind: 'page-number', text: '12' },
    ]);
  });

  it('removes paired **bold** marks and keeps a lone ** as text', () => {
    const { lines, removed } = cleanLines('7. **落实政策。**落实条例\n星号**不成对');
    expect(lines[0]).toMatchObject({ text: '7.落实政策。落实条例', bold: true });
    expect(lines[1].text).toBe('星号**不成对');
    expect(removed).toEqual([{ line: 1, kind: 'markup', text: '****' }]);
  });

  it('splits <p> blocks into separate lines of the same source line', () => {
    const { lines } = cleanLines('<p>1. 甲。</p> <p>2. 乙</p>');
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, '1.甲。'],
      [1, '2.乙'],
    ]);
  });

  it('keeps lines cut off by the extractor and marks them incomplete', () => {
    const { lines, removed } = cleanLines('建立残疾人体育健身示范\uFFFD\n下一行');
    expect(lines[0]).toMatchObject({ text: '建立残疾人体育健身示范', incomplete: true });
    expect(lines[1].incomplete).toBe(false);
    expect(removed).toEqual([{ line: 1, kind: 'cut-mark', text: '\uFFFD' }]);
  });
});
