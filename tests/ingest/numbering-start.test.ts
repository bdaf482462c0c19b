/** The line-start numbering detector used to find numbered lines read as text. */
import { describe, expect, it } from 'vitest';
import { numberingAtStart, numberingStyle } from '../../src/pipeline/fidelity/numbering-start.ts';

describe('numberingAtStart', () => {
  it.each([
    ['第三章 保障措施', '第三章'],
    ['第1章 总则', '第1章'],
    ['第 二 节 康复', '第二节'],
    ['第十二条 适用范围', '第十二条'],
    ['第一部分 背景', '第一部分'],
    ['一、总体要求', '一、'],
    ['十一．组织实施', '十一．'],
    ['二）加强服务', '二）'],
    ['（三）就业', '（三）'],
    ['(3)就业', '(3)'],
    ['（１２）就业', '（１２）'],
    ['5.加强服务', '5.'],
    ['123、加强服务', '123、'],
    ['５．加强服务', '５．'],
    ['7）加强服务', '7）'],
    ['④ 加强服务', '④'],
    ['㉑加强服务', '㉑'],
    ['专栏 3 重点项目', '专栏3'],
  ])('%s begins with %s', (text, label) => expect(numberingAtStart(text)).toBe(label));

  it.each([
    '一是加大力度，二是做好低保。',
    '做到（1）按时发放，（2）足额发放。',
    '1.8万名残疾人得到康复服务。',
    '2021.6 起施行',
    '2025年，残疾人……',
    '十四五时期',
    '残疾人',
    '',
  ])('%s does not', (text) => expect(numberingAtStart(text)).toBeNull());
});

describe('numberingStyle', () => {
  it.each([
    ['三、', '一、'],
    ['（十二）', '（一）'],
    ['12.', '1.'],
    ['１２．', '１．'],
    ['第四章', '第一章'],
    ['⑦', '①'],
    ['专栏 3', '专栏1'],
  ])('%s is the style %s', (label, style) => expect(numberingStyle(label)).toBe(style));
});
