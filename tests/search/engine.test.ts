// The query plan and ranking on the real built index, through the engine the page uses
// (run in Node on dist/pagefind).
import { describe, expect, it } from 'vitest';
import type { Hit, SearchOutcome } from '../../src/search/engine.ts';
import { builtSearch, squash } from './helpers.ts';

const { built, search } = builtSearch();
async function everything(o: SearchOutcome): Promise<Hit[]> {
  const all = [...o.hits];
  for (let more = await o.more(); more.length; more = await o.more()) all.push(...more);
  return all;
}

describe('query plan and ranking', () => {
  it('an unbroken string: verbatim records first, then records holding all its words', async () => {
    const o = await search('智力残疾');
    const all = await everything(o);
    const verbatim = (h: Hit) => squash(h.text).includes('智力残疾');
    expect(verbatim(all[0])).toBe(true);
    for (const h of all) expect(h.text.includes('智力') && h.text.includes('残疾'), h.url).toBe(true);
    // Within each plan, verbatim records come before the others.
    for (const plan of new Set(all.map((h) => h.plan))) {
      const flags = all.filter((h) => h.plan === plan).map(verbatim);
      expect(flags.slice(flags.indexOf(false) === -1 ? flags.length : flags.indexOf(false)).every((v) => !v), plan).toBe(true);
    }
    // A plan with verbatim records shows no looser record on the first page; a plan without
    // one shows its best looser record there.
    const verbatimPlans = new Set(o.hits.filter(verbatim).map((h) => h.plan));
    for (const h of o.hits) if (!verbatim(h)) expect(verbatimPlans.has(h.plan), h.url).toBe(false);
    expect(o.looser).toBeGreaterThan(0);
  });

  it('the first page has every plan that holds the words', async () => {
    const o = await search('辅助器具');
    const plans = new Set(o.hits.map((h) => h.plan));
    expect(plans.size).toBe(built().facets.plans.length);
  });

  it('several words narrow the results: every result holds all of them', async () => {
    const both = await everything(await search('残疾儿童 康复'));
    const one = await everything(await search('残疾儿童'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(one.length);
    for (const h of both) expect(h.text.includes('残疾儿童') && h.text.includes('康复'), h.url).toBe(true);
  });

  it('a quoted phrase matches exactly', async () => {
    const all = await everything(await search('"无障碍设施"'));
    expect(all.length).toBeGreaterThan(0);
    for (const h of all) expect(squash(h.text), h.url).toContain('无障碍设施');
  });

  it('aliases find the plans’ own words (自闭症 → 孤独症, 残疾证 → 残疾人证, 低保 ↔ 最低生活保障)', async () => {
    for (const [typed, found] of [
      ['自闭症', '孤独症'],
      ['残疾证', '残疾人证'],
      ['特教', '特殊教育'],
    ]) {
      const o = await search(typed);
      expect(o.hits.length, typed).toBeGreaterThan(0);
      expect(o.hits.every((h) => h.text.includes(found) || h.text.includes(typed)), typed).toBe(true);
    }
    const dibao = await everything(await search('最低生活保障'));
    expect(dibao.some((h) => h.text.includes('低保') && !h.text.includes('最低生活保障'))).toBe(true);
  });

  it('when nothing holds every word, shows records holding some of them, and says so', async () => {
    const o = await search('希望之家 量子计算');
    expect(o.partial).toBe(true);
    expect(o.hits.length).toBeGreaterThan(0);
    expect(o.hits.every((h) => h.text.includes('希望之家'))).toBe(true);
  });

  it('a one-character query and a part of a word still find something', async () => {
    expect((await search('盲')).hits.length).toBeGreaterThan(0);
    const part = await search('贴');
    expect(part.hits.length).toBeGreaterThan(0);
    expect(part.hits.every((h) => h.text.includes('贴'))).toBe(true);
  });

  it('words that are nowhere find nothing (no fallback to a shorter word)', async () => {
    expect((await search('量子计算')).hits).toEqual([]);
  });

  it('filters apply to every result; filters alone list records in document order', async () => {
    const rows = await everything(await search('覆盖率', { kind: ['指标'] }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((h) => h.kind === '指标' && h.url.includes('-r'))).toBe(true);
    const listed = await search('', { plan: ['会宁县'], area: ['康复'] });
    expect(listed.hits.length).toBe(10);
    expect(listed.hits.every((h) => h.plan === '会宁县' && h.area === '康复')).toBe(true);
  });

  it('excerpts mark the words and carry no inserted spaces', async () => {
    const o = await search('孤独症 儿童');
    for (const h of o.hits) {
      expect(h.excerpt.html).toMatch(/<mark>[^<]*孤独症[^<]*<\/mark>/);
      expect(h.excerpt.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    }
  });
});
