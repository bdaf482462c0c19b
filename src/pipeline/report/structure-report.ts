/**
 * What the structure stage found in one plan, for people: the levels and the numbering
 * style each uses, how many units of each kind, and every line the structure could not
 * place. `reportStructure` builds the report object (pure); `formatStructureReport` prints it.
 */
import type { Plan } from '../../model/plan.ts';
import type { LeftOverLine } from '../fidelity/draft-coverage.ts';
import { numberingAtStart, numberingStyle } from '../fidelity/numbering-start.ts';
import type { NumberedTextLine } from '../fidelity/numbered-text.ts';

export interface LevelReport {
  /** 章, 节, 条, 款 (sub-items kept in a clause's text), 专栏, 专栏项. */
  level: string;
  /** Each numbering style used at this level, as the label of number one (一、, （一）, 1.), with how often. */
  styles: { style: string; count: number }[];
}

export interface UnplacedLine {
  line: number;
  text: string;
  /** `left-over`: no part of the structure holds the line; `numbered-text`: it begins like a number but was read as text. */
  why: 'left-over' | 'numbered-text';
  /** The catalogue lists the line under `textLines`: it is text, as read. */
  markedAsText: boolean;
}

export interface StructureReport {
  slug: string;
  file: string;
  levels: LevelReport[];
  counts: {
    chapters: number;
    sections: number;
    /** Numbered clauses in the body. */
    clauses: number;
    /** Unnumbered paragraphs in the body (front matter included). */
    paragraphs: number;
    /** Numbered lines deeper than their unit, kept in its text (（1） inside clause 1.). */
    subItems: number;
    boxes: number;
    boxItems: number;
    indicatorRows: number;
  };
  /** Lines the structure could not place, in line order. */
  unplaced: UnplacedLine[];
}

export interface StructureFindings {
  file: string;
  plan: Plan;
  leftOver: LeftOverLine[];
  numberedText: NumberedTextLine[];
  /** Lines the catalogue says are text (`textLines`). */
  textLines: number[];
}

/** Count each style, in order of first use. */
function styles(labels: (string | null)[]): LevelReport['styles'] {
  const counts = new Map<string, number>();
  for (const label of labels) {
    const style = label === null ? '(no number)' : numberingStyle(label);
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  return [...counts].map(([style, count]) => ({ style, count }));
}

export function reportStructure({ file, plan, leftOver, numberedText, textLines }: StructureFindings): StructureReport {
  const sections = plan.chapters.flatMap((c) => c.sections);
  const body = [...plan.front, ...plan.chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)])];
  const clauses = body.filter((u) => u.kind === 'clause');
  const items = plan.boxes.flatMap((b) => b.groups.flatMap((g) => g.items));
  const subItems = numberedText.filter((t) => t.subItem);
  const levels: LevelReport[] = [
    { level: '章', styles: styles(plan.chapters.map((c) => numberingAtStart(c.heading))) },
    { level: '节', styles: styles(sections.map((s) => (s.number === null ? null : numberingAtStart(s.heading)))) },
    { level: '条', styles: styles(clauses.map((u) => u.label)) },
    { level: '款', styles: styles(subItems.map((t) => t.label)) },
    { level: '专栏', styles: styles(plan.boxes.map((b) => `专栏${b.number}`)) },
    { level: '专栏项', styles: styles(items.filter((u) => u.label !== '').map((u) => u.label)) },
  ].filter((l) => l.styles.length > 0);
  const marked = new Set(textLines);
  const unplaced: UnplacedLine[] = [
    ...leftOver.map((l) => ({ line: l.line, text: l.text, why: 'left-over' as const, markedAsText: false })),
    ...numberedText.filter((t) => !t.subItem).map((t) => ({ line: t.line, text: t.text, why: 'numbered-text' as const, markedAsText: marked.has(t.line) })),
  ].sort((a, b) => a.line - b.line);
  return {
    slug: plan.catalog.slug,
    file,
    levels,
    counts: {
      chapters: plan.chapters.length,
      sections: sections.length,
      clauses: clauses.length,
      paragraphs: body.length - clauses.length,
      subItems: subItems.length,
      boxes: plan.boxes.length,
      boxItems: items.length,
      indicatorRows: plan.boxes.reduce((n, b) => n + (b.table?.rows.length ?? 0), 0),
    },
    unplaced,
  };
}

/** Lines the plan is refused for: unplaced and not marked as text in the catalogue. */
export const refusedLines = (report: StructureReport): UnplacedLine[] => report.unplaced.filter((u) => !u.markedAsText);

const SHOWN = 40;
const shorten = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);

/** One unplaced line as `file:line: why "text"`. */
export function formatUnplaced(file: string, u: UnplacedLine): string {
  const why = u.why === 'left-over' ? 'left over, no part of the structure holds it' : 'begins like a number but was read as text';
  return `${file}:${u.line}: ${why}${u.markedAsText ? ' (marked as text in the catalogue)' : ''}: "${shorten(u.text)}"`;
}

/** The report as indented lines for the ingest log. */
export function formatStructureReport(report: StructureReport): string[] {
  const level = (l: LevelReport) =>
    `${l.level} ${l.styles.length === 1 ? l.styles[0].style : l.styles.map((s) => `${s.style} ×${s.count}`).join(' ')}`;
  const c = report.counts;
  const counts = [
    `${c.chapters} chapters`,
    `${c.sections} sections`,
    `${c.clauses} clauses`,
    `${c.paragraphs} paragraphs`,
    ...(c.subItems ? [`${c.subItems} sub-items in clause text`] : []),
    `${c.boxes} 专栏 (${c.boxItems} items)`,
    `${c.indicatorRows} indicator rows`,
  ];
  return [
    `${report.slug} (${report.file})`,
    `  levels: ${report.levels.map(level).join(' / ')}`,
    `  counts: ${counts.join(' · ')}`,
    report.unplaced.length === 0 ? '  unplaced lines: none' : `  unplaced lines: ${report.unplaced.length}`,
    ...report.unplaced.map((u) => `    ${formatUnplaced(report.file, u)}`),
  ];
}
