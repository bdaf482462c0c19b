// Pure search modules on real data: the query segmenter against nodejieba on real clause
// text, aliases, query planning, excerpts, unspacing, URL parameters. Real nodejieba, real
// plans; no built site needed.
import { beforeAll, describe, expect, it } from 'vitest';
import { ABOUT_MAX, aboutText } from '../../src/search/about.ts';
import { makeExcerpt, textDirective } from '../../src/search/excerpt.ts';
import { makeSegmenter, type SegmenterAlgo } from '../../src/search/segmenter.ts';
import { compileAliases, expandAliases, validateSynonymFile } from '../../src/search/synonyms.ts';
import { planQuery } from '../../src/search/query.ts';
import { paramsFromState, plansInScope, stateFromParams } from '../../src/search/params.ts';
import { indexUserWords, lexiconOf, readFacets } from '../../src/search/corpus.ts';
import { decodeLexicon } from '../../src/search/lexicon.ts';
import { hasHan, isWordToken, unspace } from '../../src/search/text.ts';
import { loadUserWords, subwords, tokenize } from '../../src/search/tokenize.ts';
import { readPage, sectionText } from '../../src/search/eval/html.ts';
import { isRelevant, parseQueries } from '../../src/search/eval/metrics.ts';
import { ROOT, realCorpus, rng } from './helpers.ts';

// The index vocabulary, built exactly as scripts/build-index.ts builds it.
const corpus = realCorpus();
loadUserWords(indexUserWords(corpus));
const vocab = new Set<string>();
for (const r of corpus.records) {
  const tokens = tokenize(r.text);
  for (const t of tokens) if (isWordToken(t)) vocab.add(t);
  for (const t of subwords(r.text, tokens)) vocab.add(t);
}
const lexicon = decodeLexicon(JSON.parse(JSON.stringify(lexiconOf(corpus, vocab))));
const reference = (q: string) => tokenize(q).filter(isWordToken).map((t) => t.toLowerCase());

describe('query segmenter vs nodejieba on real clause text', () => {
  const next = rng(7);
  const runs = corpus.records.flatMap((r) => r.text.match(/\p{Script=Han}{2,}/gu) ?? []);
  // "Query-like": 1–3 consecutive nodejieba words of a real sentence, as people type them.
  const queryLike: string[] = [];
  while (queryLike.length < 500) {
    const run = runs[Math.floor(next() * runs.length)];
    const words = reference(run);
    const k = 1 + Math.floor(next() * 3);
    if (words.length < k) continue;
    const i = Math.floor(next() * (words.length - k + 1));
    const q = words.slice(i, i + k).join('');
    if ([...q].length >= 2) queryLike.push(q);
  }
  // Random 2–8 character substrings (may start or end inside a word).
  const ngrams: string[] = [];
  while (ngrams.length < 500) {
    const run = runs[Math.floor(next() * runs.length)];
    const n = 2 + Math.floor(next() * 7);
    if (run.length < n) continue;
    const i = Math.floor(next() * (run.length - n + 1));
    ngrams.push(run.slice(i, i + n));
  }
  const words = lexicon.words.filter(hasHan);
  const agreement = (algo: SegmenterAlgo, set: string[]) => {
    const seg = makeSegmenter(words, algo);
    return set.filter((q) => seg(q).join(' ') === reference(q).join(' ')).length / set.length;
  };
  const table: Record<string, Record<string, string>> = {};
  const measured: Record<string, number> = {};
  beforeAll(() => {
    for (const algo of ['fmm', 'bmm', 'bimm'] as const) {
      measured[algo] = agreement(algo, queryLike);
      table[algo] = {
        'query-like (500)': `${(100 * measured[algo]).toFixed(1)}%`,
        'random n-grams (500)': `${(100 * agreement(algo, ngrams)).toFixed(1)}%`,
      };
    }
    console.log('token-exact agreement with nodejieba.cut:');
    console.table(table);
  });

  it('BiMM (the shipped variant) agrees on at least 98% of query-like strings', () => {
    expect(measured.bimm).toBeGreaterThanOrEqual(0.98);
  });
  // The sample is drawn from the clause text, so it moves with every change to the plans: one
  // string (公共服务设施, drawn twice, where a tie goes backward) is 0.4% of it. The shipped
  // variant must not trail either direction alone by more than that.
  const SAMPLE_NOISE = 0.005;
  it('BiMM agrees about as often as forward or backward maximum matching alone (within one sampled string)', () => {
    expect(measured.bimm).toBeGreaterThanOrEqual(measured.fmm - SAMPLE_NOISE);
    expect(measured.bimm).toBeGreaterThanOrEqual(measured.bmm - SAMPLE_NOISE);
  });
  it('keeps curated words whole, on both sides', () => {
    for (const w of ['两项补贴', '孤独症', '辅助器具', '残疾人证']) {
      expect(reference(w)).toEqual([w]);
      expect(lexicon.segment(w)).toEqual([w]);
    }
    expect(lexicon.segment('自闭症儿童康复')).toEqual(['自闭症', '儿童', '康复']);
  });
  it('keeps Latin and digit runs whole and lowercases them, like the index', () => {
    expect(lexicon.segment('５G 网络 Wi-Fi')).toEqual(['5g', '网络', 'wi-fi']);
    expect(tokenize('5G网络')).toEqual(['5G', '网络']);
  });
  it('knows which prefixes the index holds (so Pagefind never falls back to a shorter word)', () => {
    expect(lexicon.hasPrefix('护理')).toBe(true);
    expect(lexicon.hasPrefix('量子计算')).toBe(false);
    expect(lexicon.containing('贴')).toContain('补贴');
  });
});

