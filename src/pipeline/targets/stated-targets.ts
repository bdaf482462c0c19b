/**
 * Targets stated in prose (文中所述): sentences such as
 *   到2025年，…残疾人城乡居民基本养老保险参保率达到90%，…辅具适配率达到98%以上。
 * become indicator rows marked as stated in the text, each citing its clause and sentence.
 *
 * What counts (docs/ingest.md, "Targets stated in the text"):
 * - a sentence (up to 。！？, inside one paragraph) with a target year after the plan's base
 *   year 2020, written 到/至2025年, 2025年前, 2025年底前, 到“十四五”末 …; a measure counts only after such a
 *   year and before any other year the sentence names (2020年…达到95% is a past figure);
 * - a measure, a target verb (达到 达 保持 稳定在 不低于 不少于 提高到/至 提升到/至 超过) and a
 *   number with its unit (% 人 人次 户 个 所 家 名, 万人 …), optionally 以上 or 左右 after it;
 * - for a %, the measure must be named as a rate or share (…率, …比例, …比重, …占比, …比).
 * Not counted: figures already reached (已达到), changes (提高5个百分点, 增长率为8%), goals
 * with no number (覆盖率进一步提高), and a figure with no target year in its sentence.
 *
 * A list of measures sharing one value, `A率和B率达到90%`, is split after each measure that
 * is named in full (A率 | B率), one row each, named as written; `A和B比例达到100%` names one
 * measure (the share of A and B) and stays one row, named as written.
 * Pure functions: no file system, no curated data except the indicator catalogue passed in.
 */
import { STATED_IN_TEXT, type Clause, type Indicator, type StatedIndicator } from '../../model/plan.ts';
import type { IndicatorCatalog } from '../indicators/indicator-catalog.ts';

/** The base year of a 十四五 plan (its tables' 2020年 column): targets are for later years. */
export const BASE_YEAR = 2020;
/** The last year of the 十四五 period (到“十四五”末 is 到2025年). */
export const PERIOD_END = 2025;

export type Qualifier = StatedIndicator['qualifier'];

/** One target found in a sentence, before it is tied to a clause. */
export interface FoundTarget {
  /** The measure as written. */
  name: string;
  number: number;
  /** The unit as written, `%` for ％ too. */
  unit: string;
  qualifier: Qualifier;
  year: number;
  /** Measure(s), verb and value as written. */
  written: string;
  /** The value as written after the verb (`98%以上`), with 不低于 before it when that is the verb. */
  valueText: string;
}

