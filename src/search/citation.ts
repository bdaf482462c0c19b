/**
 * "Citations in, clause out": recognise a citation (or part of one) typed or pasted into
 * the search box — `北海 第三章（二）2`, `《会宁县“十四五”残疾人保障和发展规划》三（二）5.`,
 * `会宁县 专栏2 一、3.` — and find the unit it names.
 *
 * - `buildRefs(plan, areaSlugs)`: at build time, a compact table of every citable unit of a
 *   plan (chapters, sections, clauses, paragraphs, 专栏 boxes, groups, items, indicator rows)
 *   with its numbering, anchor URL, citation, area, kind and the start of its text.
 * - `plansTable(catalog)`: the names people call each plan by.
 * - `parseCitation(query, plans)`: the plan reference and the numbering path, or null.
 * - `resolveCitation(parsed, refs)`: the unit named (the deepest one given), or null.
 *
 * Pure: no Node APIs (it runs in the browser, on JSON fetched from /pagefind/refs/).
 */
import type { Area, CatalogEntry, Clause, Plan } from '../model/plan.ts';
import { citedTitle, titleWithStatus } from '../model/cited-title.ts';

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

/** What a ref is. */
export type RefUnit = 'front' | 'chapter' | 'section' | 'clause' | 'paragraph' | 'box' | 'group' | 'item' | 'row';

/**
 * One citable unit. Numbers are integers (Chinese numerals and full-width digits are
 * converted), a field is absent when the path has no such level:
 * `ch` chapter, `sec` section (printed or implied), `no` clause / item / row number,
 * `par` paragraph ordinal (…第N段), `box` 专栏 number, `grp` 专栏 group, `front` text before
 * the first chapter.
 */
export interface Ref extends CitationPath {
  u: RefUnit;
  /** Model id (clause id, section id, box id, indicator row id …). */
  id: string;
  /** Page path + anchor that shows it, e.g. /plans/huining/baozhang/#c3s2-5 */
  url: string;
  /** The numbering as printed after 《title》, e.g. 三（二）5. or 专栏2 一、3. */
  cite: string;
  /** Chinese area name, or 概述 (overview text, indicator rows, chapters spanning areas). */
  area: string;
  kind: '正文' | '专栏' | '指标';
  /** Heading or the first characters of the text, for an excerpt. */
  text: string;
}

/** Every citable unit of one plan, in document order (chapters first, then 专栏 boxes). */
export interface RefTable {
  v: 1;
  slug: string;
  title: string;
  refs: Ref[];
}

/**
 * How well a name designates a plan: 0 its title, 1 its own name (short name, slug, its own
 * region with or without suffix), 2 a city containing it, 3 a province containing it.
 */
export type NameRank = 0 | 1 | 2 | 3;

export interface PlanNames {
  slug: string;
  title: string;
  shortName: string;
  /** 正式, 讨论稿 or 征求意见稿: a cited clause of a draft says so. */
  status: string;
  /** Normalised names (see `normName`) with their rank. */
  names: [string, NameRank][];
}

export interface PlansTable {
  v: 1;
  plans: PlanNames[];
}

/** The numbering path of a citation (integers, as in `Ref`). */
export interface CitationPath {
  ch?: number;
  sec?: number;
  no?: number;
  par?: number;
  box?: number;
  grp?: number;
  front?: 1;
}

export interface ParsedCitation {
  /** The plan reference as typed, or null when the citation names no plan. */
  planText: string | null;
  /**
   * Slugs of the plans it names, best first (several only when truly ambiguous). Empty
   * when no plan was named (any plan) or the named plan is unknown (`planText` set).
   */
  plans: string[];
  path: CitationPath;
}

// ---------------------------------------------------------------------------------------
// Numbers and names
// ---------------------------------------------------------------------------------------

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '[零〇一二两三四五六七八九十]{1,4}';