describe('synonyms and aliases', () => {
  const table = lexicon.aliases;
  it('the curated file loads and names the terms people type', () => {
    for (const k of ['自闭症', '残疾证', '特教', '轮椅', '助听器', '低保', '两项补贴']) expect(table[k], k).toBeDefined();
  });
  it('expands typed text, also inside longer text', () => {
    expect(expandAliases('自闭症', table)).toEqual(['自闭症', '孤独症']);
    expect(expandAliases('自闭症儿童', table)).toContain('孤独症儿童');
    expect(expandAliases('残疾证', table)).toContain('残疾人证');
    expect(expandAliases('特教', table)).toContain('特殊教育');
    expect(expandAliases('轮椅', table)).toContain('辅助器具');
    expect(expandAliases('助听器', table)).toContain('辅助器具');
    expect(expandAliases('低保', table)).toContain('最低生活保障');
    expect(expandAliases('两项补贴', table)).toEqual(expect.arrayContaining(['困难残疾人生活补贴', '重度残疾人护理补贴']));
  });
  it('a one-character key is a word only on its own, never a piece of a longer word', () => {
    const t = { 学: ['培训'], 钱: ['补贴'], 自闭症: ['孤独症'] };
    expect(expandAliases('学', t)).toEqual(['学', '培训']);
    expect(expandAliases('学生', t)).toEqual(['学生']);
    expect(expandAliases('药钱', t)).toEqual(['药钱']);
    expect(expandAliases('自闭症学生', t)).toEqual(['自闭症学生', '孤独症学生']);
    // On the shipped table: a question about a pupil is not one about training.
    expect(expandAliases('学生', table)).not.toContain('培训生');
  });
  it('`same` groups work both ways; aliases one way', () => {
    expect(expandAliases('最低生活保障', table)).toContain('低保');
    expect(expandAliases('孤独症', table)).toEqual(['孤独症']);
  });
  it('rejects a malformed file with a readable message', () => {
    expect(() => validateSynonymFile({ aliases: { 自闭症: '孤独症' } })).toThrow(/aliases\.自闭症/);
    expect(() => validateSynonymFile({ words: ['两 项'] })).toThrow(/words/);
    expect(() => validateSynonymFile({ aliases: { a: ['a'] } })).toThrow(/lists itself/);
    expect(() => validateSynonymFile({ extra: 1 })).toThrow(/unknown key/);
  });
});

