// Questions and citations through the engine the page uses, on the real built index (Node):
// what a question is cut into, which words are dropped, mapped and made optional; that every
// question of the issue finds clauses answering it; partial matches; near forms; the topic
// cards; pasted citations; the curated file's validation; and the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alsoSearched, partialLine, understoodLine } from '../../src/search/explain.ts';
import { OVERVIEW_AREA } from '../../src/search/records.ts';
import { QuestionFileSchema } from '../../src/search/question-file.ts';
import { questionGaps } from '../../src/search/question-gaps.ts';
import { decodeSounds, slipReader, SOUNDS_FILE } from '../../src/search/sounds.ts';
import { matchTopics } from '../../src/search/topic-match.ts';
import { mentionsTopic } from '../../src/model/topic-terms.ts';
import { readTopics } from '../../src/site/load.ts';
import { builtSearch, DIST, realCorpus, ROOT, squash } from './helpers.ts';

const { built, search } = builtSearch();
const plan = (q: string) => built().engine.plan(q);

describe('understanding a question', () => {
  it('drops question and function words, keeps what carries meaning, maps everyday words', () => {
    const p = plan('我家孩子是自闭症能去哪里上学');
    expect(p.dropped).toEqual(expect.arrayContaining(['我家', '是', '能', '去哪里']));
    expect(p.concepts.map((c) => c.text)).toEqual(['自闭症', '上学', '孩子']);
    const alts = (i: number) => p.concepts[i].alternatives.map((a) => a.text);
    // 自闭症 is 孤独症 in the plans; 上学 is 教育 and 入学. 孩子 stays and means 儿童, but who the
    // question is about only ranks (like 农村): a clause for every disabled pupil answers too.
    expect(alts(0)).toContain('孤独症');
    expect(alts(1)).toEqual(expect.arrayContaining(['教育', '入学']));
    expect(alts(2)).toEqual(expect.arrayContaining(['孩子', '儿童']));
    expect(p.concepts[2].optional).toBe(true);
  });
  it('the issue\'s everyday words reach the plans\' words', () => {
    const alts = (q: string) => plan(q).concepts.flatMap((c) => c.alternatives.map((a) => a.text));
    expect(alts('坐公交')).toEqual(expect.arrayContaining(['乘车', '乘坐', '公共交通', '出行']));
    expect(alts('看病')).toEqual(expect.arrayContaining(['医疗保险', '医疗救助']));
    expect(alts('找工作')).toContain('就业');
    expect(alts('照顾')).toEqual(expect.arrayContaining(['照护', '托养', '护理']));
    // 住房 as the plans say it about a house in need of repair: 住房安全 (plain 住房 is every
    // housing clause, addressee lines of 住房和城乡建设厅 included).
    expect(alts('房子漏雨')).toEqual(expect.arrayContaining(['危房改造', '住房安全']));
    expect(alts('聋哑')).toEqual(expect.arrayContaining(['听力', '言语']));
    expect(alts('精神病')).toContain('精神障碍');
    expect(alts('帮交')).toContain('代缴');
    expect(alts('招残疾人')).toContain('按比例安排就业');
  });
  it('words offered as a choice (或者, 或) are one request in two wordings, not two a clause must both meet', () => {
    const p = plan('想当人大代表或者政协委员有机会吗');
    const chosen = p.concepts.find((c) => c.text === '人大代表');
    expect(chosen?.alternatives.map((a) => a.text)).toEqual(expect.arrayContaining(['人大代表', '政协委员']));
    expect(p.concepts.some((c) => c.text === '政协委员')).toBe(false);
    // The dropped words between them (有) do not break the choice; without 或者 both stay required.
    const either = plan('住院能报销或者有补助吗').concepts.filter((c) => !c.optional);
    expect(either.some((c) => ['报销', '补助'].every((w) => c.alternatives.some((a) => a.text === w)))).toBe(true);
    const both = plan('住院能报销有补助吗').concepts.filter((c) => !c.optional);
    expect(both.some((c) => ['报销', '补助'].every((w) => c.alternatives.some((a) => a.text === w)))).toBe(false);
  });
  it('what follows 不是 in its part says what the case is not, and is not searched', () => {
    const p = plan('儿子智力残疾三级，不是一二级重度，那个护理补贴俺家能不能领？');
    const words = p.concepts.map((c) => c.text);
    expect(words).toEqual(expect.arrayContaining(['智力', '三级', '护理']));
    expect(words).not.toContain('二级');
    expect(words).not.toContain('重度');
    expect(p.dropped).toEqual(expect.arrayContaining(['不是']));
    // The next part is read again: 护理补贴 is asked about.
    expect(plan('不是低保户，护理补贴能领吗').concepts.map((c) => c.text)).toEqual(expect.arrayContaining(['护理']));
  });
  it('what 除了 sets aside, up to 还 or 以外, is not asked: not searched and no topic', () => {
    const p = plan('盲人除了按摩还能干啥');
    const words = p.concepts.map((c) => c.text);
    expect(words).toContain('盲人');
    expect(words).not.toContain('按摩');
    expect(p.aside).toEqual(expect.arrayContaining(['除了', '按摩']));
    expect(matchTopics(p, readTopics()).map((m) => m.topic.slug)).not.toContain('mangren-anmo');
    // What follows the end word is asked again.
    expect(plan('除了低保以外还有什么补贴').concepts.map((c) => c.text)).toEqual(['补贴']);
    // Without 除了 the same words are asked.
    expect(plan('盲人按摩还能干啥').concepts.map((c) => c.text)).toContain('按摩');
  });
  it('finds a clause holding either wording', async () => {
    const out = await search('残疾人想当人大代表或者政协委员');
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.slice(0, 5).some((h) => /人大代表|政协委员/.test(h.text))).toBe(true);
  });
  it('a word means what the words around it say (照顾 in an exam is an accommodation, not care)', async () => {
    const texts = (q: string, w: string) => plan(q).concepts.find((c) => c.text === w)?.alternatives.map((a) => a.text);
    // Beside 考场 the word is read in that sense only: the care words (照护 托养) are not searched.
    const exam = plan('残疾人考试能照顾吗').concepts.find((c) => c.text === '照顾')!;
    expect(exam.sensed).toBe(true);
    expect(exam.alternatives.map((a) => a.text)).toContain('合理便利');
    expect(exam.alternatives.map((a) => a.text)).not.toContain('照护');
    expect(exam.alternatives.map((a) => a.text)).not.toContain('照顾');
    // Elsewhere it keeps its everyday mapping.
    expect(texts('残疾老人没人照顾怎么办', '没人照顾')).toEqual(expect.arrayContaining(['没人照顾', '照护', '托养']));
    // A teacher at the door is 送教上门, a doctor at the door 上门服务.
    expect(texts('孩子去不了学校，能上门教吗', '上门')).toEqual(['送教上门']);
    // 老师 beside 上门 means the same: one concept, searched once.
    const teacher = plan('老师能上门教不').concepts.filter((c) => !c.optional);
    expect(teacher.map((c) => c.alternatives.map((a) => a.text))).toEqual([['送教上门']]);
    expect(texts('医生能上门给残疾人看病吗', '上门')).toEqual(expect.arrayContaining(['上门服务', '家庭医生签约']));
    // 机器 at a bank is a self-service terminal, never a prefix of 康复机器人.
    const atm = await search('残疾人去银行取钱机器不会用');
    expect(atm.hits.length).toBeGreaterThan(0);
    expect(atm.hits.some((h) => h.text.includes('机器人'))).toBe(false);
    expect(atm.hits[0].text).toMatch(/自动柜员机|自助/);
    // A sense that carries nothing: the word is not searched and is said as left out.
    const rep = plan('想当人大代表给残疾人说说话有机会吗');
    expect(rep.concepts.some((c) => c.text === '说说话')).toBe(false);
    expect(rep.dropped).toContain('说说话');
    // A lone character with a sense is a word of the question only where the sense applies:
    // 停 beside 低保 is the plans' 渐退 and required; 停 elsewhere only ranks, like any lone character.
    const stop = plan('找到工作了低保会马上停吗').concepts.find((c) => c.text === '停')!;
    expect(stop.optional).toBe(false);
    expect(stop.alternatives.map((a) => a.text)).toEqual(['渐退']);
    expect(plan('公交车停不停盲道').concepts.find((c) => c.text === '停')?.optional ?? true).toBe(true);
    // A helper word with a sense that applies is what is asked: 借 beside 书 is borrowing books
    // (required, searched as reading matter), elsewhere a helper through 借用 租赁.
    const books = plan('盲人能借到书看吗').concepts.find((c) => c.text === '借')!;
    expect(books.optional).toBe(false);
    expect(books.alternatives.map((a) => a.text)).toContain('读物');
    const crutch = plan('莫得钱买拐杖能借不').concepts.find((c) => c.text === '借')!;
    expect([crutch.optional, crutch.alternatives.map((a) => a.text)]).toEqual([true, ['借', '借用', '租赁']]);
    // A number tells the case (8岁), it is not what to find: it only ranks.
    const age = plan('娃都8岁了还给做康复训练的钱吗').concepts;
    expect(age.find((c) => c.text === '8')?.optional).toBe(true);
    expect(age.find((c) => c.text === '岁')?.alternatives.map((a) => a.text)).toEqual(['年龄']);
    // Keywords are searched as typed, whatever is around them.
    expect(plan('照顾 考试').concepts[0].sensed).toBeUndefined();
    // Read in its sense, the word names no topic of its everyday meaning (照顾 → 托养照护).
    expect(matchTopics(plan('聋娃今年要高考，考场上能有啥照顾不？'), readTopics()).map((m) => m.topic.slug)).not.toContain('tuoyang');
    expect(matchTopics(plan('残疾老人没人照顾怎么办'), readTopics()).map((m) => m.topic.slug)).toContain('tuoyang');
    // The reader hears the sense: 这里查, not 也查.
    expect(understoodLine(plan('残疾人考试能照顾吗'))).toMatch(/照顾（这里查合理便利/);
    // And the clauses found are about exams, not care.
    const o = await search('聋娃今年要高考，考场上能有啥照顾不？');
    expect(o.hits.length).toBeGreaterThan(0);
    expect(o.hits.slice(0, 3).every((h) => /考试|高考/.test(h.text)), o.hits.map((h) => h.cite).join(' ')).toBe(true);
  });
  it('a person\'s case told before the question ranks; asked in the question it is required', async () => {
    const byText = (q: string, w: string) => plan(q).concepts.find((c) => c.text === w);
    // Told in the story: 智力 only ranks; what is asked (养老院) is required.
    const told = '俺老两口快七十了，儿子智力残疾四十多岁，能带着儿子一起住养老院不？';
    expect(byText(told, '智力')?.optional).toBe(true);
    expect(plan(told).concepts.filter((c) => !c.optional).length).toBeGreaterThan(0);
    // Asked with it, in one part or in the asking part: required.
    expect(byText('智力残疾的孩子长大了能做什么', '智力')?.optional).toBe(false);
    expect(byText('俺有个事，智力残疾的孩子长大了能做什么', '智力')?.optional).toBe(false);
    // A word or two typed apart with a space is not a story: 脑瘫 is what is asked about.
    expect(byText('脑瘫 怎么康复', '脑瘫')?.optional).toBe(false);
    expect(byText('儿子脑瘫，怎么康复', '脑瘫')?.optional).toBe(true);
    // A whole clause typed with a space for a comma is a story told before the question.
    expect(byText('俺儿子今年三十岁了是脑瘫 在家里没人管 能送去托养不', '脑瘫')?.optional).toBe(true);
    expect(byText('俺儿子今年三十岁了是脑瘫，在家里没人管，能送去托养不', '脑瘫')?.optional).toBe(true);
    // Not the blind: what the plans offer them names them.
    expect(byText('俺是盲人，想自己开个按摩店，有扶持不？', '盲人')?.optional).toBe(false);
    // The clause that answers without naming the case is found: 共同入住养老机构.
    const o = await search(told);
    expect(o.hits.some((h) => h.text.includes('共同入住养老机构')), o.hits.map((h) => h.cite).join(' ')).toBe(true);
  });
  it('helper words rank but are not required; a lone character is not required either', () => {
    const p = plan('轮椅去哪里申请');
    expect(p.concepts.map((c) => [c.text, c.optional])).toEqual([
      ['轮椅', false],
      ['申请', true],
    ]);
    expect(plan('助听器怎么领').concepts.find((c) => c.text === '领')?.optional).toBe(true);
    // Only helper words left: they are what was asked, so they are required.
    expect(plan('怎么申请').concepts.map((c) => [c.text, c.optional])).toEqual([['申请', false]]);
  });
  it('a question told in several parts reads every part word by word, not the parts without 吗 as keywords', () => {
    const p = plan('儿子智力残疾三级，不是一二级重度，那个护理补贴俺家能不能领？');
    const texts = p.concepts.map((c) => c.text);
    expect(texts).not.toContain('儿子智力残疾三级');
    expect(texts).toEqual(expect.arrayContaining(['智力', '护理']));
    expect(p.concepts.filter((c) => !c.optional).every((c) => c.run !== null)).toBe(true);
    // A part of characters the dictionary does not know is one string only when nothing else
    // was asked (咖啡拿铁怎么办); beside other words it is named as not understood.
    const old = plan('俺和老伴都七十多了，儿子智力残疾离不开人，俺们要是住养老院，能带着儿子一块住不？');
    // (老伴, a family word, only ranks; 七十多 is what is left of the part: a number, understood.)
    expect(old.concepts.some((c) => c.alternatives.some((a) => a.tokens.join('') === '七十多'))).toBe(false);
    expect(old.unknown).toEqual([]);
    expect(plan('咖啡拿铁怎么办').concepts.map((c) => c.text)).toEqual(['咖啡拿铁']);
  });
  it('a keyword query is unchanged: one concept as typed, no words dropped', () => {
    const p = plan('残疾儿童 康复');
    expect(p.concepts.map((c) => c.text)).toEqual(['残疾儿童', '康复']);
    expect(p.dropped).toEqual([]);
    expect(p.concepts.every((c) => c.run === null && !c.optional)).toBe(true);
    expect(plan('"怎么办"').concepts[0]).toMatchObject({ phrase: true, text: '怎么办' });
  });
  it('a string of three words or more is read as a question; a short keyword or a wording the vocabulary names stays one', () => {
    // No question word, but no clause prints 瘫痪老人家里改造补贴 either: each word is asked.
    const p = plan('瘫痪老人家里改造补贴');
    expect(p.concepts.length).toBeGreaterThan(1);
    expect(p.concepts.map((c) => c.text).join('')).toBe('瘫痪老人家里改造补贴');
    expect(p.concepts.some((c) => c.run !== null)).toBe(true);
    for (const k of ['按比例就业', '最低生活保障', '残疾儿童 康复', '护理补贴']) {
      expect(plan(k).concepts.every((c) => c.run === null && !c.optional), k).toBe(true);
    }
  });
  it('says in words what it searched and what it left out', () => {
    expect(understoodLine(plan('残疾证怎么办'))).toBe('查找：残疾证（也查残疾人证）；没有用到：怎么办。');
    expect(understoodLine(plan('护理补贴'))).not.toMatch(/没有用到/);
  });
  it('names a plan word tried for an everyday one even when it must be found as one string', async () => {
    // 喘息服务 is searched as one string (服务 alone is in most clauses, so the search marks
    // it so); the reader still needs to hear that 太累 was read as 喘息服务.
    const { plan: p } = await search('照顾孩子太累了');
    expect(p.concepts.find((c) => c.text === '太累')?.alternatives.some((a) => a.text === '喘息服务' && a.strict)).toBe(true);
    expect(understoodLine(p)).toContain('太累（也查喘息服务）');
    // A finer cut of the same word is not a second word: 公共交通 is said once.
    for (const part of alsoSearched(plan('公共交通 无障碍'))) {
      const compact = [part.text, ...part.also].map((t) => t.replace(/\s+/gu, ''));
      expect(new Set(compact).size).toBe(compact.length);
    }
  });
  it('says which words it did not understand, as words, not as single characters', () => {
    // 咖啡 is in no plan and no vocabulary: the dictionary can only cut it 咖 · 啡.
    const p = plan('残疾人能喝咖啡吗');
    expect(p.unknown).toEqual(['喝咖啡']);
    const line = understoodLine(p)!;
    expect(line).toContain('没有认出“喝咖啡”，可以换个说法');
    expect(line).not.toMatch(/“咖”|“啡”/);
    // Nor are its characters searched: as helpers they would rank clauses holding 喝 or 啡 anywhere.
    expect(p.concepts.map((c) => c.text)).toEqual(['残疾人']);
    // Words it knows are not reported: everyday words (钱), question words, plan words.
    expect(plan('评残要自己出钱吗').unknown).toEqual([]);
    expect(plan('残疾人护理补贴多少钱').unknown).toEqual([]);
    // A keyword search is not a question: nothing is reported.
    expect(plan('咖啡').unknown).toEqual([]);
    // Chinese numerals and their measure words are cut into single characters, but they are a
    // number: understood, never named as unknown (三岁, 十八, 几百块), while words beside them are.
    expect(plan('闺女脑子不好使，今年十八了，特校毕业没地方去，有没有白天能去的地方？').unknown).toEqual([]);
    expect(plan('娃三岁了还不会说话，每月吃药几百块，能报销吗').unknown).toEqual([]);
    expect(plan('娃三岁了爱喝咖啡，能报销吗').unknown).toEqual(['爱喝咖啡']);
    // A town or village no plan names (郭城驿镇, 沙金套海 苏木) says where the person lives: left out
    // and said so, not named as a word not understood, its characters not searched.
    for (const [q, place] of [
      ['会宁县郭城驿镇的重度残疾人护理补贴向谁申请', '郭城驿镇'],
      ['磴口县沙金套海苏木的残疾人草场会不会被收回', '沙金套海'],
      ['北海铁山港区有没有特教班', '铁山港区'],
    ]) {
      const p = plan(q);
      expect(p.unknown, q).toEqual([]);
      expect(p.dropped, q).toContain(place);
      expect(p.concepts.some((c) => [...place].some((ch) => c.text === ch)), q).toBe(false);
    }
  });
});