/** The sentences of a paragraph, each up to and with its 。！？ (a last one may have none). */
export function sentencesOf(paragraph: string): string[] {
  return (paragraph.match(/[^。！？!?]+[。！？!?]*|[。！？!?]+/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

interface YearMark {
  year: number;
  /** Where the text after the mark starts. */
  end: number;
  /** 到2025年 / 2025年前: a year a target is set for; a bare 2020年 only ends the previous one's reach. */
  target: boolean;
}

/** Every year a sentence names, in order: whether it sets a target year, and where it ends. */
function yearMarks(sentence: string): YearMark[] {
  const marks: YearMark[] = [];
  for (const m of sentence.matchAll(/(到|至)?\s*((?:19|20)\d{2})\s*年(底|末)?(前|以前)?/g)) {
    const year = Number(m[2]);
    const target = (m[1] !== undefined || m[4] !== undefined) && year > BASE_YEAR;
    marks.push({ year, end: (m.index ?? 0) + m[0].length, target });
  }
  // 到“十四五”末: the end of the plan period, 2025.
  for (const m of sentence.matchAll(/(?:到|至)\s*[“"]?十四五[”"]?\s*(?:时期|期)?末/g)) marks.push({ year: PERIOD_END, end: (m.index ?? 0) + m[0].length, target: true });
  return marks.sort((a, b) => a.end - b.end);
}

const VERBS = ['达到', '保持在', '保持', '稳定在', '不低于', '不少于', '提高到', '提高至', '提升到', '提升至', '超过', '达'];
const UNITS = ['%', '％', '万人次', '万人', '万户', '人次', '人', '户', '个', '所', '家', '名'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
/** verb, number, unit, 以上/左右; the unit must not begin 个百分点 (a change, not a level). */
const TARGET = new RegExp(
  `(均|都|全部|力争|基本|稳定)?(${VERBS.map(escape).join('|')})\\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*(${UNITS.map(escape).join('|')})(?!百分点|倍)(以上|左右)?`,
  'g',
);
/** A measure named as a rate or share. */
const SHARE_NAME = /(率|比例|比重|占比|比)$/;
/** Where a list of measures named in full splits: after a rate or share, before 和 及 与 、. */
const LIST_SPLIT = /(?<=率|比例|比重|占比)(?:以及|和|及|与|、)/;
/** Text that ends a measure's name, looking back from its verb (brackets do not: 乡镇（街道）…率). */
const NAME_STOP = /[，,；;：:。！？!?]/;
/** Marks and words that join a measure to what came before (A率达到90%、B率…), not part of its name. */
const LEAD_WORDS = /^(?:(?:、|以及|和|及|与|并且|并|且|同时|其中|使(?!用)|让|确保|力争)\s*)+/;

const qualifierOf = (verb: string, after: string | undefined): Qualifier => {
  if (verb === '不低于' || verb === '不少于' || verb === '超过') return verb;
  return after === '以上' || after === '左右' ? after : null;
};

/** The targets a sentence states, in order (none when it states none). */
export function findTargets(sentence: string): FoundTarget[] {
  const marks = yearMarks(sentence);
  const found: FoundTarget[] = [];
  let lastEnd = 0;
  for (const m of sentence.matchAll(TARGET)) {
    const at = m.index ?? 0;
    // The year in force is the last one named before the verb; it must be a target year.
    const mark = marks.filter((y) => y.end <= at).at(-1);
    const prevEnd = lastEnd;
    lastEnd = at + m[0].length;
    if (!mark?.target) continue;
    // The name: back from the verb to a comma or semicolon, the year mark or the previous target.
    let start = Math.max(mark.end, prevEnd);
    for (let i = at - 1; i >= start; i--) {
      if (NAME_STOP.test(sentence[i])) {
        start = i + 1;
        break;
      }
    }
    const written = sentence.slice(start, lastEnd).replace(LEAD_WORDS, '').trim();
    const names = sentence.slice(start, at).replace(LEAD_WORDS, '').trim();
    // 已达到: a figure reached, not a target.
    if (!/\p{Script=Han}{2}/u.test(names) || /(已|已经)$/.test(names)) continue;
    const unit = m[4] === '％' ? '%' : m[4];
    const parts = names.split(LIST_SPLIT).map((n) => n.trim()).filter((n) => n.length > 0);
    if (unit === '%' && !parts.every((n) => SHARE_NAME.test(n))) continue;
    const [, , verb, printed, , after] = m;
    // Full-width digits (９８．５) read as the number they print.
    const num = printed.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    const qualifier = qualifierOf(verb, after);
    const valueText = `${verb === '不低于' || verb === '不少于' || verb === '超过' ? verb : ''}${printed}${m[4]}${after ?? ''}`;
    for (const name of parts) found.push({ name, number: Number(num), unit, qualifier, year: mark.year, written, valueText });
  }
  return found;
}

const opOf = (q: Qualifier): StatedIndicator['target']['op'] => (q === '以上' || q === '不低于' || q === '不少于' ? '≥' : q === '超过' ? '>' : null);

/** Names compare without spaces (as the indicator catalogue compares them). */
const nameKey = (name: string) => name.replace(/\s+/g, '');

/**
 * True when the plan's own indicator table already has the measure for the year: the same
 * canonical indicator, or the same name. The table wins: its row is the plan's own figure
 * for it, so the sentence adds no row (its tables give 2025 targets, so only 2025 can clash).
 */
export function inTable(target: Pick<StatedIndicator, 'name' | 'canonical' | 'year'>, tableRows: Indicator[]): boolean {
  if (target.year !== 2025) return false;
  return tableRows.some((r) => (target.canonical !== null && r.canonical === target.canonical) || nameKey(r.name) === nameKey(target.name));
}

/** The text of a clause as the sentences are read: one string per paragraph, the label on the first. */
const paragraphsOf = (clause: Clause): string[] => clause.paragraphs.map((p, k) => (k === 0 ? clause.label + p : p));

/** The stated targets of a plan's clauses (in source order), less those its indicator tables have. */
export function statedIndicators(clauses: Clause[], tableRows: Indicator[], catalog: IndicatorCatalog): StatedIndicator[] {
  const rows: StatedIndicator[] = [];
  for (const clause of clauses) {
    const found = paragraphsOf(clause).flatMap((paragraph) => sentencesOf(paragraph).flatMap((sentence) => findTargets(sentence).map((t) => ({ t, sentence }))));
    found.forEach(({ t, sentence }, k) => {
      // A name the curated file lists as combined (低保 and 两项补贴) is a row per indicator.
      const ids = catalog.canonicalIds(t.name);
      const id = `${clause.id}-t${k + 1}`;
      const each = ids.length > 1 ? ids.map((canonical, j) => ({ canonical, id: `${id}-${j + 1}` })) : [{ canonical: ids[0] ?? null, id }];
      for (const { canonical, id } of each) {
        if (inTable({ name: t.name, canonical, year: t.year }, tableRows)) continue;
        rows.push({
          id,
          origin: STATED_IN_TEXT,
          name: t.name,
          unit: t.unit,
          canonical,
          target: { text: t.valueText, number: t.number, op: opOf(t.qualifier), cumulative: false },
          qualifier: t.qualifier,
          year: t.year,
          written: t.written,
          sentence,
          clause: clause.id,
          citation: clause.citation,
          lines: clause.lines,
        });
      }
    });
  }
  return rows;
}