describe('query planning', () => {
  const plan = (q: string) => planQuery(q, { segment: lexicon.segment, aliases: lexicon.aliases });
  it('an unbroken string is one concept; its tokens are index tokens', () => {
    const p = plan('智力残疾');
    expect(p.concepts).toHaveLength(1);
    expect(p.concepts[0].alternatives[0].tokens).toEqual(reference('智力残疾'));
  });
  it('spaces and punctuation make several concepts (all must match)', () => {
    expect(plan('残疾儿童 康复').concepts.map((c) => c.text)).toEqual(['残疾儿童', '康复']);
    expect(plan('残疾儿童，康复').concepts).toHaveLength(2);
  });
  it('quotes make an exact phrase, never expanded', () => {
    const p = plan('"自闭症" 康复');
    expect(p.concepts[0]).toMatchObject({ phrase: true, text: '自闭症' });
    expect(p.concepts[0].alternatives.map((a) => a.text)).toEqual(['自闭症']);
    expect(plan('“无障碍设施”').concepts[0].phrase).toBe(true);
  });
  it('aliases become alternatives of the concept', () => {
    const texts = plan('自闭症').concepts[0].alternatives.map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining(['自闭症', '孤独症']));
  });
  it('a long word is also searched cut finer (nodejieba cuts by context)', () => {
    const alts = plan('公共交通').concepts[0].alternatives.map((a) => a.tokens.join(' '));
    expect(alts).toEqual(expect.arrayContaining(['公共交通', '公共 交通']));
  });
  it('a one-character query is a one-token concept', () => {
    expect(plan('盲').tokens).toEqual(['盲']);
  });
  it('full-width text is normalised', () => {
    expect(plan('ＡＢＣ　护理补贴').query).toBe('abc 护理补贴');
  });
});

describe('excerpts, unspacing, highlighting', () => {
  it('unspace removes inserted spaces except between Latin/digit runs, looking through <mark>', () => {
    expect(unspace('提高 困难 <mark>残疾人</mark> 生活补贴 ， 5G 网络')).toBe('提高困难<mark>残疾人</mark>生活补贴，5G网络');
    expect(unspace('Wi-Fi network 5G')).toBe('Wi-Fi network 5G');
    expect(unspace('<mark>5G</mark> <mark>Wi-Fi</mark>')).toBe('<mark>5G</mark> <mark>Wi-Fi</mark>');
  });
  it('marks every occurrence, longest needle first, and escapes the text', () => {
    const e = makeExcerpt('落实<困难>残疾人生活补贴和重度残疾人护理补贴', ['护理补贴', '补贴']);
    expect(e.html).toBe('落实&lt;困难&gt;残疾人生活<mark>补贴</mark>和重度残疾人<mark>护理补贴</mark>');
  });
  it('merges touching marks into one', () => {
    expect(makeExcerpt('享受最低生活保障待遇', ['最低', '生活', '保障']).html).toBe('享受<mark>最低生活保障</mark>待遇');
  });
  it('chooses the window with the most distinct words and adds ellipses', () => {
    const text = '甲'.repeat(200) + '孤独症儿童康复' + '乙'.repeat(200);
    const e = makeExcerpt(text, ['孤独症', '康复'], 60);
    expect(e.html.startsWith('…')).toBe(true);
    expect(e.html.endsWith('…')).toBe(true);
    expect(e.html).toContain('<mark>孤独症</mark>儿童<mark>康复</mark>');
  });
  it('builds a text fragment with context on word boundaries, percent-encoding - , &', () => {
    const text = '2.困难残疾人生活补贴和重度残疾人护理补贴。落实困难';
    const d = textDirective(text, makeExcerpt(text, ['护理补贴']));
    expect(d.startsWith(':~:text=')).toBe(true);
    expect(decodeURIComponent(d.replace(':~:text=', ''))).toBe('2.困难残疾人生活补贴和重度残疾人-,护理补贴,-。落实困难');
    const dash = textDirective('a-b 护理', makeExcerpt('a-b 护理', ['a-b']));
    expect(dash).toContain('a%2Db');
  });
});

