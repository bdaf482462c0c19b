/**
 * Stage 5: plan model → MDX pages (one overview page and one page per task area).
 *
 * Source text never passes through Markdown: every piece of it is a JSON string inside a
 * component's props, so `{ } < > * _ # | \`` and lines starting with import/export render
 * literally. The components (src/components/content/) decide how it looks.
 */
import type { Area, Clause, Plan } from '../../model/plan.ts';
import type { AreaRules } from '../classify/area-rules.ts';
import { tablesAt } from '../../model/indicator-tables.ts';

/** A JS expression that MDX evaluates to exactly this value. */
export function literal(value: unknown): string {
  // JSON is JS; escape the line separators JSON leaves raw so no tool ever sees a line break.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** YAML frontmatter from a flat object of strings, numbers and booleans (JSON strings are valid YAML). */
export function frontmatter(data: Record<string, string | number | boolean | string[]>): string {
  const lines = Object.entries(data).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

function component(name: string, data: unknown): string {
  return `<${name} data={${literal(data)}} />`;
}

/** Props of one clause as the Clause component reads them. */
export function clauseData(unit: Clause) {
  return {
    id: unit.id,
    kind: unit.kind,
    label: unit.label,
    title: unit.title,
    paragraphs: unit.paragraphs,
    citation: unit.citation,
    incomplete: unit.incomplete,
    responsibility: unit.responsibility,
  };
}

interface Placed {
  unit: Clause;
  /**
   * Heading of the container (section or box group) the unit sits in; `path` is that heading
   * in its parts, outermost first (chapter, section; or box, group), so the page can show
   * them as a path (第三章 › （二）) instead of one run-on line.
   */
  container: { id: string; heading: string; path: string[]; kind: 'section' | 'box' };
}

/** All units of a plan with their containers, in source order. */
export function placedUnits(plan: Plan): Placed[] {
  const placed: Placed[] = [];
  for (const chapter of plan.chapters) {
    for (const unit of chapter.units) placed.push({ unit, container: { id: chapter.id, heading: chapter.heading, path: [chapter.heading], kind: 'section' } });
    for (const section of chapter.sections) {
      // The chapter as printed (三、… or 第三章 …), then the section.
      const path = [chapter.heading, section.heading];
      for (const unit of section.units) placed.push({ unit, container: { id: section.id, heading: path.join(' '), path, kind: 'section' } });
    }
  }
  for (const box of plan.boxes) {
    for (const group of box.groups) {
      const path = [`专栏${box.number} ${box.title}`, ...(group.title ? [`${group.number}、${group.title}`] : [])];
      for (const unit of group.items) placed.push({ unit, container: { id: group.id, heading: path.join(' · '), path, kind: 'box' } });
    }
  }
  return placed.sort((a, b) => a.unit.lines[0] - b.unit.lines[0]);
}

export interface EmittedPage {
  /** File name inside the plan's folder. */
  file: string;
  content: string;
}

function areaPage(plan: Plan, area: AreaRules['areas'][number], units: Placed[]): EmittedPage {
  const body: string[] = [];
  let container = '';
  // A section interrupted by a 专栏 comes back after it: its heading is repeated as a continuation.
  const seen = new Map<string, number>();
  for (const { unit, container: c } of units) {
    if (c.id !== container) {
      container = c.id;
      const times = (seen.get(c.id) ?? 0) + 1;
      seen.set(c.id, times);
      const id = `${area.slug}-${c.id}${times > 1 ? `-${times}` : ''}`;
      body.push(component('ContainerHeading', { id, heading: c.heading, path: c.path, kind: c.kind, continued: times > 1 }));
    }
    body.push(component('Clause', clauseData(unit)));
  }
  const head = frontmatter({
    plan: plan.catalog.slug,
    area: area.name,
    areaSlug: area.slug,
    title: `${plan.catalog.shortName} · ${area.title}`,
    units: units.length,
    boxItems: units.filter((u) => u.unit.kind === 'box-item').length,
  });
  return { file: `${area.slug}.mdx`, content: `${head}\n${body.join('\n\n')}\n` };
}

/**
 * A line of a document's head before the first chapter (文号, issuer, a title printed over
 * two lines, date): one short line that is not a sentence. The extractor gives each printed
 * line as its own paragraph, so shown as clauses they would be a title cut into pieces,
 * each with its own copy button.
 */
const HEAD_LINE_MAX = 40;
export const isHeadLine = (unit: Clause): boolean =>
  unit.paragraphs.length === 1 && !unit.label && !unit.incomplete && unit.paragraphs[0].length <= HEAD_LINE_MAX && !/[。！？；：]$/.test(unit.paragraphs[0]);

/** The front matter as runs: consecutive head lines make one block, the rest stay clauses. */
export function frontRuns(front: Clause[]): Array<{ lines: Clause[] } | { clause: Clause }> {
  const runs: Array<{ lines: Clause[] } | { clause: Clause }> = [];
  for (const unit of front) {
    const last = runs.at(-1);
    if (!isHeadLine(unit)) runs.push({ clause: unit });
    else if (last && 'lines' in last) last.lines.push(unit);
    else runs.push({ lines: [unit] });
  }
  return runs;
}

function overviewPage(plan: Plan): EmittedPage {
  const body: string[] = [];
  if (plan.front.length) {
    body.push(component('ContainerHeading', { id: 'front', heading: '发文信息与前言', kind: 'section' }));
    for (const run of frontRuns(plan.front)) {
      if ('clause' in run) body.push(component('Clause', clauseData(run.clause)));
      else body.push(component('HeadLines', { lines: run.lines.map((u) => ({ id: u.id, text: u.paragraphs[0] })) }));
    }
    if (tablesAt(plan, 'front').length) body.push(component('IndicatorTables', { place: 'front' }));
  }
  for (const chapter of plan.chapters) {
    if (chapter.role === 'tasks') {
      body.push(component('TaskChapter', { id: chapter.id, heading: chapter.heading, sections: chapter.sections.map((s) => ({ id: s.id, heading: s.heading })) }));
      continue;
    }
    body.push(component('ChapterHeading', { id: chapter.id, heading: chapter.heading }));
    for (const unit of chapter.units) body.push(component('Clause', clauseData(unit)));
    // An indicator table where the plan prints it: after the text of its chapter or section.
    const tables = (placeId: string) => {
      if (tablesAt(plan, placeId).length) body.push(component('IndicatorTables', { place: placeId }));
    };
    if (!chapter.sections.length) tables(chapter.id);
    for (const section of chapter.sections) {
      body.push(component('SectionHeading', { id: section.id, heading: section.heading }));
      for (const unit of section.units) body.push(component('Clause', clauseData(unit)));
      tables(section.id);
    }
    if (chapter.sections.length) tables(chapter.id);
  }
  const head = frontmatter({ plan: plan.catalog.slug, title: plan.catalog.title });
  return { file: 'overview.mdx', content: `${head}\n${body.join('\n\n')}\n` };
}

export function emitPages(plan: Plan, rules: AreaRules): EmittedPage[] {
  const placed = placedUnits(plan).filter((p) => p.unit.area !== null);
  const pages = [overviewPage(plan)];
  for (const area of rules.areas) {
    const units = placed.filter((p) => p.unit.area === (area.name as Area));
    if (units.length) pages.push(areaPage(plan, area, units));
  }
  return pages;
}
