/**
 * The plan model: one typed description of a plan, shared by every stage
 * (ingest writes it, the site and the search index read it).
 * Types are derived from the zod schemas so runtime validation and types never drift.
 */
import { z } from 'zod';

/** Administrative level of the issuing government. */
export const LevelSchema = z.enum(['省级', '市级', '县级']);
/** What kind of document the plan is. */
export const KindSchema = z.enum(['规划', '实施方案']);
/** Whether the text is final or a draft. */
export const StatusSchema = z.enum(['正式', '讨论稿', '征求意见稿', '送审稿']);
/** The six task areas, in the order the site shows them. */
export const AreaSchema = z.enum(['保障', '就业', '康复', '教育', '无障碍', '组织']);

/** One entry of the human-edited catalogue (seeds/catalog.yaml). */
/** A calendar date written yyyy-mm-dd (2022-02-30 is refused). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must be written yyyy-mm-dd')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'not a calendar date');

export const CatalogEntrySchema = z.object({
  /** Short ASCII slug used in URLs, e.g. `huining`. */
  slug: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'slug must be lowercase ASCII letters, digits and hyphens'),
  /** Full title as printed, without book-title marks. */
  title: z.string().min(4),
  /** Short name for lists, e.g. 会宁县. */
  shortName: z.string().min(2),
  province: z.string().min(2),
  city: z.string().min(2).optional(),
  county: z.string().min(2).optional(),
  level: LevelSchema,
  /** Issuing body, when the text names it. */
  issuer: z.string().min(2).optional(),
  /** Document number as printed, e.g. 会政办发〔2022〕72号. */
  docNumber: z.string().optional(),
  /** 印发日期: the date the document bears (issued), ISO yyyy-mm-dd. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /**
   * 发布日期: the day the issuing government published the document (on its portal), ISO
   * yyyy-mm-dd; may be later than `date`. Left out when unknown, never guessed.
   */
  published: IsoDateSchema.optional(),
  /**
   * The official document on the issuing government's site (its page or file), as an http(s)
   * address. Left out when unknown: the site links only to addresses a person checked.
   */
  officialUrl: z
    .string()
    .url('officialUrl must be a full address (https://…)')
    .refine((u) => /^https?:\/\//i.test(u), 'officialUrl must start with https:// or http://')
    .optional(),
  kind: KindSchema,
  status: StatusSchema,
  /** Source file name inside seeds/: .txt, .html, .htm, .docx or .pdf (src/pipeline/read/source-formats.ts). */
  source: z.string().regex(/^[^/\\]+\.(?:txt|html?|docx|pdf)$/i, 'a file name in seeds/ ending .txt, .html, .htm, .docx or .pdf'),
});

/** A reference to the source: 1-based line number in the seed file. */
export const SourceLinesSchema = z.array(z.number().int().positive());

/** Lead and partner bodies named in a clause's responsibility note. */
export const ResponsibilitySchema = z.object({
  /** The note as printed, e.g. （牵头部门：…，配合部门：…）. */
  text: z.string(),
  lead: z.array(z.string()),
  partners: z.array(z.string()),
  /** Bodies that carry it out locally (责任单位 / 责任落实), as printed. */
  responsible: z.string().optional(),
});

export const ClauseKindSchema = z.enum(['paragraph', 'clause', 'box-item']);

/**
 * The smallest citable unit: a numbered clause, a box item, or an unnumbered paragraph.
 * `label + paragraphs.join('')` is exactly the cleaned source text of the unit.
 */
export const ClauseSchema = z.object({
  /** Stable readable id from the unit's place, e.g. `c3s2-5`, `box2-1-3`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: ClauseKindSchema,
  /** Number as printed (`5`), null when unnumbered. */
  number: z.string().nullable(),
  /** The printed label including its punctuation, e.g. `5.`; empty when unnumbered. */
  label: z.string(),
  /** Lead sentence (up to the first 。) when the unit starts with one. */
  title: z.string().nullable(),
  /** Text after the label, one string per paragraph. */
  paragraphs: z.array(z.string()).min(1),
  /** Task area; null for overview text (background, principles, implementation). */
  area: AreaSchema.nullable(),
  /** How the area was decided, for the classification report. */
  areaReason: z.string().nullable(),
  responsibility: ResponsibilitySchema.nullable(),
  /** Citation string, e.g. 《会宁县“十四五”残疾人保障和发展规划》三（二）5. */
  citation: z.string(),
  /** True when a source line of this unit was cut off by the extractor (ended in �). */
  incomplete: z.boolean(),
  /** Source line of each piece of the text, in order (a unit may skip lines that belong to a box). */
  lines: SourceLinesSchema,
  /** Offset in `label + paragraphs.join('')` where the piece from `lines[k]` starts. */
  at: z.array(z.number().int().nonnegative()),
});

/** A parsed value of an indicator cell. */
export const IndicatorValueSchema = z.object({
  /** As printed, e.g. `>[1000]`, `——`, `与地区生产总值增长基本同步`. */
  text: z.string(),
  /** The number when the cell is numeric, else null. */
  number: z.number().nullable(),
  /** Comparison printed before the number. */
  op: z.enum(['>', '≥', '<', '≤', '=']).nullable(),
  /** True for `[n]`: a five-year cumulative figure. */
  cumulative: z.boolean(),
});

export const IndicatorSchema = z.object({
  id: z.string(),
  /** Row number as printed. */
  number: z.string(),
  /** Category column as printed (joined when split over lines), null when the table has none. */
  category: z.string().nullable(),
  /** Indicator name as printed, without the unit. */
  name: z.string(),
  unit: z.string().nullable(),
  /** Canonical indicator id from content/indicators.yaml, null when unmapped. */
  canonical: z.string().nullable(),
  baseline2020: IndicatorValueSchema.nullable(),
  target2025: IndicatorValueSchema,
  attribute: z.enum(['约束性', '预期性']),
  /** The row as printed: its cells separated by single spaces, number first. */
  printed: z.string(),
  lines: SourceLinesSchema,
});

