// The catalogue's optional 发布日期 (published) and official address (officialUrl): empty
// while unknown (kept out of the model), checked when a person fills them in.
import { describe, expect, it } from 'vitest';
import { CatalogEntrySchema } from '../../src/model/plan.ts';
import { loadCatalog, planFacts } from '../../src/pipeline/catalog/load-catalog.ts';

const entry = (extra: string) => `plans:
  - slug: huining
    title: 会宁县“十四五”残疾人保障和发展规划
    shortName: 会宁县
    province: 甘肃省
    level: 县级
    date: 2022-06-30
    kind: 规划
    status: 正式
    source: a.txt
${extra}`;

const load = (extra: string) => loadCatalog('catalog.yaml', entry(extra), ['a.txt']);

describe('catalogue: published and officialUrl', () => {
  it('empty fields mean unknown: the model has neither', () => {
    const [e] = load('    published:\n    officialUrl:\n');
    const facts = planFacts(e, '正式');
    expect(facts).not.toHaveProperty('published');
    expect(facts).not.toHaveProperty('officialUrl');
    expect(CatalogEntrySchema.parse(facts)).toEqual(facts);
  });

  it('filled in, both reach the model', () => {
    const [e] = load('    published: 2022-07-05\n    officialUrl: https://www.example.gov.cn/a.html\n');
    expect(planFacts(e, '正式')).toMatchObject({ published: '2022-07-05', officialUrl: 'https://www.example.gov.cn/a.html' });
  });

  it.each([
    ['published: 2022-02-30', /catalog\.yaml:11: plans\.0\.published: not a calendar date/],
    ['published: 5 July 2022', /catalog\.yaml:11: plans\.0\.published: a date must be written yyyy-mm-dd/],
    ['published: 2022-06-01', /catalog\.yaml:11: published 2022-06-01 is before the document's date 2022-06-30/],
    ['officialUrl: www.example.gov.cn/a.html', /catalog\.yaml:11: plans\.0\.officialUrl: officialUrl must be a full address/],
    ['officialUrl: javascript:alert(1)', /catalog\.yaml:11: plans\.0\.officialUrl: officialUrl must start with https:\/\/ or http:\/\//],
  ])('%s is refused with the line', (line, message) => {
    expect(() => load(`    ${line}\n`)).toThrow(message);
  });
});