/** 三 → 3, 十二 → 12, 二十 → 20, 12 → 12; null when not a number below 100. */
export function numeral(s: string): number | null {
  if (/^\d{1,4}$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]{1,4}$/.test(s)) return null;
  const t = s.indexOf('十');
  if (t < 0) return s.length === 1 ? CN_DIGITS[s] : null;
  if (s.indexOf('十', t + 1) >= 0) return null;
  const tens = t === 0 ? 1 : t === 1 ? CN_DIGITS[s[0]] : NaN;
  const rest = s.slice(t + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? CN_DIGITS[rest] : NaN;
  const n = tens * 10 + ones;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Full-width → half-width, whitespace collapsed, trimmed. */
const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A name for matching: folded, without spaces, quotes and book-title marks. */
export const normName = (s: string): string => fold(s).replace(/[\s"'“”‘’「」『』《》〈〉]/g, '');

/** 北海市 → 北海, 宁夏回族自治区 → 宁夏, 内蒙古自治区 → 内蒙古; null when nothing to strip. */
export function stripRegionSuffix(name: string): string | null {
  const auto = /^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族|维吾尔)?自治[区州县旗]$/.exec(name);
  if (auto) return auto[1];
  const plain = /^(.{2,})(?:省|市|县|区|旗|盟|地区|林区|特区)$/.exec(name);
  return plain ? plain[1] : null;
}

// ---------------------------------------------------------------------------------------
// Ref tables (build time)
// ---------------------------------------------------------------------------------------

const EXCERPT = 120;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s);
const OVERVIEW = '概述';

/** Every citable unit of a plan. `areaSlugs` maps area names to URL slugs (content/areas.yaml). */
export function buildRefs(plan: Plan, areaSlugs: Record<Area, string>): RefTable {
  const slug = plan.catalog.slug;
  const overview = `/plans/${slug}/`;
  const areaPage = (a: Area) => `/plans/${slug}/${areaSlugs[a]}/`;
  const title = citedTitle(plan.catalog);
  const local = (c: Clause) => (c.citation.startsWith(title) ? c.citation.slice(title.length) : c.citation);
  // Same URL rule as the search records (src/search/records.ts, src/site/units.ts).
  const unitUrl = (c: Clause, inBox: boolean) =>
    c.area ? `${areaPage(c.area)}#${c.id}` : inBox ? `/plans/${slug}/source/#line-${c.lines[0]}` : `${overview}#${c.id}`;
  // The heading of a container on an area page, e.g. baozhang-c3s2 (emit-mdx.ts).
  const headingOn = (c: Clause, containerId: string, inBox: boolean) =>
    c.area ? `${areaPage(c.area)}#${areaSlugs[c.area]}-${containerId}` : unitUrl(c, inBox);
  const refs: Ref[] = [];
  const unit = (c: Clause, path: CitationPath, inBox: boolean, u: RefUnit) =>
    refs.push({
      u,
      ...path,
      id: c.id,
      url: unitUrl(c, inBox),
      cite: local(c),
      area: c.area ?? OVERVIEW,
      kind: inBox ? '专栏' : '正文',
      text: excerpt(c.label + c.paragraphs.join('')),
    });
  const body = (c: Clause, path: CitationPath) => {
    const n = c.number === null ? null : numeral(c.number);
    const ord = /-p(\d+)$/.exec(c.id);
    if (n !== null) unit(c, { ...path, no: n }, false, 'clause');
    else if (ord) unit(c, { ...path, par: Number(ord[1]) }, false, 'paragraph');
  };

  plan.front.forEach((c, k) => unit(c, { front: 1, par: Number(/-p(\d+)$/.exec(c.id)?.[1] ?? k + 1) }, false, 'front'));
  for (const ch of plan.chapters) {
    const chn = numeral(ch.number);
    if (chn === null) continue;
    const tasks = ch.role === 'tasks';
    refs.push({ u: 'chapter', ch: chn, id: ch.id, url: `${overview}#${ch.id}`, cite: `${ch.number}、`, area: OVERVIEW, kind: '正文', text: excerpt(ch.heading) });
    for (const c of ch.units) body(c, { ch: chn });
    for (const s of ch.sections) {
      const printed = s.number ?? s.impliedNumber;
      const sn = printed === null ? null : numeral(printed);
      if (sn === null) continue;
      const first = s.units[0];
      const url = !tasks || !first ? `${overview}#${tasks ? ch.id : s.id}` : headingOn(first, s.id, false);
      const area = first?.area && s.units.every((u) => u.area === first.area) ? first.area : OVERVIEW;
      refs.push({ u: 'section', ch: chn, sec: sn, id: s.id, url, cite: `${ch.number}（${printed}）`, area, kind: '正文', text: excerpt(s.heading) });
      for (const c of s.units) body(c, { ch: chn, sec: sn });
    }
  }
  for (const box of plan.boxes) {
    const bn = numeral(box.number);
    if (bn === null) continue;
    const items = box.groups.flatMap((g) => g.items);
    const firstGroup = box.groups.find((g) => g.items.length);
    const url = box.table
      ? `${overview}#${box.id}`
      : firstGroup
        ? headingOn(firstGroup.items[0], firstGroup.id, true)
        : `/plans/${slug}/source/#line-${box.line}`;
    const area = box.table ? OVERVIEW : items[0]?.area && items.every((u) => u.area === items[0].area) ? items[0].area : OVERVIEW;
    refs.push({ u: 'box', box: bn, id: box.id, url, cite: `专栏${box.number}`, area, kind: box.table ? '指标' : '专栏', text: excerpt(`专栏${box.number} ${box.title}`) });
    for (const g of box.groups) {
      const gn = g.number === null ? null : numeral(g.number);
      if (g.number !== null && gn === null) continue;
      if (gn !== null && g.items.length) {
        const ga = g.items.every((u) => u.area === g.items[0].area) ? (g.items[0].area ?? OVERVIEW) : OVERVIEW;
        refs.push({
          u: 'group',
          box: bn,
          grp: gn,
          id: g.id,
          url: headingOn(g.items[0], g.id, true),
          cite: `专栏${box.number} ${g.number}、`,
          area: ga,
          kind: '专栏',
          text: excerpt(`${g.number}、${g.title ?? ''}`),
        });
      }
      for (const c of g.items) {
        const path: CitationPath = gn === null ? { box: bn } : { box: bn, grp: gn };
        const n = c.number === null ? null : numeral(c.number);
        const ord = /-p(\d+)$/.exec(c.id);
        if (n !== null) unit(c, { ...path, no: n }, true, 'item');
        else if (ord) unit(c, { ...path, par: Number(ord[1]) }, true, 'item');
      }
    }
    for (const r of box.table?.rows ?? []) {
      const n = numeral(r.number);
      if (n === null) continue;
      const row = [r.unit ? `${r.name}（${r.unit}）` : r.name, r.baseline2020?.text, r.target2025.text, r.attribute].filter(Boolean).join(' ');
      refs.push({ u: 'row', box: bn, no: n, id: r.id, url: `${overview}#${r.id}`, cite: `专栏${box.number} ${r.number}.`, area: OVERVIEW, kind: '指标', text: excerpt(row) });
    }
  }
  return { v: 1, slug, title: titleWithStatus(plan.catalog), refs };
}

/** The full citation of a ref: 《title》 + numbering. */
export const refCitation = (table: Pick<RefTable, 'title'>, ref: Ref): string => `《${table.title}》${ref.cite}`;

// ---------------------------------------------------------------------------------------
// Plan names
// ---------------------------------------------------------------------------------------

/** The names each plan is called by, with how specifically each names it. */
export function plansTable(catalog: readonly CatalogEntry[]): PlansTable {
  const plans = catalog.map((e): PlanNames => {
    const names = new Map<string, NameRank>();
    const add = (name: string | undefined, rank: NameRank) => {
      if (!name) return;
      for (const n of [name, stripRegionSuffix(name)]) {
        const k = n ? normName(n) : '';
        if (k.length >= 2 && (names.get(k) ?? 9) > rank) names.set(k, rank);
      }
    };
    add(e.title, 0);
    add(titleWithStatus(e), 0);
    add(e.shortName, 1);
    add(e.slug, 1);
    const own = e.level === '省级' ? e.province : e.level === '市级' ? (e.city ?? e.shortName) : (e.county ?? e.shortName);
    add(own, 1);
    if (e.level === '县级') add(e.city, 2);
    if (e.level !== '省级') add(e.province, 3);
    return { slug: e.slug, title: e.title, shortName: e.shortName, status: e.status, names: [...names] };
  });
  return { v: 1, plans };
}

/** Plans a name designates, best first: the best rank present wins; ties are all returned. */
export function findPlans(table: PlansTable, name: string): string[] {
  const k = normName(name);
  let best = 9;
  let out: string[] = [];
  for (const p of table.plans) {
    const hit = p.names.find(([n]) => n === k);
    if (!hit) continue;
    if (hit[1] < best) [best, out] = [hit[1], [p.slug]];
    else if (hit[1] === best) out.push(p.slug);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

const MAX_QUERY = 300;
/** Words that may follow a plan's name: 中卫市规划, 会宁的规划, 宁夏实施方案. */
const FILLER = /^(?:的)?(?:"?十四五"?)?(?:残疾人)?(?:保障和发展|事业发展)?(?:规划|实施方案|方案)?(?:的)?/;

const ITEM_FORMS: [RegExp, keyof CitationPath][] = [
  [/^第\s*(\d{1,3})\s*段/, 'par'],
  [new RegExp(`^第\\s*(\\d{1,3}|${CN})\\s*[条项款]`), 'no'],
  [/^\(\s*(\d{1,3})\s*\)/, 'no'],
  [/^(\d{1,3})(?![\d年月日%万亿元个人名家所])\s*[.、,]?/, 'no'],
];

/** The numbering path at the start of `s`, and how much of `s` it used; null when none. */
function parsePath(s: string, bareChapter = false): { path: CitationPath; used: number } | null {
  let rest = s;
  const path: CitationPath = {};
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length).replace(/^\s+/, '');
    return m;
  };
  const item = (): boolean => {
    for (const [re, key] of ITEM_FORMS) {
      const m = eat(re);
      if (m) {
        const n = numeral(m[1]);
        if (n === null) return false;
        path[key] = n as never;
        return true;
      }
    }
    return true;
  };
  let structural = false;
  let m: RegExpExecArray | null;
  if ((m = eat(/^正文前\s*第?\s*(\d{1,3})\s*段/))) {
    path.front = 1;
    path.par = Number(m[1]);
    structural = true;
  } else if ((m = eat(new RegExp(`^专栏\\s*(\\d{1,3}|${CN})(?![\\d])\\s*[:.]?`)))) {
    path.box = numeral(m[1]) ?? undefined;
    if (path.box === undefined) return null;
    structural = true;
    const g = eat(new RegExp(`^(?:第\\s*)?(${CN})\\s*[、.,]|^\\(\\s*(${CN})\\s*\\)|^第\\s*(${CN})\\s*[组类部分]`));
    if (g) {
      const n = numeral(g[1] ?? g[2] ?? g[3]);
      if (n === null) return null;
      path.grp = n;
    }
    if (!item()) return null;
  } else {
    const ch = eat(
      new RegExp(
        `^第\\s*(${CN}|\\d{1,2})\\s*(?:章|部分)|^(${CN})\\s*[、.,]|^(${CN})(?=\\s*(?:\\(\\s*${CN}\\s*\\)|第\\s*(?:${CN}|\\d{1,2})\\s*节))` +
          (bareChapter ? `|^(${CN})(?=\\s*(?:\\d|$))` : ''),
      ),
    );
    if (ch) {
      const n = numeral(ch[1] ?? ch[2] ?? ch[3] ?? ch[4]);
      if (n === null) return null;
      path.ch = n;
      structural = true;
    }
    const sec = eat(new RegExp(`^\\(\\s*(${CN})\\s*\\)|^第\\s*(${CN}|\\d{1,2})\\s*节`));
    if (sec) {
      const n = numeral(sec[1] ?? sec[2]);
      if (n === null) return null;
      path.sec = n;
      structural = true;
    }
    if (!structural) return null;
    if (!item()) return null;
  }
  return structural ? { path, used: s.length - rest.length } : null;
}

const TRAILER = /^[\s。.,;:!?]*$/;

/**
 * Recognises a citation or part of one: an optional plan reference (《title》, a title or a
 * name, before or after) and a numbering path. Null for ordinary queries and for a plan
 * name alone.
 */
export function parseCitation(query: string, plans: PlansTable): ParsedCitation | null {
  if (typeof query !== 'string' || query.length > MAX_QUERY) return null;
  const q = fold(query);
  if (!q) return null;
  const tryPath = (s: string, bareChapter = false): CitationPath | null => {
    const p = parsePath(s.replace(/^\s+/, ''), bareChapter);
    if (!p) return null;
    return TRAILER.test(s.replace(/^\s+/, '').slice(p.used)) ? p.path : null;
  };
  const done = (planText: string | null, slugs: string[], path: CitationPath | null): ParsedCitation | null =>
    path ? { planText, plans: slugs, path } : null;

  // 《title》 or 《part of a title》 first.
  const book = /^《([^《》]*)》?/.exec(q);
  if (book) {
    const inner = book[1];
    const path = tryPath(q.slice(book[0].length), inner.trim() !== '');
    if (!path) return null;
    return done(inner, inner.trim() ? plansFor(plans, inner) : [], path);
  }

  // No plan: the path is the whole query.
  const bare = tryPath(q);
  if (bare) return done(null, [], bare);

  // A known name (or title) at the start, longest first, then optional filler.
  const flat = q.replace(/\s+/g, ' ');
  const prefix = namePrefix(plans, flat);
  if (prefix) {
    const rest = flat.slice(prefix.used).replace(/^\s+/, '');
    // The filler is matched on a copy with “” as " (same length).
    const filler = FILLER.exec(rest.replace(/[“”]/g, '"'));
    const restAfter = filler && filler[0] ? rest.slice(filler[0].length) : rest;
    const path = tryPath(restAfter, true) ?? tryPath(rest, true);
    if (path) return done(prefix.text, findPlans(plans, prefix.name), path);
  }

  // Path first, name after: 三（二）5 会宁.
  const p = parsePath(flat);
  if (p) {
    const tail = flat.slice(p.used).replace(/^[\s,，]+/, '').replace(/[\s。.]+$/, '');
    const hit = tail && namePrefix(plans, tail);
    if (hit && hit.used === tail.length) return done(hit.text, findPlans(plans, hit.name), p.path);
  }
  return null;
}

/** Plans named by the text inside 《》: exact title or name, else names it contains. */
function plansFor(plans: PlansTable, inner: string): string[] {
  const exact = findPlans(plans, inner);
  if (exact.length) return exact;
  const k = normName(inner);
  // The most specific (lowest rank), then longest name the text contains.
  let best: { rank: number; len: number } | null = null;
  let out: string[] = [];
  for (const p of plans.plans) {
    let mine: { rank: number; len: number } | null = null;
    for (const [n, r] of p.names) {
      if (r === 0 || !k.includes(n)) continue;
      if (!mine || r < mine.rank || (r === mine.rank && n.length > mine.len)) mine = { rank: r, len: n.length };
    }
    if (!mine) continue;
    if (!best || mine.rank < best.rank || (mine.rank === best.rank && mine.len > best.len)) [best, out] = [mine, [p.slug]];
    else if (mine.rank === best.rank && mine.len === best.len) out.push(p.slug);
  }
  return out;
}

/** The longest known plan name `s` starts with (spaces and quotes ignored). */
function namePrefix(plans: PlansTable, s: string): { name: string; text: string; used: number } | null {
  let best: { name: string; text: string; used: number } | null = null;
  for (const p of plans.plans) {
    for (const [n] of p.names) {
      if (best && n.length <= best.name.length) continue;
      const used = matchNormalisedPrefix(s, n);
      if (used > 0) best = { name: n, text: s.slice(0, used).trim(), used };
    }
  }
  return best;
}

/** How many characters of `s` spell `name` (ignoring spaces, quotes, 《》); 0 when they do not. */
function matchNormalisedPrefix(s: string, name: string): number {
  let i = 0;
  let j = 0;
  while (j < name.length && i < s.length) {
    if (/[\s"'“”‘’「」『』《》〈〉]/.test(s[i])) {
      i++;
      continue;
    }
    if (s[i] !== name[j]) return 0;
    i++;
    j++;
  }
  return j === name.length ? i : 0;
}

// ---------------------------------------------------------------------------------------
// Resolving
// ---------------------------------------------------------------------------------------

/** The refs inside each chapter or box: from its ref up to the next chapter or box. */
function scopes(refs: Ref[], head: 'chapter' | 'box'): { head: Ref; inside: Ref[] }[] {
  const out: { head: Ref; inside: Ref[] }[] = [];
  let cur: { head: Ref; inside: Ref[] } | null = null;
  for (const r of refs) {
    if (r.u === 'chapter' || r.u === 'box') cur = r.u === head ? { head: r, inside: [] } : null;
    if (cur) {
      if (cur.head === r) out.push(cur);
      else cur.inside.push(r);
    }
  }
  return out;
}

const isLeaf = (p: CitationPath) => p.no !== undefined || p.par !== undefined;

/** In one chapter (or box): the unit named by the levels below it, tolerating a missing middle level. */
function within(inside: Ref[], mid: 'sec' | 'grp', p: CitationPath): Ref | null {
  const hit = withinExact(inside, mid, p);
  if (hit || p.no === undefined || p.par !== undefined) return hit;
  // A number given for a container whose units are unnumbered paragraphs: the Nth paragraph.
  const m = p[mid];
  const box = inside.filter((r) => r[mid] === m && (r.no !== undefined || r.par !== undefined));
  if (!box.length || box.some((r) => r.no !== undefined)) return null;
  return withinExact(inside, mid, { ...p, no: undefined, par: p.no });
}

function withinExact(inside: Ref[], mid: 'sec' | 'grp', p: CitationPath): Ref | null {
  const m = p[mid];
  if (!isLeaf(p)) return m === undefined ? null : (inside.find((r) => r[mid] === m && !isLeaf(r)) ?? null);
  const hits = inside.filter((r) => r.no === p.no && r.par === p.par && (m === undefined || r[mid] === m));
  if (m !== undefined || hits.length === 1) return hits[0] ?? null;
  // No middle level given: a unit directly in the chapter or box wins, else a unique one.
  return hits.find((r) => r[mid] === undefined) ?? null;
}

/**
 * The unit a citation names in one plan's table (the deepest level given), or null.
 * Tolerant: 第三章（二）2 and 三（二）2. are the same path; a chapter number printed twice
 * tries each occurrence in order; a chapter number no chapter prints falls back to the
 * chapter at that position (北海 prints 一、二、四、四); a clause or item number without its
 * section or group resolves when exactly one unit of the chapter or box has it; a section
 * without its chapter resolves when exactly one chapter has it.
 */
export function resolveCitation(parsed: ParsedCitation | CitationPath, table: RefTable): Ref | null {
  const p: CitationPath = parsed && 'path' in parsed ? parsed.path : (parsed as CitationPath);
  const refs = table?.refs;
  if (!p || !Array.isArray(refs)) return null;
  if (p.front) return refs.find((r) => r.front && r.par === p.par) ?? null;
  if (p.box !== undefined) {
    for (const b of scopes(refs, 'box').filter((s) => s.head.box === p.box)) {
      if (p.grp === undefined && !isLeaf(p)) return b.head;
      const hit = within(b.inside, 'grp', p);
      if (hit) return hit;
    }
    return null;
  }
  const chapters = scopes(refs, 'chapter');
  if (p.ch === undefined) {
    if (p.sec === undefined) return null;
    const hits = chapters.map((c) => within(c.inside, 'sec', p)).filter((r): r is Ref => r !== null);
    return hits.length === 1 ? hits[0] : null;
  }
  let named = chapters.filter((c) => c.head.ch === p.ch);
  if (!named.length && chapters[p.ch - 1]) named = [chapters[p.ch - 1]];
  for (const c of named) {
    if (p.sec === undefined && !isLeaf(p)) return c.head;
    const hit = within(c.inside, 'sec', p);
    if (hit) return hit;
  }
  return null;
}

/**
 * Resolves in several plans' tables (when the citation names no plan, an unknown one, or an
 * ambiguous name): every plan where the path names a unit, in the order of `tables`.
 */
export function resolveInPlans(parsed: ParsedCitation, tables: readonly RefTable[]): { slug: string; ref: Ref }[] {
  const wanted = parsed.plans.length ? tables.filter((t) => parsed.plans.includes(t.slug)) : tables;
  return wanted.flatMap((t) => {
    const ref = resolveCitation(parsed, t);
    return ref ? [{ slug: t.slug, ref }] : [];
  });
}
