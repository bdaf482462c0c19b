// Pinyin slips (src/search/sounds.ts): words typed with a same-sound character are read as the
// word meant, on the real built sound table and dictionary, through the real engine; words of
// their own, names, Latin, digits and hostile input are left as typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { understoodLine } from '../../src/search/explain.ts';
import { decodeSounds, encodeSounds, mergeSounds, slipReader, SOUNDS_FILE } from '../../src/search/sounds.ts';
import { holdsUnknown } from '../../src/search/query.ts';
import { normalizeQuery } from '../../src/search/text.ts';
import { readLexicon } from '../../src/search/node.ts';
import { builtSearch, DIST, requireIndex } from './helpers.ts';

requireIndex();
const text = readFileSync(join(DIST, 'pagefind', SOUNDS_FILE), 'utf8');
const sounds = decodeSounds(text);
const lexicon = readLexicon(DIST);
const { search } = builtSearch();
const read = slipReader(sounds, lexicon);
/** As the engine reads a query: normalised, its unknown runs read by sound. */
const fix = (q: string) => read(q);

describe('the sound table', () => {
  it('gives common characters all their readings without tones, and lists everyday words that are no slips', () => {
    expect(sounds.readings.get('疾')).toEqual(['ji']);
    expect(sounds.readings.get('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    // The common reading first: a slip is typed by it (说 is typed as shuo, so 说收 is no 税收).
    expect(sounds.readings.get('说')?.[0]).toBe('shuo');
    expect(fix('附近小学说收不了').fixes).toEqual([]);
    expect(sounds.readings.get('绿')).toEqual(expect.arrayContaining(['lü']));
    // Level one of GB 2312 is there whether or not a plan uses the character.
    expect(sounds.readings.size).toBeGreaterThan(3755);
    // An everyday word that sounds like a plan word (进站 like 进展) is listed as no slip; one the
    // vocabulary names (重新, a question word) needs no listing: it is a known word.
    expect(sounds.words.has('进站')).toBe(true);
    expect(fix('户口迁了残疾证要重新办吗').fixes).toEqual([]);
    expect(encodeSounds(decodeSounds(text))).toBe(text);
  });
  it('merges provinces’ tables into one with every reading and word of each', () => {
    const a = 'ji 急\nzhong 重\n= 重新';
    const b = 'ji 疾\nchong 重\n= 进站';
    const merged = decodeSounds(mergeSounds([a, b]));
    expect(merged.readings.get('重')).toEqual(['zhong', 'chong']);
    expect(merged.readings.get('疾')).toEqual(['ji']);
    expect([...merged.words].sort()).toEqual(['进站', '重新']);
  });
});

describe('reading pinyin slips', () => {
  it('reads a slipped word as the word meant, wherever it stands', () => {
    expect(fix('残急人补帖怎么申情')).toEqual({
      query: '残疾人补贴怎么申请',
      fixes: [
        { typed: '残急人', meant: '残疾人' },
        { typed: '补帖', meant: '补贴' },
        { typed: '申情', meant: '申请' },
      ],
    });
    expect(fix('低宝户能领啥').query).toBe('低保户能领啥');
    expect(fix('盲人按魔店开业有补贴吗').fixes).toEqual([{ typed: '按魔店', meant: '按摩店' }]);
    // A lone character left beside a two-character slip that has a meaning of its own (停, a
    // sense in the vocabulary) is a word: the slip is still read (the search found nothing).
    expect(fix('补帖停了咋回事')).toEqual({ query: '补贴停了咋回事', fixes: [{ typed: '补帖', meant: '补贴' }] });
  });
  it('reads a slip the dictionary cut beside a known word (孤独正 → 孤独 正, 助听气 → 助听 气)', () => {
    expect(fix('老人耳朵背助听气可以免费配吗').fixes).toEqual([{ typed: '助听气', meant: '助听器' }]);
    expect(fix('孤独正儿童定点康复机构有哪些').query).toBe('孤独症儿童定点康复机构有哪些');
    // A word the dictionary cut whole is never changed inside: only a lone character can be the
    // slip; and the word meant is one the plans print (收不了 is not the everyday 受不了).
    expect(fix('残疾人康复训练去哪里').fixes).toEqual([]);
    expect(fix('报名时附近小学说收不了，让我们去特校').fixes).toEqual([]);
  });
  it('reads a slip beside a known word as a near form of a plan word the vocabulary names, not as an everyday phrase it maps', () => {
    // 残疾证 is the everyday form of the plans' 残疾人证; 助学金 of their 助学.
    expect(fix('残疾正网上能办不').fixes).toEqual([{ typed: '残疾正', meant: '残疾证' }]);
    expect(fix('残疾学生上大学有住学金吗').fixes).toEqual([{ typed: '住学金', meant: '助学金' }]);
    // 卖东西 is mapped to 创业, 办残疾证 to 残疾人证, neither one character from it: 买东西 and
    // 旧版残疾证 are what was meant.
    expect(fix('我不会算钱 买东西老被多收钱 有人帮我吗').fixes).toEqual([]);
    expect(fix('旧版残疾证还能换新的智能卡吗').fixes).toEqual([]);
    // A measure word after a numeral is understood, never read as a slip (两种病 is not 重病).
    expect(fix('小儿脑瘫加癫痫 两种病能一起评残吗').fixes).toEqual([]);
  });
  it('reads a southern speaker’s sound (z/zh, n/l, -n/-ng …) only for a plan word of three characters or more', () => {
    expect(fix('老人耳背能免费配组听器吗').fixes).toEqual([{ typed: '组听器', meant: '助听器', alike: true }]);
    expect(fix('家里做无站碍改造要什么条件').fixes).toEqual([{ typed: '无站碍', meant: '无障碍', alike: true }]);
    expect(fix('孤独针孩子能上普通幼儿园吗').fixes).toEqual([{ typed: '孤独针', meant: '孤独症', alike: true }]);
    // Not for an everyday phrase (着康复 ≈ 做康复) nor for two characters (家离 is not 家里).
    expect(fix('高位截瘫的人有互相帮着康复的地方吗').fixes).toEqual([]);
    // A place's name is never read as a slip (海原县李旺镇 is no 旺镇 of anything).
    expect(fix('海原县李旺镇的残疾人能去县康复中心做康复吗').fixes).toEqual([]);
  });
  it('the table is needed only where a slip may be: an unknown run, or an unknown character beside other words', () => {
    for (const q of ['低宝', '孤独正儿童', '残急人补帖']) expect(holdsUnknown(q, lexicon), q).toBe(true);
    for (const q of ['残', '护理补贴', '护理补贴怎么申请', '我家孩子是自闭症能去哪里上学', '“孤独正”']) expect(holdsUnknown(q, lexicon), q).toBe(false);
  });
  it('leaves words of their own, names, numbers, Latin and what it knows as typed', () => {
    // 重新 sounds like 重心 and 进站 like 进展, words of the plans: people type them on purpose.
    expect(fix('跨省迁户口 残疾证要重新办吗').fixes).toEqual([]);
    expect(fix('地铁站没有无障碍电梯 坐轮椅怎么进站').fixes).toEqual([]);
    for (const q of ['护理补贴怎么申请', '残疾人 ETC 优惠', '2025年 3级', '娃三岁了还不会说话', '咖啡拿铁怎么办', '']) {
      expect(fix(q).fixes, q).toEqual([]);
    }
  });
  it('never throws, and changes only the characters of a slip, one for one, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'残急人补帖申情低宝户重新进站的了吗 a1，。?'), maxLength: 24 }), (q) => {
        const typed = normalizeQuery(q);
        const out = fix(q);
        expect([...out.query].length).toBe([...typed].length);
        for (const f of out.fixes) {
          expect(lexicon.dictionary).toContain(f.meant);
          expect([...f.meant].length).toBe([...f.typed].length);
        }
        if (!out.fixes.length) expect(out.query).toBe(typed);
      }),
    );
  });
});