describe('URL parameters', () => {
  const facets = readFacets(ROOT);
  it('round-trips query and filters, with slugs for plan and area', () => {
    const params = new URLSearchParams('q=护理补贴&plan=huining&area=baozhang&area=overview&status=草案&kind=专栏');
    const state = stateFromParams(params, facets);
    expect(state.filters).toEqual({ plan: ['会宁县'], area: ['保障', '概述'], kind: ['专栏'], status: ['草案'] });
    expect(paramsFromState(state, facets).toString()).toBe(params.toString());
  });
  it('accepts Chinese values and ignores unknown ones', () => {
    const state = stateFromParams(new URLSearchParams('q=x&area=康复&plan=nowhere&level=省级'), facets);
    expect(state.filters).toEqual({ area: ['康复'], level: ['省级'] });
  });
  it('narrows the plans in scope by plan, province, level and status', () => {
    expect(plansInScope(facets, {}).length).toBe(facets.plans.length);
    expect(plansInScope(facets, { level: ['县级'] })).toEqual(expect.arrayContaining(['会宁县', '磴口县']));
    expect(plansInScope(facets, { status: ['草案'] })).not.toContain('会宁县');
  });
});

describe('evaluation helpers', () => {
  it('reads the query set format', () => {
    const q = parseQueries('# c\n残疾儿童 康复\t残疾儿童 & 康复|康复救助\n');
    expect(q[0].forms).toEqual([['残疾儿童', '康复'], ['康复救助']]);
    expect(isRelevant('为 残疾 儿童提供康复', q[0])).toBe(true);
    expect(isRelevant('残疾儿童', q[0])).toBe(false);
  });
  it('reads element and section text from HTML', () => {
    const page = readPage(
      '<html><body><h2 id="a">甲</h2><div id="c" data-clause><p>一</p><p>二&amp;</p></div><h2 id="b">乙</h2><p>丙</p></body></html>',
    );
    expect(page.text.slice(page.byId.get('c')!.start, page.byId.get('c')!.end)).toBe('一二&');
    expect(sectionText(page, 'a')).toBe('甲一二&');
    expect(sectionText(page, 'b')).toBe('乙丙');
  });
});

describe('what a result is about (its link text)', () => {
  it('is the clause\'s short first sentence, without the numbering the citation already gives', () => {
    expect(aboutText('3.“两项补贴”。建立困难残疾人生活补贴……', '专栏')).toBe('“两项补贴”。');
    expect(aboutText('（二）强化残疾人社会保险。落实……', '正文')).toBe('强化残疾人社会保险。');
    expect(aboutText('①建立残疾儿童康复救助制度；扩大……', '专栏')).toBe('建立残疾儿童康复救助制度；');
  });
  it('is the first words up to a pause when the first sentence is long, never the whole clause', () => {
    const long = '1.对正式招录（聘）残疾人的用人单位，按规定给予岗位补贴、社会保险补贴、职业培训补贴、设施设备购置改造补贴、职业技能鉴定补贴。';
    expect(aboutText(long, '专栏')).toBe('对正式招录（聘）残疾人的用人单位…');
    const noPause = '2.' + '残疾人'.repeat(30) + '。';
    const cut = aboutText(noPause, '正文');
    expect([...cut].length).toBeLessThanOrEqual(ABOUT_MAX);
    expect(cut.endsWith('…')).toBe(true);
  });
  it('every real record has a short about text that starts the record\'s own words', () => {
    for (const r of corpus.records) {
      const about = aboutText(r.text, r.kind);
      if (r.kind === '指标') {
        expect(about).toBe(r.text);
        continue;
      }
      expect([...about].length, r.url).toBeLessThanOrEqual(ABOUT_MAX);
      expect(about.length, r.url).toBeGreaterThan(0);
      expect(r.text.includes(about.replace(/…$/, '')), `${r.url}: ${about}`).toBe(true);
    }
  });
  it('indicator rows name the year of each figure', () => {
    const rows = corpus.records.filter((r) => r.kind === '指标');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.text, r.url).toMatch(/：(2020年.+，)?2025年.+/);
    expect(rows.some((r) => r.text.includes('2020年'))).toBe(true);
  });
});
