// The query dictionary's file format (src/search/lexicon.ts): curated terms the file already names
// as alias keys or question words are not written twice, and the dictionary the browser rebuilds
// is exactly the one of the plain format (index words and every curated term), for one index and
// for several merged into the national one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLexicon, encodeLexicon, mergeLexicons } from '../../src/search/lexicon.ts';
import { lexiconOf } from '../../src/search/corpus.ts';
import { realCorpus } from './helpers.ts';

const term = fc.constantFrom('残疾', '残疾人', '护理', '补贴', '护理补贴', '自闭症', '孤独症', '怎么办', '申请', '坐公交', '乘车', '吃低保', '低保', '康复', '就业', '两项补贴');
const terms = fc.uniqueArray(term, { maxLength: 10 });

/** The plain format's dictionary: the index's Han words and every curated term. */
const expected = (indexWords: string[], curated: string[]) => new Set([...indexWords, ...curated]);

describe('lexicon.json', () => {
  it('rebuilds the plain dictionary, whatever the index, the curated terms, the aliases and the question words', () => {
    fc.assert(
      fc.property(terms, terms, terms, terms, terms, (indexWords, curated, keys, drop, soft) => {
        const aliases = Object.fromEntries(keys.map((k) => [k, ['康复']]));
        const lexicon = decodeLexicon(encodeLexicon(indexWords, curated, aliases, { drop, soft }));
        const want = expected(indexWords, curated);
        for (const w of new Set([...indexWords, ...curated, ...keys, ...drop, ...soft])) expect(lexicon.segment.has(w), w).toBe(want.has(w));
      }),
    );
  });
  it('and so does the national dictionary merged from shards', () => {
    fc.assert(
      fc.property(fc.array(terms, { minLength: 1, maxLength: 4 }), terms, terms, terms, (shards, curated, keys, drop) => {
        const aliases = Object.fromEntries(keys.map((k) => [k, ['康复']]));
        const merged = decodeLexicon(mergeLexicons(shards.map((words) => encodeLexicon(words, curated, aliases, { drop }))));
        const want = expected(shards.flat(), curated);
        for (const w of new Set([...shards.flat(), ...curated, ...keys, ...drop])) expect(merged.segment.has(w), w).toBe(want.has(w));
      }),
    );
  });
  it('carries the senses of words to the browser, in one index and in the national one', () => {
    const senses = { 照顾: [{ when: ['考试'], means: ['合理便利'] }] };
    const one = decodeLexicon(encodeLexicon(['照顾'], [], {}, { senses }));
    expect(one.roles.senses?.get('照顾')).toEqual(senses.照顾);
    const merged = decodeLexicon(mergeLexicons([encodeLexicon(['照顾'], [], {}, { senses }), encodeLexicon(['考试'], [], {}, { senses })]));
    expect(merged.roles.senses?.get('照顾')).toEqual(senses.照顾);
    // A person's case words travel the same way.
    expect([...decodeLexicon(encodeLexicon(['智力'], [], {}, { story: ['智力', '脑瘫'] })).roles.story!]).toEqual(['智力', '脑瘫']);
    expect([...decodeLexicon(mergeLexicons([encodeLexicon(['智力'], [], {}, { story: ['脑瘫'] })])).roles.story!]).toEqual(['脑瘫']);
    // None curated: nothing written, and the browser reads no senses.
    expect('senses' in encodeLexicon(['照顾'], [], {})).toBe(false);
    expect(decodeLexicon(encodeLexicon(['照顾'], [], {})).roles.senses?.size).toBe(0);
    // The built index ships the curated ones.
    expect(Object.keys(lexiconOf(realCorpus(), ['照顾']).senses ?? {})).toContain('照顾');
  });
  it('writes the everyday vocabulary once: no term of `extra` is an alias key or a question word', () => {
    const corpus = realCorpus();
    const json = lexiconOf(corpus, ['残疾人', '护理', '补贴']);
    const named = new Set([...Object.keys(json.aliases), ...json.drop.split('\n'), ...json.soft.split('\n')]);
    const extra = json.extra ? json.extra.split('\n') : [];
    expect(extra.filter((w) => named.has(w))).toEqual([]);
    // Everyday words still cut whole.
    const { segment } = decodeLexicon(json);
    for (const w of ['坐公交', '怎么办', '自闭症']) expect(segment(w), w).toEqual([w]);
  });
});
