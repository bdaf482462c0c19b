/**
 * The fidelity check run at every build: the model read back holds every character of the
 * cleaned source; a difference is named by its line and text.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { cleanLines } from '../../src/pipeline/clean/clean-lines.ts';
import { assertFaithful, findLostText } from '../../src/pipeline/fidelity/check-fidelity.ts';
import { catalog, ingestSeed, seedText } from './helpers.ts';

const copy = (plan: Plan): Plan => structuredClone(plan);

describe.each(catalog.map((e) => e.slug))('%s', (slug) => {
  const { lines } = cleanLines(seedText(slug));
  const { plan } = ingestSeed(slug);

  it('holds the cleaned source exactly', () => {
    expect(findLostText(lines, plan)).toBeNull();
    expect(() => assertFaithful('seed.txt', lines, plan)).not.toThrow();
  });
});

describe('a model that lost or gained text', () => {
  const { lines } = cleanLines(seedText('huining'));
  const { plan } = ingestSeed('huining');
  const clause = (p: Plan) => p.chapters[2].sections[1].units.find((u) => u.number === '5')!;

  it('names the line and the missing text when a clause lost its end', () => {
    const broken = copy(plan);
    const unit = clause(broken);
    const last = unit.paragraphs.length - 1;
    const cut = unit.paragraphs[last].slice(-6);
    unit.paragraphs[last] = unit.paragraphs[last].slice(0, -6);
    const lost = findLostText(lines, broken)!;
    expect(lost.line).toBe(unit.lines[unit.lines.length - 1]);
    expect(lost.source.startsWith(cut)).toBe(true);
    expect(() => assertFaithful('001.txt', lines, broken)).toThrow(new RegExp(`^001\\.txt:${lost.line}: fidelity check failed: .*"${cut}`));
  });

  it('names the line when a whole unit is missing', () => {
    const broken = copy(plan);
    const section = broken.chapters[2].sections[1];
    const dropped = section.units.splice(1, 1)[0];
    expect(findLostText(lines, broken)?.line).toBe(dropped.lines[0]);
  });

  it('notices text the source does not have, in the middle and at the end', () => {
    const broken = copy(plan);
    const item = broken.boxes.find((b) => !b.table)!.groups[0].items[0];
    item.paragraphs.push('多出来的字');
    expect(() => assertFaithful('001.txt', lines, broken)).toThrow(new RegExp(`^001\\.txt:\\d+: fidelity check failed: .*the model "多出来的字`));
    item.paragraphs.pop();
    const chapter = broken.chapters.at(-1)!;
    const last = (chapter.sections.at(-1)?.units ?? chapter.units).at(-1)!;
    last.paragraphs.push('多出来的字');
    expect(() => assertFaithful('001.txt', lines, broken)).toThrow(/fidelity check failed: the plan model has text the source does not: "多出来的字"/);
  });
});