describe('the engine', () => {
  it('searches the word meant and says what it read, in the line under the count', async () => {
    const o = await search('重度残疾人户理补贴');
    expect(o.plan.fixes).toEqual([{ typed: '户理', meant: '护理' }]);
    expect(o.hits.length).toBeGreaterThan(0);
    expect(o.hits[0].text).toMatch(/护理补贴/);
    expect(understoodLine(o.plan)).toMatch(/^“户理”当作“护理”（读音相同；加引号可按原样查）；查找：/);
  });
  it('says a southern reading only sounds alike, and which of several readings do', async () => {
    const alike = await search('老人耳背能免费配组听器吗');
    expect(alike.plan.fixes).toEqual([{ typed: '组听器', meant: '助听器', alike: true }]);
    expect(understoodLine(alike.plan)).toMatch(/^“组听器”当作“助听器”（读音相近；加引号可按原样查）；查找：/);
    const both = await search('组听器补帖');
    expect(understoodLine(both.plan)).toMatch(/^“组听器”当作“助听器”、“补帖”当作“补贴”（读音相同或相近；/);
  });
  it('a query without such characters is searched as typed and says nothing about sounds; a quoted word is never read by sound', async () => {
    const o = await search('重度残疾人护理补贴');
    expect(o.plan.fixes).toBeUndefined();
    const quoted = await search('重度残疾人“户理”补贴');
    expect(quoted.plan.fixes).toBeUndefined();
    expect(quoted.plan.concepts.some((c) => c.phrase && c.text === '户理')).toBe(true);
  });
});