describe('questions find clauses that answer them', () => {
  // Each question of the issue, with words that a clause answering it holds.
  const cases: [string, RegExp][] = [
    ['我家孩子是自闭症能去哪里上学', /孤独症.*(教育|入学)|(教育|入学).*孤独症/],
    ['残疾证怎么办', /残疾人证/],
    ['重度残疾护理补贴多少钱', /护理补贴/],
    ['辅助器具免费吗', /辅助器具|辅具/],
    ['残疾人坐公交免费吗', /乘坐.*公共|公共交通|公共汽车/],
    ['残疾老人没人照顾怎么办', /(老年|老人).*(托养|照护)|(托养|照护).*(老年|老人)/],
    ['助听器怎么领', /辅助器具|助听器|辅具/],
    ['轮椅去哪里申请', /辅助器具|轮椅|辅具/],
  ];
  it.each(cases)('%s', async (q, answer) => {
    const o = await search(q);
    expect(o.hits.length, q).toBeGreaterThan(0);
    expect(o.partial).toBe(false);
    // The first result answers it, and most of the first page does.
    expect(o.hits[0].text).toMatch(answer);
    const good = o.hits.filter((h) => answer.test(h.text)).length;
    expect(good / o.hits.length, o.hits.map((h) => h.cite).join('\n')).toBeGreaterThanOrEqual(0.6);
    // Several plans answer each of them: the first page shows more than one plan.
    expect(new Set(o.hits.map((h) => h.plan)).size).toBeGreaterThan(1);
  });

  it('a question a plan answers only in part still reaches that plan\'s best clause', async () => {
    const o = await search('盲文驾驶怎么考');
    expect(o.partial).toBe(true);
    expect(partialLine(o.plan)).toBe('没有同时包含“盲文”“驾驶”的条款，下面是包含其中一部分的。');
    // Best partial matches first: each shown result holds one of the words.
    for (const h of o.hits) expect(/盲文|驾驶/.test(h.text), h.url).toBe(true);
  });

  it('zero results only when no meaningful word occurs anywhere', async () => {
    const none = await search('咖啡拿铁怎么办');
    expect(none.hits).toEqual([]);
    const nothing = await search('怎么办呢');
    expect(nothing.plan.concepts).toEqual([]);
    expect(nothing.plan.dropped).toEqual(['怎么办', '呢']);
  });

  it('a sentence typed without a question word is read word by word when as one keyword it finds nothing', async () => {
    // No plan prints 残疾人住院押金交不起 or 盲人按摩店开业补贴; they are questions without 吗.
    for (const q of ['残疾人住院押金交不起', '盲人按摩店开业补贴']) {
      const o = await search(q);
      expect(o.hits.length, q).toBeGreaterThan(0);
      expect(o.plan.concepts.some((c) => c.run !== null), q).toBe(true);
    }
    const o = await search('残疾人住院押金交不起');
    expect(o.hits.some((h) => /医疗救助|医疗保险|代缴|资助/.test(h.text))).toBe(true);
    // A keyword that finds clauses as typed stays one keyword; characters that mean nothing stay nothing.
    expect((await search('护理补贴')).plan.concepts.map((c) => c.run)).toEqual([null]);
    expect((await search('咖啡拿铁')).hits).toEqual([]);
  });

  it('a word all the plans use (残疾人) only ranks in a question', async () => {
    const o = await search('残疾人能申请公租房吗');
    const common = o.plan.concepts.find((c) => c.text === '残疾人');
    expect(common).toMatchObject({ optional: true, common: true });
    expect(o.plan.concepts.some((c) => !c.optional)).toBe(true);
  });

  it('where a person lives (农村) ranks a clause but does not keep out one meant for everyone', async () => {
    const o = await search('农村残疾人看病贵怎么办');
    expect(o.plan.concepts.find((c) => c.text === '农村')?.optional).toBe(true);
    // Medical help is in clauses for every disabled person, not only in ones that say 农村.
    const medical = o.hits.filter((h) => /医疗救助|医疗保险/.test(h.text));
    expect(medical.some((h) => !h.text.includes('农村'))).toBe(true);
    expect(new Set(medical.map((h) => h.plan)).size).toBeGreaterThanOrEqual(4);
  });

  it('a plan wording made of a word most records hold (精神 · 残疾) counts only as one string', async () => {
    const o = await search('精神病人犯病了谁来管');
    const c = o.plan.concepts.find((k) => k.text === '精神病人')!;
    expect(c.alternatives.find((a) => a.text === '精神残疾')?.strict).toBe(true);
    // Every record ranked as holding every word holds one of the wordings as a string.
    const full = o.hits.filter((h) => h.tier < 3);
    expect(full.length).toBeGreaterThan(0);
    for (const h of full) expect(['精神病人', '精神残疾', '精神障碍'].some((w) => squash(h.text).includes(w)), h.cite).toBe(true);
    // Typed words keep their looser match (重度残疾 as 重度 … 残疾 still counts).
    expect(plan('重度残疾').concepts[0].alternatives[0].strict).toBe(false);
  });

  it('a question is answered by task clauses: a plan\'s background, safeguards and indicator rows wait behind them; a keyword keeps them', async () => {
    const o = await search('瘫痪在床有没有补贴');
    const answering = new Set(o.hits.filter((h) => h.tier < 3 && h.area !== OVERVIEW_AREA).map((h) => h.plan));
    expect(answering.size).toBeGreaterThanOrEqual(4);
    for (const h of o.hits) expect(h.area !== OVERVIEW_AREA || !answering.has(h.plan), `${h.cite}`).toBe(true);
    // Not lost: behind the button.
    expect(o.looser).toBeGreaterThan(0);
    // A keyword search is not a question: the coverage rows (护理补贴覆盖率) stay on its first page.
    const keyword = await search('护理补贴');
    expect(keyword.hits.some((h) => h.area === OVERVIEW_AREA)).toBe(true);
  });

  it('near forms one character apart match each other (乘车/乘坐, 补贴/补助, 残疾证/残疾人证)', async () => {
    const alts = (q: string) => plan(q).concepts.flatMap((c) => c.alternatives.map((a) => a.text));
    expect(alts('乘车')).toContain('乘坐');
    expect(alts('护理补助')).toContain('护理补贴');
    expect(alts('残疾证')).toContain('残疾人证');
    // And where nobody curated it: a word no plan uses, one character from one they do.
    expect(built().lexicon.nearForms('残疾证')).toContain('残疾人证');
    const o = await search('康复救助站点');
    expect(o.hits.length).toBeGreaterThan(0);
  });
});

