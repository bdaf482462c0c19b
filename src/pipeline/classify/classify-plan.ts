/**
 * Stage 4: give every clause in a task chapter and every 专栏 item exactly one area.
 * Overview and implementation text keeps area null (it is shown on the plan's overview page).
 */
import type { Area, Clause, Plan } from '../../model/plan.ts';
import { leadTitle } from '../assemble/assemble-plan.ts';
import { IngestError } from '../problems/ingest-error.ts';
import { classify, type AreaRules } from './area-rules.ts';

export interface ClassificationReport {
  plan: string;
  counts: Record<Area, number>;
  /** id → area and the keyword or override that decided it. */
  decisions: { id: string; area: Area; reason: string }[];
}

export function classifyPlan(file: string, plan: Plan, rules: AreaRules): ClassificationReport {
  const counts = Object.fromEntries(rules.areas.map((a) => [a.name, 0])) as Record<Area, number>;
  const decisions: ClassificationReport['decisions'] = [];
  const assign = (unit: Clause, context: { label: string; text: string | null }[]) => {
    const own = { label: 'title', text: unit.title ?? leadTitle(unit.paragraphs[0]) ?? unit.paragraphs[0].slice(0, 40) };
    const result = classify(rules, `${plan.catalog.slug}#${unit.id}`, [own, ...context]);
    if (!result) {
      throw new IngestError(file, unit.lines[0], `no task area for ${unit.id} (${unit.citation}): add a keyword to content/areas.yaml or an override "${plan.catalog.slug}#${unit.id}"`);
    }
    unit.area = result.area;
    unit.areaReason = result.reason;
    counts[result.area]++;
    decisions.push({ id: unit.id, area: result.area, reason: result.reason });
  };

  const sectionTitle = new Map<string, string>();
  const chapterTitle = new Map<string, string>();
  for (const chapter of plan.chapters) {
    chapterTitle.set(chapter.id, chapter.title);
    for (const section of chapter.sections) sectionTitle.set(section.id, section.title);
    if (chapter.role !== 'tasks') continue;
    for (const unit of chapter.units) assign(unit, [{ label: 'chapter', text: chapter.title }]);
    for (const section of chapter.sections) {
      for (const unit of section.units) {
        assign(unit, [
          { label: 'section', text: section.title },
          { label: 'chapter', text: chapter.title },
        ]);
      }
    }
  }
  for (const box of plan.boxes) {
    const parentChapter = box.parent.replace(/s\d+$/, '');
    for (const group of box.groups) {
      for (const item of group.items) {
        assign(item, [
          { label: 'group', text: group.title },
          { label: 'box', text: box.title },
          { label: 'section', text: sectionTitle.get(box.parent) ?? null },
          { label: 'chapter', text: chapterTitle.get(parentChapter) ?? null },
        ]);
      }
    }
  }
  return { plan: plan.catalog.slug, counts, decisions };
}
