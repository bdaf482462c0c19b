/**
 * 我可以关注哪些政策 (/finder/): the pure logic shared by the build and the page's script.
 * Answers (from the URL or the form) → the topics that apply, each with why it is listed.
 * The mapping itself is curated data (content/finder.yaml, read and checked by
 * src/site/finder-data.ts); nothing here knows about particular topics or options.
 * No imports: the browser bundle stays tiny.
 */

export interface FinderOption {
  /** Value in the URL, e.g. `child`, `1-2`, a plan slug. */
  value: string;
  label: string;
}

export interface FinderQuestion {
  /** The URL parameter, e.g. `who`. */
  id: string;
  legend: string;
  /** A few characters naming the question, for “why listed”. */
  short: string;
  hint?: string;
  multiple: boolean;
  /** True for the region question: its options are the catalogue's plans (filled in at build time). */
  catalog?: boolean;
  options: FinderOption[];
}

export interface FinderRule {
  always?: boolean;
  /** Question id → option values; every question named must have one of its values. */
  when?: Record<string, string[]>;
  topics: string[];
}

export interface FinderConfig {
  questions: FinderQuestion[];
  rules: FinderRule[];
}

/** Question id → chosen option values (one for single-choice questions). */
export type Answers = Record<string, string[]>;

/** 不确定: never a reason to list a topic unless a rule names it. */
export const UNSURE = 'unsure';

export interface TopicResult {
  slug: string;
  /** Why it is listed, e.g. 家里的情况：需要轮椅、助听器等辅助器具; empty for topics listed for everyone. */
  reasons: string[];
  /** Listed because a rule says it applies to everyone. */
  always: boolean;
}

export interface FinderResult {
  /** True when no topic question has an answer yet: every topic is listed. */
  all: boolean;
  topics: TopicResult[];
}

/** The region question (options from the catalogue), if the config has one. */
export const regionQuestion = (config: FinderConfig): FinderQuestion | undefined => config.questions.find((q) => q.catalog);

/** Answers from a query string or URLSearchParams; unknown parameters and values are dropped. */
export function parseAnswers(config: FinderConfig, search: string | URLSearchParams): Answers {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const answers: Answers = {};
  for (const q of config.questions) {
    const known = new Set(q.options.map((o) => o.value));
    const values = params.getAll(q.id).filter((v, i, all) => known.has(v) && all.indexOf(v) === i);
    // Keep the options' order, so the same answers always give the same URL.
    const ordered = q.options.map((o) => o.value).filter((v) => values.includes(v));
    if (ordered.length > 0) answers[q.id] = q.multiple ? ordered : [values[0]];
  }
  return answers;
}