describe('topic cards', () => {
  const topics = readTopics();
  const first = (q: string) => matchTopics(plan(q), topics)[0]?.topic.slug;
  it('a question that names a topic gets it first', () => {
    expect(first('护理补贴多少钱')).toBe('huli-butie');
    expect(first('我家孩子是自闭症能去哪里上学')).toBe('teshu-jiaoyu');
    expect(first('残疾证怎么办')).toBe('canjiren-zheng');
    expect(first('轮椅去哪里申请')).toBe('fuzhu-qiju');
    expect(first('房子漏雨怎么办')).toBe('zhufang');
  });
  it('a general word names no topic', () => {
    expect(matchTopics(plan('残疾人'), topics)).toEqual([]);
    expect(matchTopics(plan('补贴'), topics)).toEqual([]);
    expect(matchTopics(plan('规划'), topics)).toEqual([]);
  });
  it('the words left once the question words are gone name a topic too', () => {
    // Searched as 残疾人 · 领 · 补贴; what is left, 残疾人补贴, is what people call 两项补贴.
    expect(first('残疾人每个月能领多少补贴')).toBe('liangxiang-butie');
    expect(first('残疾人怎么找工作')).toBe('jiuye-fuwu');
  });
  it('a mapped word names a topic through what it maps to, not through characters it shares', () => {
    const slugs = (q: string) => matchTopics(plan(q), topics).map((m) => m.topic.slug);
    // 有照顾 asks for preferential treatment (优待 便利), not for care (照顾 → 托养).
    expect(slugs('残疾人开车有什么照顾')).not.toContain('tuoyang');
    expect(slugs('残疾人去医院看病有照顾吗')).not.toContain('tuoyang');
    expect(first('残疾老人没人照顾怎么办')).toBe('tuoyang');
    // 坐轮椅 asks whether a wheelchair user can get somewhere (无障碍), not for a wheelchair.
    expect(slugs('坐轮椅能坐公交车吗')).not.toContain('fuzhu-qiju');
    expect(first('轮椅去哪里申请')).toBe('fuzhu-qiju');
  });
});

