// Lists that share a head word (视力、听力、智力残疾儿童): the indexer spells each item out with
// the head (src/search/enumerations.ts). Pure rules on token lists, including hostile ones,
// then what it changes on the real seeds' index: a question about 视力残疾 children reaches the
// clause that says 视力、听力、智力残疾儿童, the page never shows the spelled-out phrases, and a
// keyword search still puts the clauses that print the typed words first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXPANSION_MARK, indexedContent, sharedHeadPhrases, shortDegreePhrases, visibleContent } from '../../src/search/enumerations.ts';
import { builtSearch, realCorpus, squash } from './helpers.ts';

const KINDS = new Set(['视力', '听力', '言语', '肢体', '智力', '精神', '重度', '盲', '聋']);
const cut = (s: string) => s.split(' ');
const phrases = (s: string) => sharedHeadPhrases(cut(s), KINDS).map((p) => p.join(''));

describe('sharedHeadPhrases', () => {
  it('spells out each earlier item with the head the last item stands next to', () => {
    expect(phrases('支持 视力 、 听力 、 智力 残疾 儿童 和 孤独症 儿童 接受 教育')).toEqual(['视力残疾儿童', '听力残疾儿童']);
    expect(phrases('支持 建设 听力 、 言语 残疾人 无障碍 信息 服务 平台')).toEqual(['听力残疾人无障碍']);
  });
  it('takes the last word before 等 or 的 as the head of a list closed by a conjunction or 等', () => {
    expect(phrases('组织 智力 、 精神 和 重度 肢体 残疾人 等 就业 困难 残疾人')).toEqual(['智力残疾人', '精神残疾人']);
    expect(phrases('能 和 盲 、 聋 、 智力 、 精神 等 老年 残疾人 的 需要')).toEqual(['盲残疾人', '聋残疾人', '智力残疾人', '精神残疾人']);
  });
  it('spells out the shorter head when the last item has two list words (重度 肢体)', () => {
    expect(phrases('为 智力 、 精神 、 重度 肢体 残疾人 等 提供 托养')).toEqual(['智力肢体残疾人', '智力残疾人', '精神肢体残疾人', '精神残疾人']);
  });
  it('leaves lists of other words alone, and lists with no head', () => {
    expect(phrases('党政 机关 、 事业单位 、 国有企业 带头 安置')).toEqual([]);
    expect(phrases('视力 、 听力 。')).toEqual([]);
    expect(phrases('视力 、 听力')).toEqual([]);
    expect(phrases('视力 残疾人')).toEqual([]);
    expect(phrases('、 、 视力 、')).toEqual([]);
    // Found by the property below: a second joining word is no head.
    expect(sharedHeadPhrases(['视力', '、', '视力', '和', '和'], KINDS)).toEqual([]);
    expect(sharedHeadPhrases([], KINDS)).toEqual([]);
  });
  it('on any tokens: makes phrases only of tokens that are there, each item of the list followed by head tokens', () => {
    const token = fc.constantFrom('视力', '听力', '智力', '残疾人', '儿童', '、', '和', '等', '的', '。', '服务', '重度');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        for (const p of sharedHeadPhrases(tokens, KINDS)) {
          expect(p.length).toBeGreaterThanOrEqual(2);
          expect(KINDS.has(p[0])).toBe(true);
          for (const t of p) expect(tokens).toContain(t);
          expect(p.slice(1).some((t) => ['、', '。', '和', '等', '的'].includes(t))).toBe(false);
        }
      }),
    );
  });
});

