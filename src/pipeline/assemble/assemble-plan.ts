/**
 * Stage 3: draft tree → plan model. Gives every unit its stable id (from its place:
 * chapter, section and number as printed), its lead title, paragraphs, citation and
 * responsibility note. Areas are left empty for the classify stage.
 */
import type { Box, BoxGroup, CatalogEntry, Chapter, Clause, Plan, Removal, Section } from '../../model/plan.ts';
import { citedTitle } from '../../model/cited-title.ts';
import type { IndicatorCatalog } from '../indicators/indicator-catalog.ts';
import { parseIndicators } from '../indicators/parse-indicators.ts';
import { statedIndicators } from '../targets/stated-targets.ts';
import { IngestError } from '../problems/ingest-error.ts';
import { parseResponsibility } from '../responsibility/parse-responsibility.ts';
import type { DraftPlan, DraftUnit } from '../structure/draft.ts';
import { chapterRole, type AreaRules } from '../classify/area-rules.ts';

/** Longest lead sentence taken as a unit's title. */
const MAX_TITLE = 60;

/** Title = the first sentence when it is short enough to be a heading. */
export function leadTitle(text: string): string | null {
  const stop = text.indexOf('。');
  return stop > 0 && stop < MAX_TITLE ? text.slice(0, stop + 1) : null;
}

function paragraphsOf(unit: DraftUnit): string[] {
  const paragraphs: string[] = [];
  for (const piece of unit.pieces) {
    if (piece.paragraphStart || paragraphs.length === 0) paragraphs.push(piece.text);
    else paragraphs[paragraphs.length - 1] += piece.text;
  }
  return paragraphs.length ? paragraphs : [''];
}

/** Where each piece starts in label + text: the first piece shares its line with the label. */
function pieceOffsets(unit: DraftUnit): number[] {
  let offset = unit.label.length;
  return unit.pieces.map((piece, k) => {
    const at = k === 0 ? 0 : offset;
    offset += piece.text.length;
    return at;
  });
}

interface Place {
  id: string;
  /** Citation of the container, e.g. 三（二） or 专栏2 一、 */
  cite: string;
}

export function assemblePlan(
  file: string,
  draft: DraftPlan,
  entry: CatalogEntry,
  rules: AreaRules,
  indicatorCatalog: IndicatorCatalog,
  removed: Removal[],
  inputHash: string,
): Plan {
  const book = citedTitle(entry);
  const ids = new Set<string>();
  const claim = (id: string, line: number) => {
    if (ids.has(id)) throw new IngestError(file, line, `two units would get the id "${id}": the numbering repeats where the parser did not expect it`);
    ids.add(id);
    return id;
  };

  const makeUnits = (units: DraftUnit[], place: Place): Clause[] => {
    let paragraphCount = 0;
    return units.map((unit) => {
      const first = unit.pieces[0]?.line ?? 0;
      const local = unit.number !== null ? unit.number : `p${++paragraphCount}`;
      const id = claim(`${place.id}-${local}`, first);
      const paragraphs = paragraphsOf(unit);
      const text = paragraphs.join('');
      const citation = `${book}${place.cite}${unit.number !== null ? unit.label : `第${paragraphCount}段`}`;
      return {
        id,
        kind: unit.kind,
        number: unit.number,
        label: unit.label,
        // A numbered unit leads with its title (1.道路交通无障碍。); an unnumbered one (a 专栏
        // group's plain paragraph) starts with a sentence, not a title.
        title: unit.kind === 'paragraph' || unit.number === null ? null : leadTitle(text),
        paragraphs,
        area: null,
        areaReason: null,
        responsibility: parseResponsibility(text),
        citation,
        incomplete: unit.pieces.some((p) => p.incomplete),
        lines: unit.pieces.map((p) => p.line),
        at: pieceOffsets(unit),
      };
    });
  };

  const front = makeUnits(draft.front, { id: 'front', cite: '正文前' });

  const chapterIds = new Map<number, string>();
  const chapters: Chapter[] = draft.chapters.map((ch) => {
    const base = `c${ch.value}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    claim(id, ch.line);
    chapterIds.set(draft.chapters.indexOf(ch), id);
    const sections: Section[] = ch.sections.map((sec) => {
      const sid = claim(`${id}s${sec.value}`, sec.headingLines[0]);
      return {
        id: sid,
        number: sec.number,
        impliedNumber: sec.impliedNumber,
        title: sec.title,
        heading: sec.heading,
        units: makeUnits(sec.units, { id: sid, cite: `${ch.cite}${sec.cite}` }),
        lines: sec.headingLines,
        at: sec.headingOffsets,
      };
    });
    return {
      id,
      number: ch.number,
      title: ch.title,
      heading: ch.heading,
      role: chapterRole(rules, ch.title),
      units: makeUnits(ch.units, { id, cite: ch.citeAlone }),
      sections,
      lines: [ch.line],
    };
  });

  const boxes: Box[] = draft.boxes.map((b) => {
    const id = claim(`box${b.key}`, b.line);
    const chapterIndex = draft.chapters.findIndex((c) => c.value === b.parent.chapter);
    const chapterId = chapterIds.get(chapterIndex) ?? 'front';
    const parent = b.parent.section ? `${chapterId}s${b.parent.section}` : chapterId;
    const groups: BoxGroup[] = b.groups.map((g) => {
      const gid = claim(g.number === null ? `${id}-g` : `${id}-${g.value}`, g.line ?? b.line);
      const cite = `专栏${b.number}${g.number ? ` ${g.number}、` : ' '}`;
      return {
        id: gid,
        number: g.number,
        title: g.title,
        items: makeUnits(g.items, { id: g.number === null ? id : gid, cite }),
        lines: g.line ? [g.line] : [],
      };
    });
    return {
      id,
      number: b.number,
      title: b.title,
      ...(b.heading ? { heading: b.heading } : {}),
      line: b.line,
      groups,
      table: b.columns.length
        ? {
            columns: b.columns,
            headerLines: b.headerLines,
            categories: b.categories.map((c) => ({ text: c.text, line: c.lines[0].line })),
            rows: parseIndicators(b, id, indicatorCatalog),
          }
        : null,
      notes: b.notes.map((n) => ({ text: n.text, line: n.line })),
      parent,
    };
  });

  // Every clause, paragraph and 专栏 item in source order, for the targets stated in the text.
  const units = [...front, ...chapters.flatMap((c) => [...c.units, ...c.sections.flatMap((s) => s.units)]), ...boxes.flatMap((b) => b.groups.flatMap((g) => g.items))].sort(
    (a, b) => a.lines[0] - b.lines[0],
  );
  const tableRows = boxes.flatMap((b) => b.table?.rows ?? []);
  return { catalog: entry, front, chapters, boxes, removed, statedIndicators: statedIndicators(units, tableRows, indicatorCatalog), inputHash };
}