/** The marker of a target stated in the plan's text rather than printed in an indicator table. */
export const STATED_IN_TEXT = '文中所述';

/**
 * A target the plan states in a sentence of its text (文中所述), not in an indicator table:
 * 到2025年，…残疾人城乡居民基本养老保险参保率达到90%. Found by src/pipeline/targets/; a
 * measure the plan's own table already has for the same year is left to the table.
 */
export const StatedIndicatorSchema = IndicatorSchema.pick({ name: true, unit: true, canonical: true }).extend({
  /** Stable id: the clause's id and the target's place in it, e.g. `c1-p2-t3`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Always 文中所述: the row comes from the text, not from a table. */
  origin: z.literal(STATED_IN_TEXT),
  /** The target as written (`98%以上`), its number and comparison (以上, 不低于 → ≥; 超过 → >). */
  target: IndicatorValueSchema,
  /** The qualifier as written after or before the number, null when there is none. */
  qualifier: z.enum(['以上', '不低于', '不少于', '超过', '左右']).nullable(),
  /** The year the sentence sets the target for (到2025年 → 2025). */
  year: z.number().int(),
  /** The measure, verb and value as written, e.g. `残疾人城乡居民基本养老保险参保率达到90%`. */
  written: z.string(),
  /** The sentence that states it, as printed (up to and with its 。). */
  sentence: z.string(),
  /** Id and citation of the clause, paragraph or 专栏 item the sentence is in. */
  clause: z.string(),
  citation: z.string(),
  /** Source lines of that clause. */
  lines: SourceLinesSchema,
});

export const BoxGroupSchema = z.object({
  id: z.string(),
  /** Group number as printed (一, 二 …), null for the implicit group of an ungrouped box. */
  number: z.string().nullable(),
  title: z.string().nullable(),
  items: z.array(ClauseSchema),
  lines: SourceLinesSchema,
});

/** A 专栏 box: numbered project items in groups, or an indicator table. */
export const BoxSchema = z.object({
  id: z.string(),
  /** Number as printed: 2, 一, 1-1. */
  number: z.string(),
  title: z.string(),
  /** The title line as printed, only when it differs from `专栏{number} {title}` by more than spacing (专栏1：…). */
  heading: z.string().optional(),
  /** Source line of the 专栏 title. */
  line: z.number().int().positive(),
  groups: z.array(BoxGroupSchema),
  /** The indicator table, when the box is one. */
  table: z
    .object({
      /** Header cells as printed, and the lines they came from. */
      columns: z.array(z.string()),
      headerLines: SourceLinesSchema,
      /** Category cells as printed (joined when split over lines), each with its first line. */
      categories: z.array(z.object({ text: z.string(), line: z.number().int().positive() })),
      rows: z.array(IndicatorSchema),
    })
    .nullable(),
  /** Notes printed under the box, e.g. 注：[ ]表示五年累计数。 */
  notes: z.array(z.object({ text: z.string(), line: z.number().int().positive() })),
  /** Id of the section (or chapter) where the box starts in the source. */
  parent: z.string(),
});

export const SectionSchema = z.object({
  id: z.string(),
  /** Number as printed without brackets (一, 二 …); null when the source prints none. */
  number: z.string().nullable(),
  /** Number implied by the position when none is printed. */
  impliedNumber: z.string().nullable(),
  title: z.string(),
  /** The heading exactly as printed (cleaned). */
  heading: z.string(),
  units: z.array(ClauseSchema),
  /** Source lines of the heading (a long heading wraps) and where each starts in `heading`. */
  lines: SourceLinesSchema,
  at: z.array(z.number().int().nonnegative()),
});

export const ChapterRoleSchema = z.enum(['overview', 'tasks', 'implementation']);

export const ChapterSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  heading: z.string(),
  role: ChapterRoleSchema,
  /** Text directly under the chapter before any section. */
  units: z.array(ClauseSchema),
  sections: z.array(SectionSchema),
  lines: SourceLinesSchema,
});

/** What cleaning removed, so tests can check it is only debris. */
export const RemovalSchema = z.object({
  line: z.number().int().positive(),
  kind: z.enum(['page-number', 'markup', 'cut-mark']),
  text: z.string(),
});

export const PlanSchema = z.object({
  catalog: CatalogEntrySchema,
  /** Lines before the first chapter: notice, title, intro paragraph. */
  front: z.array(ClauseSchema),
  chapters: z.array(ChapterSchema),
  boxes: z.array(BoxSchema),
  removed: z.array(RemovalSchema),
  /** Targets stated in the text (文中所述), in source order; none when the text states none. */
  statedIndicators: z.array(StatedIndicatorSchema),
  /** Hash of the source text and of the curated files, for incremental builds. */
  inputHash: z.string(),
});

export type Level = z.infer<typeof LevelSchema>;
export type Kind = z.infer<typeof KindSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type ClauseKind = z.infer<typeof ClauseKindSchema>;
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type StatedIndicator = z.infer<typeof StatedIndicatorSchema>;
export type BoxGroup = z.infer<typeof BoxGroupSchema>;
export type Box = z.infer<typeof BoxSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type ChapterRole = z.infer<typeof ChapterRoleSchema>;
export type Chapter = z.infer<typeof ChapterSchema>;
export type Removal = z.infer<typeof RemovalSchema>;
export type Plan = z.infer<typeof PlanSchema>;

export const AREAS: readonly Area[] = AreaSchema.options;
