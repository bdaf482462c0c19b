/**
 * The plan model read back as source text: every heading, clause piece, box title, table
 * row and note with the source line it came from, in source order. Used to prove that the
 * model holds the cleaned source exactly (nothing lost, nothing duplicated), and by the
 * site's source view.
 */
import type { Clause, Plan } from '../../model/plan.ts';

export interface Fragment {
  line: number;
  text: string;
  /** What the fragment is, for the source view. */
  kind: 'heading' | 'unit' | 'box-title' | 'table' | 'note';
  /** Id of the node it belongs to (a clause id, section id, box id …). */
  id: string;
}

/** Text of a clause as printed: its label and paragraphs, no separators. */
export function clauseText(unit: Clause): string {
  return unit.label + unit.paragraphs.join('');
}

function split(text: string, lines: number[], at: number[], kind: Fragment['kind'], id: string): Fragment[] {
  return lines.map((line, k) => ({ line, text: text.slice(at[k], at[k + 1] ?? text.length), kind, id }));
}

const units = (list: Clause[]) => list.flatMap((u) => split(clauseText(u), u.lines, u.at, 'unit', u.id));

/** All fragments, sorted by source line (stable, so pieces of one line keep their order). */
export function planFragments(plan: Plan): Fragment[] {
  const out: Fragment[] = [...units(plan.front)];
  for (const chapter of plan.chapters) {
    out.push({ line: chapter.lines[0], text: chapter.heading, kind: 'heading', id: chapter.id });
    out.push(...units(chapter.units));
    for (const section of chapter.sections) {
      out.push(...split(section.heading, section.lines, section.at, 'heading', section.id));
      out.push(...units(section.units));
    }
  }
  for (const box of plan.boxes) {
    out.push({ line: box.line, text: `专栏${box.number} ${box.title}`, kind: 'box-title', id: box.id });
    if (box.table) {
      out.push({ line: box.table.headerLines[0], text: box.table.columns.join(' '), kind: 'table', id: box.id });
      for (const category of box.table.categories) out.push({ line: category.line, text: category.text, kind: 'table', id: box.id });
      for (const row of box.table.rows) out.push({ line: row.lines[0], text: row.printed, kind: 'table', id: row.id });
    }
    for (const note of box.notes) out.push({ line: note.line, text: note.text, kind: 'note', id: box.id });
    for (const group of box.groups) {
      if (group.number !== null) out.push({ line: group.lines[0], text: `${group.number}、${group.title ?? ''}`, kind: 'heading', id: group.id });
      out.push(...units(group.items));
    }
  }
  return out.map((f, order) => ({ f, order })).sort((a, b) => a.f.line - b.f.line || a.order - b.order).map(({ f }) => f);
}