describe('the named topic\'s clauses rank first', () => {
  const topics = readTopics();
  const inTopic = (slug: string, text: string) => topics.find((t) => t.slug === slug)!.terms.some((t) => squash(text).includes(t));
  it('the index marks exactly the clauses each topic page lists', async () => {
    const corpus = realCorpus();
    for (const t of topics) {
      const r = await built().pagefind.search(null, { filters: { topic: t.slug } });
      const ids = new Set((r?.results ?? []).map((x) => x.id));
      const urls = await Promise.all([...(r?.results ?? [])].map(async (x) => (await x.data()).url));
      const expected = corpus.records.filter((rec) => rec.kind !== '指标' && mentionsTopic(rec.text, t)).map((rec) => rec.url);
      expect(ids.size, t.slug).toBe(expected.length);
      expect(urls.sort(), t.slug).toEqual(expected.sort());
    }
  });
  it('a story question that no clause answers word for word shows the named topic\'s clauses first', async () => {
    // Its incidental words (工地, 老板, 工资) are in many clauses; the topic (法律援助) says which are about it.
    // (残疾人打官司没钱咋办 was one until 没钱 became the person's case, which only ranks: now clauses hold its words.)
    for (const q of ['我哥是聋哑人，在工地干活老板欠工资不给，请不起律师，有没有免费帮忙打官司的？', '俺是瘸腿老汉，儿子儿媳不管俺也不给钱，想告他们又请不起律师，咋办？']) {
      const o = await search(q);
      expect(o.partial, q).toBe(true);
      expect(o.topics.map((t) => t.slug), q).toContain('falv-yuanzhu');
      const listed = o.hits.filter((h) => inTopic('falv-yuanzhu', h.text));
      // Every plan that has such a clause shows it first, before any of its other matches.
      expect(new Set(listed.map((h) => h.plan)).size, q).toBeGreaterThanOrEqual(3);
      expect(o.hits.slice(0, 4).every((h) => inTopic('falv-yuanzhu', h.text)), q).toBe(true);
    }
  });
  it('when a question names a topic, a looser match stands for its plan only if the topic lists it', async () => {
    // 中卫's 孤独症 clause is about a rehabilitation centre: not where a 孤独症 child goes to school.
    for (const q of ['我家孩子是自闭症能去哪里上学', '孩子瘫在床上没法去学校怎么办']) {
      const o = await search(q);
      const slugs = o.topics.map((t) => t.slug);
      expect(slugs.length, q).toBeGreaterThan(0);
      for (const h of o.hits.filter((x) => x.tier === 3)) expect(slugs.some((s) => inTopic(s, h.text)), h.url).toBe(true);
    }
    // Looser matches the topic lists still stand for their plans.
    const o = await search('孩子瘫在床上没法去学校怎么办');
    expect(new Set(o.hits.filter((h) => h.tier === 3).map((h) => h.plan)).size).toBeGreaterThan(1);
  });
  it('a question worded around a topic gets that topic\'s clauses first, from every plan', async () => {
    // 补贴 alone is held by subsidies for employers, training, insurance …; the question is about 两项补贴.
    const o = await search('残疾人每个月能领多少补贴');
    expect(o.topics[0].slug).toBe('liangxiang-butie');
    const first = o.hits.slice(0, 5);
    expect(first.filter((h) => inTopic('liangxiang-butie', h.text)).length).toBeGreaterThanOrEqual(4);
    expect(new Set(first.map((h) => h.plan)).size).toBe(5);
    // The same words with no topic named keep the plain ranking (the topic is what moved them).
    const plain = await search('补贴 残疾人');
    expect(plain.topics).toEqual([]);
    expect(plain.hits.slice(0, 5).filter((h) => inTopic('liangxiang-butie', h.text)).length).toBeLessThan(4);
  });
  it('a plan whose clause on the named topic holds every word shows no other clause that merely holds the words', async () => {
    let checked = 0;
    for (const q of ['残疾人被欺负了找谁', '康复训练去哪里做', '残疾人每个月能领多少补贴', '孩子看不见能上学吗']) {
      const o = await search(q);
      expect(o.partial, q).toBe(false);
      const slugs = o.topics.map((t) => t.slug);
      expect(slugs.length, q).toBeGreaterThan(0);
      const onTopic = (h: { text: string }) => slugs.some((s) => inTopic(s, h.text));
      const topical = new Set(o.hits.filter((h) => h.tier < 3 && onTopic(h)).map((h) => h.plan));
      expect(topical.size, q).toBeGreaterThan(0);
      for (const h of o.hits.filter((x) => topical.has(x.plan))) {
        expect(onTopic(h), `${q}: ${h.cite}`).toBe(true);
        checked++;
      }
      // The plan's other matches wait behind the button, not lost.
      expect(o.looser, q).toBeGreaterThan(0);
    }
    expect(checked).toBeGreaterThan(8);
  });
});

