/**
 * Indicator rows (cells as the table printed them) → Indicator values.
 * Values are kept as printed and also parsed into numbers where they are numbers.
 */
import type { Indicator, IndicatorValue } from '../../model/plan.ts';
import { normaliseSpacing } from '../clean/clean-lines.ts';
import type { DraftBox, DraftRow } from '../structure/draft.ts';
import type { IndicatorCatalog } from './indicator-catalog.ts';

/** A cell that is a value, not part of an indicator's name: 100, >8%, ＞90, [700], >[1000], ——, ------. */
const VALUE_CELL = /^(?:[>＞<＜≥≤]?\[?\d+(?:\.\d+)?%?\]?|[-—–－]{2,})$/;

const OPS: Record<string, IndicatorValue['op']> = { '>': '>', '＞': '>', '<': '<', '＜': '<', '≥': '≥', '≤': '≤' };

export function parseValue(printed: string): IndicatorValue {
  const text = normaliseSpacing(printed);
  const m = /^([>＞<＜≥≤])?(\[)?(\d+(?:\.\d+)?)%?(\])?$/.exec(text);
  if (!m) return { text, number: null, op: null, cumulative: false };
  return { text, number: Number(m[3]), op: m[1] ? OPS[m[1]] : null, cumulative: Boolean(m[2] && m[4]) };
}

/** Split a printed name into name and unit: 参保率（%） → 参保率, %. */
export function splitUnit(printed: string): { name: string; unit: string | null } {
  const text = normaliseSpacing(printed);
  const m = /^(.*?)[（(]\s*([^（）()]{1,4})\s*[）)]$/.exec(text);
  if (!m || m[1] === '') return { name: text, unit: null };
  return { name: m[1], unit: m[2] };
}

function rowCells(row: DraftRow): { name: string; values: string[]; attribute: string } {
  const cells = row.cells;
  const attribute = cells[cells.length - 1];
  const body = cells.slice(0, -1);
  if (row.tabbed) return { name: body[0], values: body.slice(1), attribute };
  // Space-split rows: the name runs until the first value cell; a text target follows it.
  let k = 0;
  while (k < body.length && (k === 0 || !VALUE_CELL.test(body[k]))) k++;
  return { name: body.slice(0, k).join(''), values: body.slice(k), attribute };
}

export function parseIndicators(box: DraftBox, boxId: string, catalog: IndicatorCatalog): Indicator[] {
  const hasBaseline = box.columns.some((c) => /^20(19|20)年$/.test(c));
  return box.rows.map((row) => {
    const { name: printedName, values, attribute } = rowCells(row);
    const { name, unit } = splitUnit(printedName);
    const baseline = hasBaseline && values.length > 1 ? parseValue(values[0]) : null;
    const target = parseValue((hasBaseline && values.length > 1 ? values.slice(1) : values).join(''));
    return {
      id: `${boxId}-r${row.number}`,
      number: row.number,
      category: row.category,
      name,
      unit,
      canonical: catalog.canonicalId(name),
      baseline2020: baseline,
      target2025: target,
      attribute: attribute as Indicator['attribute'],
      printed: [row.label, ...row.cells].join(' '),
      lines: row.lines.map((l) => l.line),
    };
  });
}
