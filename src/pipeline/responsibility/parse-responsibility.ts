/**
 * Responsibility notes at the end of a clause → lead and partner bodies.
 * Two styles are printed:
 *   （牵头部门：自治区民政厅，配合部门：财政厅、残联等，责任单位：各市、县〔区〕）
 *   （民政局、残联牵头，教育局、公安局…按照职能分工负责）
 * The closing bracket is sometimes missing or half-width; the note is kept in the text too.
 */
import type { Responsibility } from '../../model/plan.ts';
import { printedFields } from '../../model/responsibility-note.ts';

/** Split a list of bodies: 民政厅、财政厅、残联等 → [民政厅, 财政厅, 残联]. */
export function splitBodies(list: string): string[] {
  return list
    .replace(/等$/, '')
    .split(/[、，,]/)
    .map((b) => b.trim().replace(/等$/, ''))
    .filter((b) => b !== '');
}

const LABELLED = /[（(](牵头部门[：:][^（(]*)[）)]?$/;
const NARRATIVE = /[（(]([^（()]*?牵头[^（()]*?)[）)]?$/;

export function parseResponsibility(text: string): Responsibility | null {
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const note = text.slice(labelled.index);
    const fields = new Map(printedFields(note).map(([label, words]) => [label ?? '', words]));
    const responsible = fields.get('责任单位') ?? fields.get('责任落实');
    return {
      text: note,
      lead: splitBodies(fields.get('牵头部门') ?? ''),
      partners: splitBodies(fields.get('配合部门') ?? ''),
      ...(responsible ? { responsible } : {}),
    };
  }
  const narrative = NARRATIVE.exec(text);
  if (narrative) {
    const m = /^(.*?)牵头(?:[，,](.*?))?(?:按照职能分工负责|按职责分工负责|负责)?$/.exec(narrative[1]);
    if (!m) return null;
    return { text: text.slice(narrative.index), lead: splitBodies(m[1]), partners: splitBodies(m[2] ?? '') };
  }
  return null;
}