describe('citations in, clause out', () => {
  it('every clause and 专栏 item of every plan, its citation pasted, is the first result', async () => {
    const corpus = realCorpus();
    const records = corpus.records.filter((r) => r.kind !== '指标');
    let checked = 0;
    for (const r of records) {
      const o = await search(r.cite);
      expect(o.cited, r.cite).toBe(true);
      expect(o.hits[0]?.url, r.cite).toBe(r.url);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });
  it('parts of citations as staff type them', async () => {
    const first = async (q: string) => (await search(q)).hits[0];
    expect((await first('会宁 专栏3'))?.cite).toMatch(/^《会宁县.*》专栏3/);
    expect((await first('会宁县 专栏2 一、3.'))?.url).toMatch(/^\/plans\/huining\/[a-z]+\/#box2-1-3$/);
    const beihai = await first('北海 第四章（一）3');
    expect(beihai?.cite).toMatch(/^《北海市.*》四（一）3\./);
    expect(beihai?.draft).toBe('征求意见稿');
  });
  it('ordinary questions are not citations', async () => {
    for (const q of ['护理补贴', '残疾证怎么办', '一级残疾人补贴', '十四五', '2025年目标']) expect((await search(q)).cited, q).toBe(false);
  });
});

describe('the search page script', () => {
  it('bundles the question handling but not the build-time schema library (zod)', () => {
    const dir = join(DIST, '_astro');
    const scripts = readdirSync(dir).filter((f) => f.startsWith('SearchApp') && f.endsWith('.js'));
    expect(scripts.length).toBe(1);
    const js = readFileSync(join(dir, scripts[0]), 'utf8');
    expect(js).toContain('lexicon.json');
    expect(js).not.toMatch(/ZodError|invalid_type/);
  });
});

describe('content/questions.yaml', () => {
  const file = parse(readFileSync(join(ROOT, 'content/questions.yaml'), 'utf8'));
  it('loads, and drops the question words the issue names', () => {
    const q = QuestionFileSchema.parse(file);
    for (const w of ['怎么办', '怎么', '如何', '哪里', '在哪', '去哪里', '能不能', '可以', '有没有', '吗', '呢', '多少钱', '什么', '是不是', '我', '我家', '我们']) {
      expect(q.drop, w).toContain(w);
    }
    expect(q.drop).not.toContain('孩子');
  });
  it('rejects a broken file, naming the entry', () => {
    expect(() => QuestionFileSchema.parse({ ...file, everyday: { 坐车: ['坐车'] } })).toThrow(/坐车/);
    expect(() => QuestionFileSchema.parse({ ...file, drop: [...file.drop, '申请'] })).toThrow(/申请 is both dropped and soft/);
    expect(() => QuestionFileSchema.parse({ ...file, extra: [] })).toThrow();
    // A sense needs the words it depends on; a dropped word has no sense to read.
    expect(() => QuestionFileSchema.parse({ ...file, senses: { 照顾: [{ means: ['优先'] }] } })).toThrow(/照顾/);
    expect(() => QuestionFileSchema.parse({ ...file, senses: { 照顾: [{ when: [], means: ['优先'] }] } })).toThrow(/照顾/);
    expect(() => QuestionFileSchema.parse({ ...file, senses: { 怎么办: [{ when: ['考试'], means: [] }] } })).toThrow(/怎么办 is dropped and also has senses/);
  });
});

describe('npm run questions:gaps', () => {
  it('lists, for curators, the words of asked questions the search does not understand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaps-'));
    const file = join(dir, 'asked.tsv');
    writeFileSync(file, '# 家长问的\n残疾人能喝咖啡吗\t咖啡\n重度残疾护理补贴多少钱\n');
    const r = spawnSync('npx', ['tsx', 'scripts/question-gaps.ts', file, '--strict'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`${file}:2: 残疾人能喝咖啡吗  →  没有认出 喝咖啡`);
    expect(r.stdout).not.toContain('护理补贴多少钱  →');
    expect(r.stdout).toContain('2 questions, 1 with words the search does not understand');
    rmSync(dir, { recursive: true, force: true });
  });
  it('understands every word of the questions people ask (content/questions-asked.txt)', () => {
    const asked = readFileSync(join(ROOT, 'content/questions-asked.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(asked.length).toBeGreaterThanOrEqual(80);
    // As the search reads them: a voice keyboard's slips (蚕联 for 残联) read by sound.
    const readSlips = slipReader(decodeSounds(readFileSync(join(DIST, 'pagefind', SOUNDS_FILE), 'utf8')), built().lexicon);
    const gaps = asked
      .map((q) => ({ q, ...questionGaps(q, built().lexicon, readSlips) }))
      .filter((g) => g.unknown.length || g.unmatched.length);
    expect(gaps).toEqual([]);
  });
  it('finds a required word no plan uses and nothing maps', () => {
    expect(questionGaps('残疾人办ETC有优惠吗', built().lexicon)).toEqual({ unknown: [], unmatched: ['etc'], fixes: [] });
    expect(questionGaps('残疾人办残疾证有优惠吗', built().lexicon)).toEqual({ unknown: [], unmatched: [], fixes: [] });
  });
});

describe('npm run search', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/search.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  it('answers a question with the topic first and says what it searched', () => {
    const r = run('残疾证怎么办', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.topics[0].slug).toBe('canjiren-zheng');
    expect(out.dropped).toEqual(['怎么办']);
    expect(out.results.length).toBeGreaterThan(0);
    expect(squash(out.results[0].excerpt)).toContain('残疾人证');
  });
  it('a pasted citation gives that clause first; a question of only question words says what to type', () => {
    const cite = run('会宁 专栏3', '--json');
    expect(JSON.parse(cite.stdout).results[0].citation).toMatch(/^《会宁县.*》专栏3/);
    const empty = run('怎么办');
    expect(empty.status).toBe(0);
    expect(empty.stdout).toMatch(/提问用的词/);
  });
});
