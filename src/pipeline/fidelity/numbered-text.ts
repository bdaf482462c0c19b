/**
 * Lines that begin like a heading or a clause number but were read as plain text.
 *
 * A plan's own hierarchy has at most three levels in the model (chapter, section, clause);
 * numbering deeper than the unit it sits in stays inside that unit's text by design
 * (（1） lines inside clause 1., （一） lines inside clause 一、). Such a line is a sub-item
 * when its family is deeper than the unit's own label and the sub-items of that family in
 * the unit run 1, 2, 3 … in order. Every other line that begins like a number but is text
 * (a 5. inside clause 4., an 一、 inside a 专栏 item, 第1章, a list that starts at 3) is
 * listed: either the structure stage missed a unit, or the catalogue says it is text.
 */
import type { Clause, Plan } from '../../model/plan.ts';
import { clauseText } from '../../model/plan-text.ts';
import type { CleanLine } from '../clean/clean-lines.ts';
import { FAMILIES, matchFamilies } from '../structure/families.ts';
import { numberingAtStart } from './numbering-start.ts';

export interface NumberedTextLine {
  line: number;
  text: string;
  /** The numbering it begins with, as printed. */
  label: string;
  /** Id of the unit whose text holds it. */
  unit: string;
  /** True when it is one of a run of sub-items 1, 2, 3 … deeper than its unit: recognised, not suspect. */
  subItem: boolean;
}

/** Rank of the family a label belongs to (families.ts), or null for a form no family reads. */
export function familyOfLabel(label: string): { id: string; rank: number; value: number } | null {
  const m = matchFamilies(FAMILIES, `${label}x`);
  return m && m.rest === 'x' ? { id: m.family.id, rank: m.family.rank, value: m.value } : null;
}

function unitsOf(plan: Plan): Clause[] {
  return [
    ...plan.front,
    ...plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]),
    ...plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items)),
  ];
}

/**
 * Every line start inside a unit's text that begins like a number.
 * `deepestRank` is the rank of the plan's deepest level (the rank an unnumbered unit sits at).
 */
export function numberedTextLines(plan: Plan, cleaned: CleanLine[], deepestRank: number): NumberedTextLine[] {
  const textsOnLine = new Map<number, string[]>();
  for (const l of cleaned) textsOnLine.set(l.line, [...(textsOnLine.get(l.line) ?? []), l.text]);
  const found: NumberedTextLine[] = [];
  for (const unit of unitsOf(plan)) {
    const text = clauseText(unit);
    const ownRank = unit.label ? (familyOfLabel(unit.label)?.rank ?? deepestRank) : deepestRank;
    /** Next value expected per sub-item family in this unit. */
    const next = new Map<string, number>();
    unit.lines.forEach((line, k) => {
      if (k === 0 && unit.label) return;
      const piece = text.slice(unit.at[k], unit.at[k + 1] ?? text.length);
      // Only a piece that is a whole cleaned line starts a line (a title run into a heading does not).
      if (!(textsOnLine.get(line) ?? []).includes(piece)) return;
      const label = numberingAtStart(piece);
      if (!label) return;
      const family = familyOfLabel(label);
      let subItem = false;
      if (family && family.rank > ownRank) {
        subItem = family.value === (next.get(family.id) ?? 1);
        if (subItem) next.set(family.id, family.value + 1);
      }
      found.push({ line, text: piece, label, unit: unit.id, subItem });
    });
  }
  return found.sort((a, b) => a.line - b.line);
}