describe('shortDegreePhrases', () => {
  const DEGREES = new Set([...KINDS, '一级', '二级', '三级', '四级']);
  const degrees = (s: string) => shortDegreePhrases(cut(s), DEGREES).map((p) => p.join(' '));
  it('a degree written short shares the 级 of the next one and joins the words after it', () => {
    expect(degrees('护理 补贴 范围 向 三 、 四级 智力 、 精神 残疾人 扩展')).toEqual(['三级 智力']);
    expect(degrees('覆盖 范围 向 三 四级 智力 残疾人')).toEqual(['三级 智力 残疾人']);
    expect(degrees('一 、 二级 重度 残疾人')).toEqual(['一级 重度 残疾人']);
  });
  it('leaves other numbers alone: no 级 after them, a degree that is not enumerable, a written-out 三级', () => {
    expect(degrees('三 、 四 个 方面')).toEqual([]);
    expect(shortDegreePhrases(cut('三 、 四级 智力'), KINDS)).toEqual([]);
    expect(degrees('三级 、 四级 智力 残疾人')).toEqual([]);
    expect(degrees('五 、 六级')).toEqual([]);
  });
});

describe('indexedContent and visibleContent', () => {
  it('appends the phrases after the mark and gives back exactly the clause tokens', () => {
    const tokens = cut('支持 视力 、 听力 、 智力 残疾 儿童 接受 教育 。');
    const content = indexedContent(tokens, KINDS);
    expect(content).toBe(`${tokens.join(' ')} ${EXPANSION_MARK} 视力 残疾 儿童 ${EXPANSION_MARK} 听力 残疾 儿童`);
    expect(visibleContent(content)).toBe(tokens.join(' '));
    const plain = cut('提高 残疾人 护理 补贴 。');
    expect(indexedContent(plain, KINDS)).toBe(plain.join(' '));
    expect(visibleContent(plain.join(' '))).toBe(plain.join(' '));
  });
  it('the mark is a character no plan prints', () => {
    for (const r of realCorpus().records) expect(r.text.includes(EXPANSION_MARK), r.url).toBe(false);
  });
});

describe('on the real index', () => {
  const { search } = builtSearch();
  it('a question about a blind child reaches the clause that lists 视力、听力、智力残疾儿童', async () => {
    const o = await search('孩子看不见能上学吗');
    expect(o.hits.some((h) => squash(h.text).includes('视力、听力、智力残疾儿童'))).toBe(true);
  });
  it('a mapped word found only in a spelled-out list (智障 → 智力残疾) reaches 智力、精神…残疾人 clauses', async () => {
    const o = await search('智障的人能去哪里托养');
    expect(o.hits.some((h) => /智力、精神(、|和)重度肢体残疾人/.test(squash(h.text)))).toBe(true);
  });
  it('a question about a third-degree disability finds the clauses written 三、四级 and 三四级 as holding every word', async () => {
    const o = await search('智力残疾三级的能领护理补贴不');
    expect(o.partial).toBe(false);
    const plans = new Set(o.hits.filter((h) => /三、?四级智力/.test(squash(h.text))).map((h) => h.plan));
    expect(plans.size).toBeGreaterThanOrEqual(2);
  });
  it('the page never shows the spelled-out phrases', async () => {
    for (const q of ['智力残疾', '视力残疾儿童', '孩子看不见能上学吗']) {
      const o = await search(q);
      for (const h of [...o.hits, ...(await o.more())]) {
        expect(h.text.includes(EXPANSION_MARK), h.url).toBe(false);
        expect(h.excerpt.text.includes(EXPANSION_MARK), h.url).toBe(false);
      }
    }
  });
  it('a keyword shows the clauses that print it first; a spelled-out match stands only for a plan that has none', async () => {
    const o = await search('智力残疾');
    const literal = o.hits.map((h) => squash(h.text).includes('智力残疾'));
    const firstSpelled = literal.indexOf(false);
    expect(firstSpelled).toBeGreaterThan(0);
    expect(literal.slice(firstSpelled).some(Boolean)).toBe(false);
    const literalPlans = new Set(o.hits.filter((_h, i) => literal[i]).map((h) => h.plan));
    const others = o.hits.filter((_h, i) => !literal[i]);
    for (const h of others) expect(literalPlans.has(h.plan), h.cite).toBe(false);
    expect(new Set(others.map((h) => h.plan)).size).toBe(others.length);
  });
});