/** The query string for answers, questions in config order: `?region=huining&need=aids&need=care`, or '' when none. */
export function answersToSearch(config: FinderConfig, answers: Answers): string {
  const params = new URLSearchParams();
  for (const q of config.questions) for (const v of answers[q.id] ?? []) params.append(q.id, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when a question that decides topics (not the region) has an answer other than 不确定. */
export function hasProfile(config: FinderConfig, answers: Answers): boolean {
  return config.questions.some((q) => !q.catalog && (answers[q.id] ?? []).some((v) => v !== UNSURE));
}

/** The chosen plan slug, or null when the region is not answered or 不确定. */
export function chosenPlan(config: FinderConfig, answers: Answers): string | null {
  const q = regionQuestion(config);
  const v = q ? answers[q.id]?.[0] : undefined;
  return v && v !== UNSURE ? v : null;
}

/** Reasons a rule applies to the answers (one per condition), or null when it does not apply. */
function ruleReasons(config: FinderConfig, rule: FinderRule, answers: Answers): string[] | null {
  if (rule.always) return [];
  const reasons: string[] = [];
  for (const [id, values] of Object.entries(rule.when ?? {})) {
    const q = config.questions.find((x) => x.id === id);
    const hit = (answers[id] ?? []).filter((v) => values.includes(v));
    if (!q || hit.length === 0) return null;
    reasons.push(`${q.short}：${hit.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join('、')}`);
  }
  return reasons.length > 0 ? reasons : null;
}

/**
 * The topics that apply to the answers, in `topicOrder` (content/entitlements.yaml order):
 * the ones the answers bring up first, then the ones listed for everyone. Until a topic
 * question is answered (not counting 不确定), every topic is listed.
 */
export function applicableTopics(config: FinderConfig, topicOrder: string[], answers: Answers): FinderResult {
  if (!hasProfile(config, answers)) return { all: true, topics: topicOrder.map((slug) => ({ slug, reasons: [], always: false })) };
  const reasons = new Map<string, string[]>();
  const always = new Set<string>();
  for (const rule of config.rules) {
    const r = ruleReasons(config, rule, answers);
    if (!r) continue;
    for (const slug of rule.topics) {
      if (rule.always) always.add(slug);
      else reasons.set(slug, [...new Set([...(reasons.get(slug) ?? []), ...r])]);
    }
  }
  const specific = topicOrder.filter((s) => reasons.has(s)).map((slug) => ({ slug, reasons: reasons.get(slug)!, always: false }));
  const general = topicOrder.filter((s) => always.has(s) && !reasons.has(s)).map((slug) => ({ slug, reasons: [], always: true }));
  return { all: false, topics: [...specific, ...general] };
}

/** What the live region says, e.g. 根据您的选择，有 6 项政策可能适用。 */
export function countMessage(result: FinderResult): string {
  return result.all
    ? `您还没有选择具体情况，下面列出全部 ${result.topics.length} 项政策。`
    : `根据您的选择，有 ${result.topics.length} 项政策可能适用。`;
}

/** Where a plan applies: enough of a catalogue entry to tell which plans cover which. */
export interface PlanPlace {
  slug: string;
  province: string;
  city?: string;
  county?: string;
}

/**
 * The plans that apply where `slug`'s plan applies: the plan itself first, then the plans of
 * the regions that contain it (its city's plan for a county, its province's plan for a city
 * or county), nearest first. A county reader in 中卫 is also covered by 宁夏's plans.
 */
export function coveringPlans(places: PlanPlace[], slug: string): string[] {
  const own = places.find((p) => p.slug === slug);
  if (!own) return [];
  const depth = (p: PlanPlace) => (p.county ? 3 : p.city ? 2 : 1);
  const contains = (outer: PlanPlace) =>
    outer.slug !== own.slug &&
    depth(outer) < depth(own) &&
    outer.province === own.province &&
    (!outer.city || outer.city === own.city);
  return [own.slug, ...places.filter(contains).sort((a, b) => depth(b) - depth(a)).map((p) => p.slug)];
}

/** Plans up to this many: with the region 不确定, the page fetches every plan's clauses; above it, it links to the topic pages only. */
export const MAX_PLANS_FETCHED = 24;

/** One clause of a plan about one topic, as /finder/<plan>.json carries it. */
export interface FinderClause {
  /** Citation, e.g. 《会宁县“十四五”残疾人保障和发展规划》三（二）5. */
  cite: string;
  /** The clause's anchor on its reading page. */
  href: string;
  /** The clause's label and title or first sentence (link text). */
  lead: string;
  /** The sentences that mention the topic. */
  excerpt: string[];
  /** Lead and partner bodies the clause's responsibility note names (empty when none). */
  lead_bodies: string[];
  partners: string[];
}

/** /finder/<plan>.json: one plan's clauses per topic. */
export interface FinderPlanData {
  slug: string;
  title: string;
  shortName: string;
  region: string;
  /** The province's slug (src/model/provinces.ts): which /finder/regions/<province>.json lists the plan. */
  province: string;
  /** 草案：讨论稿 etc., null for a final plan. */
  draft: string | null;
  topics: Record<string, FinderClause[]>;
}

/**
 * Plans up to this many: the region question is one radio button per plan. Above it, a list
 * of radios stops being usable (a screen reader announces "1 of 3,000"; a keyboard user
 * arrows through every one) and its HTML grows with the catalogue, so the page asks for the
 * province (a <select> of at most 31) and then the plan (a <select> filled from that
 * province's /finder/regions/<province>.json). 12 radios still fit on two phone screens.
 */
export const MAX_REGION_RADIOS = 12;

/** Whether a catalogue of `plans` plans asks for the region in two steps (province, then plan). */
export const regionInSteps = (plans: number): boolean => plans > MAX_REGION_RADIOS;

/** One plan as /finder/regions/<province>.json lists it. */
export interface FinderRegionPlan extends PlanPlace {
  /** The option's text: its region (and, when two plans share one, its short name). */
  label: string;
  /** 草案：讨论稿 etc., null for a final plan. */
  draft: string | null;
}

/** /finder/regions/<province>.json: the plans of one province, in catalogue order. */
export interface FinderRegionList {
  /** Province slug, e.g. `ningxia`. */
  province: string;
  /** Full name, e.g. 宁夏回族自治区. */
  name: string;
  plans: FinderRegionPlan[];
}

/** Responsible bodies named by clauses, lead bodies first, each once. */
export function clauseBodies(clauses: FinderClause[]): string[] {
  return [...new Set([...clauses.flatMap((c) => c.lead_bodies), ...clauses.flatMap((c) => c.partners)])];
}
