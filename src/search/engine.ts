/**
 * The search engine on top of Pagefind, shared by the browser and the CLI (pure: it only
 * needs an object with Pagefind's `search()`).
 *
 * Pagefind answers one term at a time here: for every token of the query plan it returns
 * the records holding a word that starts with the token, with the positions of those words.
 * From these the engine ranks records in tiers:
 *
 *   1. verbatim — every typed word appears as typed (its tokens at consecutive positions,
 *      or one of its aliases does);
 *   2. all words — every typed word is present, but not as one string; ranked by how close
 *      its parts are;
 *   3. partial — some words; only shown when nothing matches every word (or, with
 *      `fill: 'ten'`, to fill the first page up to ten).
 *
 * Then the first `window` results are fetched, checked against their text (a tier-2
 * record whose text holds the words verbatim moves up; a quoted phrase that is not in the
 * text is dropped) and interleaved by plan within each tier, so the first page shows the
 * clause of every region that has one.
 */
import { refCitation } from './citation.ts';
import { lookUpCitation, type CitedUnit, type RefSource } from './cited.ts';
import { aboutText } from './about.ts';
import { visibleContent } from './enumerations.ts';
import { makeExcerpt, type Excerpt } from './excerpt.ts';
import type { Lexicon } from './lexicon.ts';
import { indexForm } from './lexicon.ts';
import { holdsUnknown, planWithLexicon, type Concept, type QueryPlan } from './query.ts';
import { slipReader, type SoundFix, type SoundTable } from './sounds.ts';
import { matchTopics, type TopicRef } from './topic-match.ts';
import { OVERVIEW_AREA, TOPIC_FILTER, type FilterName } from './records.ts';
import { compact, unspace } from './text.ts';

export interface PfData {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta?: Record<string, string>;
  excerpt?: string;
}
export interface PfResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PfData>;
}
export interface PagefindApi {
  /** Loads the index chunks the words of `term` need, without searching. */
  preload(term: string): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PfResult[] } | null>;
}

export type Filters = Partial<Record<FilterName, string[]>>;

export interface EngineOptions {
  filters?: Filters;
  /** Results fetched, checked and interleaved before the first page is shown. */
  window?: number;
  /** 'empty': partial matches only when nothing matches every word; 'ten': also to fill the first page. */
  fill?: 'empty' | 'ten';
  /**
   * Where non-verbatim matches of plans that also have a verbatim match go: 'after' (default)
   * behind the verbatim and uncovered-plan results, only on request (`more()`); 'inline'
   * right after the verbatim results, on the first page if it has room.
   */
  looser?: 'after' | 'inline';
  pageSize?: number;
  /** Characters of excerpt. */
  excerptLength?: number;
  /**
   * Plan filter values in scope (after the user's filters). When there are at most
   * `PLAN_LABEL_LIMIT`, every candidate is labelled with its plan before ranking, so the
   * first page interleaves all plans that match; otherwise only the fetched window is.
   */
  plans?: string[];
}

export const PLAN_LABEL_LIMIT = 24;
/** A question's word held by more than this share of all records only ranks (see commonConcepts). */
export const COMMON_SHARE = 0.4;
/** Partial matches weaker than this share of the best one wait behind the button. */
export const PARTIAL_SHARE = 0.6;
/** How much more the last word of a question (what it asks about) weighs in a partial match. */
export const HEAD_WEIGHT = 1.5;
/** How much higher a clause of the topic a question names ranks within its tier. */
export const TOPIC_BOOST = 2;
/**
 * How much higher a partial match ranks when the page of the topic the question names lists it:
 * a story question (照顾瘫痪闺女…喘口气) shares incidental words with many clauses, and the topic
 * says which of them are about what it asks (0.710 / 0.811 → 0.729 / 0.809 on the 188; at 2,
 * plan recall fell to 0.803).
 */
export const TOPIC_PARTIAL_BOOST = 1.5;
/**
 * How much lower a question's partial match ranks when it is in no task area (概述): long
 * background paragraphs hold many of a question's words in passing (0.745 / 0.793 → 0.748 /
 * 0.795 on the 904; 0.6 and 0.4 gave no more precision and less recall).
 */
export const BACKGROUND_PARTIAL = 0.8;

/** 0: the unit a pasted citation names; 1 verbatim; 2 all words; 3 partial. */
export type Tier = 0 | 1 | 2 | 3;

export interface Hit {
  id: string;
  url: string;
  tier: Tier;
  plan: string;
  area: string;
  kind: string;
  status: string;
  /** 讨论稿 / 征求意见稿, or null for a final plan. */
  draft: string | null;
  cite: string;
  /** What it is about in a few words (its title or first words): the result's link text. */
  about: string;
  /** The record's text (inserted spaces removed). */
  text: string;
  excerpt: Excerpt;
}

export interface SearchOutcome {
  plan: QueryPlan;
  /** Results of the main list (an estimate until all are fetched: a few may be dropped). */
  total: number;
  /** Further non-verbatim matches from plans that have verbatim ones (after the main list). */
  looser: number;
  hits: Hit[];
  /** Nothing matched every word: the list holds partial or near matches. */
  partial: boolean;
  /** No word matched at all: the list holds index words that contain the typed text. */
  approximate: boolean;
  /** The query was a citation: the list holds the units it names (tier 0). */
  cited: boolean;
  /** The topics the query names, best first (shown before the clauses). */
  topics: TopicRef[];
  /** The next page ([] when none). */
  more: () => Promise<Hit[]>;
  /** Time spent: Pagefind searches (tokens, plan labels), fetching result fragments, all. */
  millis: { search: number; fragments: number; total: number };
}

interface TokenHits {
  df: number;
  byId: Map<string, { score: number; pos: Set<number>; result: PfResult }>;
}

interface Candidate {
  result: PfResult;
  tier: Tier;
  key: number;
  /** Plan filter value, when known before fetching. */
  plan?: string;
  /** Concept states: 2 adjacent, 1 present, 0 missing. */
  states: number[];
  /** The key before a topic's lift: how well the words match, for cutting weak partial matches. */
  strength: number;
}

const toPagefindFilters = (filters: Filters | undefined) => {
  const out: Record<string, { any: string[] }> = {};
  for (const [k, v] of Object.entries(filters ?? {})) if (v && v.length) out[k] = { any: v };
  return out;
};

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class SearchEngine {
  constructor(
    private readonly pagefind: PagefindApi,
    readonly lexicon: Lexicon,
    private readonly extras: {
      /** Where the citation tables come from; without it, citations are searched as words. */
      refs?: RefSource;
      /** The 我能享受哪些政策 topics: the one a question names comes first, and its clauses rank higher. */
      topics?: readonly TopicRef[];
      /** The sound table (sounds.txt), fetched the first time a query holds characters no word explains. */
      sounds?: () => Promise<SoundTable>;
    } = {},
  ) {}

  private slips: Promise<ReturnType<typeof slipReader> | null> | null = null;

  /**
   * The query with its pinyin slips read as the words meant (残急人补帖 → 残疾人补贴), or null when
   * it holds none. Only a query with characters no word explains loads the sound table.
   */
  private async withoutSlips(query: string): Promise<{ query: string; fixes: SoundFix[] } | null> {
    if (!this.extras.sounds) return null;
    if (!holdsUnknown(query, this.lexicon)) return null;
    // A table that did not load is asked for again by the next such query.
    this.slips ??= this.extras
      .sounds()
      .then((sounds) => slipReader(sounds, this.lexicon))
      .catch(() => ((this.slips = null), null));
    const read = await this.slips;
    if (!read) return null;
    const fixed = read(query);
    return fixed.fixes.length ? fixed : null;
  }

  /** Record id → plan filter value, learnt from one filter-only search per plan (cached). */
  private readonly planOfId = new Map<string, string>();
  private readonly labelled = new Map<string, Promise<void>>();

  private labelPlans(plans: string[]): Promise<void[]> {
    return Promise.all(
      plans.map((p) => {
        let done = this.labelled.get(p);
        if (!done) {
          done = this.pagefind.search(null, { filters: { plan: p } }).then((r) => {
            for (const res of r?.results ?? []) this.planOfId.set(res.id, p);
          });
          this.labelled.set(p, done);
        }
        return done;
      }),
    );
  }

  plan(query: string): QueryPlan {
    return planWithLexicon(query, this.lexicon);
  }

  async search(query: string, opts: EngineOptions = {}): Promise<SearchOutcome> {
    const t0 = now();
    let plan = this.plan(query);
    // Staff paste a citation (会宁 专栏3, 《…规划》第四章（一）3): that unit is the answer.
    const cited = this.extras.refs ? await lookUpCitation(query, this.extras.refs).catch(() => []) : [];
    if (cited.length) return this.citedOutcome(plan, cited, t0);
    // Words typed with a pinyin slip (补帖 for 补贴) are read as the words meant, and the page says so.
    const unslipped = await this.withoutSlips(query);
    if (unslipped) {
      query = unslipped.query;
      plan = { ...this.plan(query), fixes: unslipped.fixes };
    }
    const topics = this.topicsOf(plan);
    const filters = toPagefindFilters(opts.filters);
    const pageSize = opts.pageSize ?? 10;
    let pfMillis = 0;

    // No words: list the filtered records in document order (or nothing without filters).
    if (!plan.concepts.length) {
      if (!Object.keys(filters).length) return this.outcome(plan, { main: [], looser: [] }, { partial: false, approximate: false, topics }, opts, 0, t0);
      const t = now();
      const r = await this.pagefind.search(null, { filters, sort: { order: 'asc' } });
      pfMillis += now() - t;
      const main = (r?.results ?? []).map((result, i): Candidate => ({ result, tier: 1, key: -i, strength: -i, states: [] }));
      return this.outcome(plan, { main, looser: [] }, { partial: false, approximate: false, topics }, opts, pfMillis, t0);
    }

    const cache = new Map<string, TokenHits>();
    const lookup = async (tokens: string[]) => {
      const todo = tokens.filter((t) => !cache.has(t));
      await Promise.all(
        todo.map(async (tok) => {
          const hits: TokenHits = { df: 0, byId: new Map() };
          cache.set(tok, hits);
          // A token no indexed word starts with would make Pagefind fall back to a shorter
          // word (量子 → 量); such a token simply matches nothing.
          const ext = this.lexicon.extensions(tok);
          if (!ext.length) return;
          // Pagefind loads only the index chunk the term sorts into, so words that extend it
          // but sit in the next chunk (残疾儿童 after 残疾) would be missed, and results would
          // depend on which chunks earlier searches happened to load. Load them all first.
          if (ext.length > 1) await this.pagefind.preload(ext.join(' '));
          const r = await this.pagefind.search(indexForm(tok), { filters });
          for (const res of r?.results ?? []) hits.byId.set(res.id, { score: res.score, pos: new Set(res.words), result: res });
          hits.df = hits.byId.size;
        }),
      );
    };

    const plans = opts.plans && opts.plans.length <= PLAN_LABEL_LIMIT ? opts.plans : [];
    const asking = plan.concepts.some((c) => c.run !== null);
    const [, , favoured, background] = await Promise.all([
      lookup(plan.tokens),
      this.labelPlans(plans),
      this.topicRecords(topics),
      asking ? this.overviewRecords() : Promise.resolve(new Set<string>()),
    ]);
    // A word no plan uses may be one character away from one they do (残疾证 → 残疾人证):
    // search those forms too, for that word only.
    const widen = (c: Concept, words: string[]) => {
      for (const w of words) {
        if (!c.alternatives.some((a) => a.tokens.length === 1 && a.tokens[0] === w)) {
          c.alternatives.push({ text: w, tokens: [w], typed: false, strict: false });
        }
      }
    };
    const unmatched = (c: Concept) =>
      !c.phrase && !c.alternatives.some((a) => a.tokens.every((t) => (cache.get(t)?.df ?? 0) > 0));
    const single = (c: Concept) => c.alternatives.filter((a) => a.tokens.length === 1).map((a) => a.text);
    const widened = plan.concepts.filter(unmatched);
    for (const c of widened) widen(c, single(c).flatMap((w) => this.lexicon.nearForms(w)));
    if (widened.length) {
      this.refreshTokens(plan);
      await lookup(plan.tokens);
    }
    this.softenCommon(plan, cache);
    let list = this.rank(plan, cache, opts, favoured, background);
    // A sentence typed without any question word (残疾人住院押金交不起) was searched as one keyword;
    // when that finds nothing, read it as a question, word by word, before anything looser.
    if (!list.main.length && plan.concepts.some((c) => c.run === null && !c.phrase)) {
      const asked: QueryPlan = { ...planWithLexicon(query, this.lexicon, true), ...(plan.fixes ? { fixes: plan.fixes } : {}) };
      // A sentence: at least two words it knows (量子计算 is one unknown word and 计算, not a question).
      if (asked.concepts.filter((c) => c.run !== null && !c.optional).length >= 2) {
        await lookup(asked.tokens);
        this.softenCommon(asked, cache);
        const answered = this.rank(asked, cache, opts, favoured, await this.overviewRecords());
        // Only clauses holding every word it asks: a partial match of a few characters (量子计算 →
        // 子) is no answer.
        if (answered.main.length && answered.main[0].tier < 3) [plan, list] = [asked, answered];
      }
    }
    let approximate = false;
    if (!list.main.length) {
      // Nothing at all: search the indexed words that contain what was typed (贴 → 补贴 …).
      for (const c of plan.concepts) if (!c.phrase) widen(c, c.alternatives.flatMap((a) => this.lexicon.containing(a.text)));
      this.refreshTokens(plan);
      await lookup(plan.tokens);
      list = this.rank(plan, cache, opts, favoured, background);
      approximate = list.main.length > 0;
    }
    const partial = list.main.length > 0 && list.main[0].tier === 3;
    pfMillis = now() - t0;
    return this.outcome(plan, list, { partial, approximate, topics }, { ...opts, pageSize }, pfMillis, t0);
  }

  private citedOutcome(plan: QueryPlan, cited: CitedUnit[], t0: number): SearchOutcome {
    const hits = cited.map(({ plan: p, table, ref }): Hit => {
      const text = ref.text;
      return {
        id: ref.id,
        url: ref.url,
        tier: 0,
        plan: p.shortName,
        area: ref.area,
        kind: ref.kind,
        status: p.status === '正式' ? '正式' : '草案',
        draft: p.status === '正式' ? null : p.status,
        cite: refCitation(table, ref),
        about: aboutText(text, ref.kind),
        text,
        excerpt: makeExcerpt(text, [], 90),
      };
    });
    const total = now() - t0;
    return {
      plan,
      total: hits.length,
      looser: 0,
      hits,
      partial: false,
      approximate: false,
      cited: true,
      topics: [],
      more: async () => [],
      millis: { search: total, fragments: 0, total },
    };
  }

  /** Topic slug → ids of the records its page lists (the `topic` filter), cached. */
  private readonly topicMembers = new Map<string, Promise<Set<string>>>();
  private overview: Promise<Set<string>> | null = null;

  /**
   * The records of no task area (概述: background, general requirements, safeguards,
   * indicator rows), from one filter-only search (cached). A family's question is answered by
   * what a plan will do, not by what it did in the last five years or the coverage it aims at.
   */
  private overviewRecords(): Promise<Set<string>> {
    this.overview ??= this.pagefind
      .search(null, { filters: { area: OVERVIEW_AREA } })
      .then((r) => new Set((r?.results ?? []).map((x) => x.id)))
      .catch(() => new Set<string>());
    return this.overview;
  }

  /** The records of the topics a query names: they rank first within their tier. */
  private async topicRecords(topics: TopicRef[]): Promise<Set<string>> {
    const sets = await Promise.all(
      topics.map((t) => {
        let ids = this.topicMembers.get(t.slug);
        if (!ids) {
          ids = this.pagefind
            .search(null, { filters: { [TOPIC_FILTER]: t.slug } })
            .then((r) => new Set((r?.results ?? []).map((x) => x.id)))
            .catch(() => new Set<string>());
          this.topicMembers.set(t.slug, ids);
        }
        return ids;
      }),
    );
    return new Set(sets.flatMap((s) => [...s]));
  }

  /** The topics the query names (content/entitlements.yaml), best first. */
  private topicsOf(plan: QueryPlan): TopicRef[] {
    return this.extras.topics ? matchTopics(plan, this.extras.topics).map((m) => m.topic) : [];
  }

  /** After alternatives were added: the tokens to search and the strings to highlight. */
  private refreshTokens(plan: QueryPlan) {
    plan.tokens = [...new Set(plan.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.tokens)))];
    plan.needles = [...new Set([...plan.needles, ...plan.tokens])].sort((a, b) => b.length - a.length);
  }

  /** Tiers and order from the per-token hits: the main list, and looser matches kept for later. */
  private rank(
    plan: QueryPlan,
    cache: Map<string, TokenHits>,
    opts: EngineOptions,
    favoured: Set<string>,
    /** Records of no task area (overviewRecords), read for questions only. */
    background: Set<string>,
  ): { main: Candidate[]; looser: Candidate[] } {
    // Pagefind result objects are per search; any one of them can load the fragment.
    const ids = new Map<string, PfResult>();
    for (const tok of plan.tokens) {
      for (const [id, h] of cache.get(tok)?.byId ?? []) if (!ids.has(id)) ids.set(id, h.result);
    }
    const n = Math.max(this.lexicon.records, ids.size, 1);
    const idf = (tok: string) => Math.log(1 + n / Math.max(1, cache.get(tok)?.df ?? 0));

    const required = plan.concepts.filter((c) => !c.optional);
    // A question's record is "as asked" (tier 1) when it holds every required word, one of
    // the helper words if any were typed (申请, 免费), and, where words were typed together
    // (重度残疾 护理 补贴), some of them side by side. Otherwise it is a looser match.
    const question = plan.concepts.some((c) => c.run !== null);
    // A one-character helper (领) matches any word starting with it (领导), so it only ranks.
    // A one-character helper with plan words (借 → 借用 租赁) is a helper through those words.
    const long = (w: string) => [...w].length > 1;
    const isHelper = (c: Concept) => c.optional && !c.common && c.alternatives.some((a) => long(a.text));
    const helpers = plan.concepts.filter(isHelper);
    const typedTogether = required.some((c, i) => i > 0 && c.run !== null && c.run === required[i - 1].run);
    const out: Candidate[] = [];
    for (const [id, result] of ids) {
      // States of the required concepts decide the tier; optional ones (a question's 申请,
      // 免费 …) only raise a record within its tier.
      const states: number[] = [];
      let score = 0;
      let gaps = 0;
      let near = 0;
      let partialWeight = 0;
      let optional = 0;
      let helpersFound = 0;
      let neighbours = 0;
      let previous: { run: number | null; spans: [number, number][] } | null = null;
      const matchedTokens = new Set<string>();
      for (const c of plan.concepts) {
        const s = this.conceptState(c, id, cache);
        if (c.optional) {
          if (s.state >= 1) {
            optional++;
            if (isHelper(c) && s.matched.some(long)) helpersFound++;
          }
          continue;
        }
        // Words of a question typed together (重度残疾 护理 补贴) found side by side.
        if (previous && c.run !== null && previous.run === c.run && isNeighbour(previous.spans, s.spans)) neighbours++;
        previous = { run: c.run, spans: s.spans };
        states.push(s.state);
        score += s.score;
        gaps += s.gap;
        near += s.near;
        for (const t of s.matched) matchedTokens.add(t);
        // How rare what matched is: a whole word counts by its rarest part, pieces of a
        // word the record does not hold count for less.
        // A question ends with what it asks about (聋哑人能考驾照吗: 驾照, not 聋哑人): among
        // partial matches, holding that word counts for more.
        const head = question && c === required[required.length - 1] ? HEAD_WEIGHT : 1;
        if (s.state >= 1) partialWeight += head * 2 * Math.max(...s.matched.map(idf));
        else partialWeight += head * 0.5 * s.matched.reduce((a, t) => a + idf(t), 0);
      }
      const all = states.every((s) => s >= 1);
      let tier: Tier = states.every((s) => s === 2) ? 1 : all ? 2 : 3;
      if (question && tier === 1 && ((helpers.length && !helpersFound) || (typedTogether && !neighbours))) tier = 2;
      if (tier === 3 && !matchedTokens.size) continue;
      // A clause of the topic the question names (its page lists it) is what was asked about.
      const boost = (1 + 0.5 * optional) * (1 + 0.5 * neighbours) * (favoured.has(id) ? TOPIC_BOOST : 1);
      let key: number;
      if (tier === 1) key = score * boost;
      else if (tier === 2) key = ((score * (1 + Math.log1p(near))) / (1 + 0.25 * gaps)) * boost;
      // Partial: how many typed words and how rare they are (each whole word adds its rarity).
      else key = partialWeight * 10 + optional * 2 + score;
      const strength = key;
      if (tier === 3 && favoured.has(id)) key *= TOPIC_PARTIAL_BOOST;
      // Among partial matches too, a question's answer is a task clause rather than a long
      // background paragraph holding many of its words in passing.
      if (tier === 3 && question && background.has(id)) key *= BACKGROUND_PARTIAL;
      out.push({ result, tier, key, strength, states, plan: this.planOfId.get(id) });
    }
    out.sort((a, b) => a.tier - b.tier || b.key - a.key);
    const full = out.filter((c) => c.tier < 3);
    if (!full.length) {
      // Nothing holds every word: records holding whole typed words (most first); only if
      // there are none, records holding single tokens.
      const partial = out.filter((c) => !required.some((k, i) => k.phrase && c.states[i] === 0));
      const someWord = partial.filter((c) => c.states.some((x) => x >= 1));
      const ranked = someWord.length ? someWord : partial;
      // The best partial matches first; those far weaker than the best wait behind them.
      // A clause of the topic the question names is lifted (key), so weaker matches outside the
      // topic wait; but a plan whose words match well (strength) keeps its best one on the page.
      const best = ranked[0]?.key ?? 0;
      const bestStrength = ranked.reduce((m, c) => Math.max(m, c.strength), 0); // (not a spread: a national list can hold more candidates than a call takes arguments)
      const strong = ranked.filter((c) => c.key >= PARTIAL_SHARE * best);
      const shown = new Set(strong.map((c) => c.plan ?? ''));
      for (const c of ranked) {
        if (shown.has(c.plan ?? '') || c.strength < PARTIAL_SHARE * bestStrength) continue;
        shown.add(c.plan ?? '');
        strong.push(c);
      }
      return {
        main: interleave(strong, (c) => c.plan ?? ''),
        looser: ranked.filter((c) => !strong.includes(c)),
      };
    }
    // When some record holds the words verbatim, the main list is the verbatim records plus,
    // for each plan without one, that plan's best looser match; the other looser matches wait
    // behind it (`more()`). Then the plans take turns, best plan first, so the first page
    // shows every plan that matches.
    const verbatimPlans = new Set(full.filter((c) => c.tier === 1).map((c) => c.plan ?? ''));
    // A set (in the order added): a national list can hold thousands of full matches.
    const deferred = new Set<Candidate>();
    // When a question names a topic and a plan has a clause on the topic's page holding every
    // word, that clause answers for the plan; the plan's other clauses holding the words in
    // passing (a long clause on something else) wait behind the button. Not for partial
    // matches: a story question's topic is a guess (measured: precision and recall fell).
    // A question's full matches in a plan's background, general requirements, safeguards or
    // indicator rows wait behind the button when the plan has a full match in a task area:
    // 家里改坡道有补贴么 matched the 十三五 review paragraph of three plans, which holds every
    // word and answers nothing. A plan with only such matches keeps them.
    if (question && background.size) {
      const answering = new Set(full.filter((c) => !background.has(c.result.id)).map((c) => c.plan ?? ''));
      for (const c of full) if (background.has(c.result.id) && answering.has(c.plan ?? '')) deferred.add(c);
    }
    if (question && favoured.size) {
      const topical = new Set(full.filter((c) => favoured.has(c.result.id)).map((c) => c.plan ?? ''));
      for (const c of full) if (!favoured.has(c.result.id) && topical.has(c.plan ?? '')) deferred.add(c);
    }
    // Within one plan (a plan chosen, or a county named: src/search/places.ts) there are no other
    // plans to make room for: its looser matches follow its verbatim ones on the first page.
    const onePlan = opts.plans?.length === 1;
    if (opts.looser !== 'inline' && !onePlan && verbatimPlans.size) {
      const represented = new Set<string>();
      for (const c of full) {
        if (c.tier !== 2 || deferred.has(c)) continue;
        const p = c.plan ?? '';
        if (verbatimPlans.has(p) || represented.has(p)) deferred.add(c);
        else represented.add(p);
      }
    }
    // A question's extra words must not hide a plan: a plan with no record holding every
    // word is represented by its best partial match, when that is close to the best one.
    // It must hold the rarest word asked about, the one that says most what the question is.
    const represented: Candidate[] = [];
    if (question && required.length > 1) {
      const covered = new Set(full.map((c) => c.plan ?? ''));
      const df = (k: Concept) => Math.max(0, ...k.alternatives.map((a) => Math.min(...a.tokens.map((t) => cache.get(t)?.df ?? 0))));
      const rarest = required.reduce((a, b, i) => (df(b) < df(required[a]) ? i : a), 0);
      const partial = out.filter((c) => c.tier === 3 && c.states[rarest] >= 1 && c.plan && !covered.has(c.plan));
      const best = partial[0]?.key ?? 0;
      for (const c of partial) {
        if (c.key < PARTIAL_SHARE * best || covered.has(c.plan!)) continue;
        // When the question names a topic, a weaker match stands for its plan only if the
        // topic's page lists it: a 孤独症 rehabilitation centre is not where a 孤独症 child
        // goes to school.
        if (favoured.size && !favoured.has(c.result.id)) continue;
        covered.add(c.plan!);
        represented.push(c);
      }
    }
    const main = interleave(
      [...full.filter((c) => !deferred.has(c)), ...represented],
      (c) => c.plan ?? '',
    );
    if (opts.fill === 'ten' && main.length < (opts.pageSize ?? 10)) {
      const partial = out.filter((c) => c.tier === 3 && !required.some((k, i) => k.phrase && c.states[i] === 0));
      main.push(...partial.slice(0, (opts.pageSize ?? 10) - main.length));
    }
    return { main, looser: [...deferred] };
  }

  /**
   * The words of a question that most records hold (残疾人, 服务 …): in a question they say
   * nothing about what is asked, so they only rank, like helper words. Keywords are never
   * touched, and at least one required word always stays.
   */
  private softenCommon(plan: QueryPlan, cache: Map<string, TokenHits>): void {
    const n = this.lexicon.records;
    const words = plan.concepts.filter((c) => c.run !== null && !c.optional);
    if (!n || words.length < 2) return;
    const df = (c: Concept) =>
      Math.max(0, ...c.alternatives.map((a) => Math.min(...a.tokens.map((t) => cache.get(t)?.df ?? 0))));
    const common = new Set(words.filter((c) => df(c) / n > COMMON_SHARE));
    if (common.size === words.length) common.delete(words.reduce((a, b) => (df(a) <= df(b) ? a : b)));
    for (const c of common) c.optional = c.common = true;
    // An everyday word's plan wording (精神病人 → 精神残疾 = 精神 · 残疾) means something only as
    // one string when one of its words is in most records: 精神 somewhere and 残疾 somewhere
    // else is every other clause, not a clause about 精神残疾.
    for (const c of words) {
      for (const a of c.alternatives) {
        if (!a.typed && a.tokens.length > 1 && a.tokens.some((t) => (cache.get(t)?.df ?? 0) / n > COMMON_SHARE)) a.strict = true;
      }
    }
  }

  /** How well one concept matches one record. */
  private conceptState(c: Concept, id: string, cache: Map<string, TokenHits>) {
    let best = { state: 0, score: 0, gap: 12, near: 0, matched: [] as string[], spans: [] as [number, number][] };
    for (const alt of c.alternatives) {
      const hits = alt.tokens.map((t) => cache.get(t)?.byId.get(id));
      const matched = alt.tokens.filter((_t, i) => hits[i]);
      if (matched.length < alt.tokens.length) {
        if (!alt.strict && matched.length > best.matched.length && best.state === 0) best = { ...best, matched };
        continue;
      }
      const present = hits as { score: number; pos: Set<number>; result: PfResult }[];
      const score = present.reduce((s, h) => s + h.score, 0) / present.length;
      let state = 1;
      let gap = 0;
      let near = 0;
      if (present.length === 1) state = 2;
      else if (present.every((h) => h.pos.size)) {
        // Consecutive positions = the typed string (Pagefind gives punctuation a position,
        // so nothing matches across it).
        const [first, ...rest] = present;
        for (const p of first.pos) {
          if (rest.every((h, i) => h.pos.has(p + i + 1))) {
            state = 2;
            break;
          }
        }
        if (state === 1) {
          gap = minGap(present.map((h) => h.pos));
          near = nearCount(present.map((h) => h.pos));
        }
      } else gap = 8; // part matched only as a sub-word: position unknown
      if (alt.strict && state < 2) continue; // verified from the text later, if fetched
      if (state > best.state || (state === best.state && (score > best.score || gap < best.gap))) {
        // Where the concept stands in the record, for the neighbours of a question's words.
        const spans: [number, number][] =
          state === 2 ? [...present[0].pos].filter((p) => present.every((h, i) => present.length === 1 || h.pos.has(p + i))).map((p) => [p, p + present.length - 1]) : [];
        best = { state, score, gap: state === 2 ? 0 : gap, near, matched: alt.tokens, spans };
      }
    }
    return best;
  }

  private async outcome(
    plan: QueryPlan,
    lists: { main: Candidate[]; looser: Candidate[] },
    found: { partial: boolean; approximate: boolean; topics: TopicRef[] },
    opts: EngineOptions,
    pfMillis: number,
    t0: number,
  ): Promise<SearchOutcome> {
    const pageSize = opts.pageSize ?? 10;
    const window = Math.max(pageSize, opts.window ?? pageSize + 2);
    const list = lists.main;
    const head = list.slice(0, window);
    const tail = [...list.slice(window), ...lists.looser];
    const t = now();
    const datas = await Promise.all(head.map((c) => c.result.data()));
    const fragMillis = now() - t;
    let dropped = 0;
    const kept: { c: Candidate; data: PfData }[] = [];
    const demoted: { c: Candidate; data: PfData }[] = [];
    head.forEach((c, i) => {
      const v = this.verify(plan, c, datas[i]);
      if (v === null) dropped++;
      else (v > c.tier ? demoted : kept).push({ c: { ...c, tier: v }, data: datas[i] });
    });
    // The ranked order stands; a record that looked verbatim but is not moves behind. One
    // whose plan has a verbatim record waits behind the button like the plans' other looser
    // matches (a list spelled out by the indexer, 智力、精神残疾人 for 智力残疾, is not the
    // typed words as printed); the first of a plan that has none stands for its plan.
    const planOf = (x: { data: PfData }) => x.data.filters.plan?.[0] ?? '';
    const shown = new Set(kept.map(planOf));
    const waiting: typeof demoted = [];
    for (const x of demoted) {
      if (x.c.tier !== 2) continue;
      if (shown.has(planOf(x))) waiting.push(x);
      else shown.add(planOf(x));
    }
    const ordered = [...kept, ...demoted.filter((x) => !waiting.includes(x))];
    const hits = ordered.slice(0, pageSize).map((x) => this.hit(plan, x.c, x.data, opts));
    let queue: { c: Candidate; data?: PfData }[] = [...ordered.slice(pageSize), ...tail.map((c) => ({ c })), ...waiting];
    const more = async (): Promise<Hit[]> => {
      const out: Hit[] = [];
      while (out.length < pageSize && queue.length) {
        const batch = queue.slice(0, pageSize - out.length);
        queue = queue.slice(batch.length);
        const ds = await Promise.all(batch.map((x) => x.data ?? x.c.result.data()));
        batch.forEach((x, i) => {
          const v = x.data ? x.c.tier : this.verify(plan, x.c, ds[i]);
          if (v !== null) out.push(this.hit(plan, { ...x.c, tier: v }, ds[i], opts));
        });
      }
      return out;
    };
    return {
      plan,
      total: list.length - dropped - waiting.length,
      looser: lists.looser.length + waiting.length,
      hits,
      ...found,
      cited: false,
      more,
      millis: { search: pfMillis, fragments: fragMillis, total: now() - t0 },
    };
  }

  /** Tier after reading the text: promoted when verbatim, null when a quoted phrase is absent. */
  private verify(plan: QueryPlan, c: Candidate, data: PfData): Tier | null {
    const required = plan.concepts.filter((k) => !k.optional);
    if (!required.length || c.tier === 3) return c.tier;
    // A question's words are single words: their tier comes from helpers and neighbours,
    // which the text check below does not see.
    if (plan.concepts.some((k) => k.run !== null)) return c.tier;
    // The clause's own text: a list the indexer spelled out (src/search/enumerations.ts) is
    // not what was typed as printed.
    const text = compact(visibleContent(data.content));
    const verbatim = required.map((k) => k.alternatives.some((a) => text.includes(compact(a.text))));
    if (required.some((k, i) => k.phrase && !verbatim[i])) return null;
    return verbatim.every(Boolean) ? 1 : 2;
  }

  private hit(plan: QueryPlan, c: Candidate, data: PfData, opts: EngineOptions): Hit {
    const text = unspace(visibleContent(data.content));
    // A verbatim match marks the typed words (and aliases) whole; a looser one marks its parts.
    const needles = c.tier === 1 ? plan.concepts.flatMap((k) => k.alternatives.map((a) => a.text)) : plan.needles;
    const excerpt = makeExcerpt(text, needles, opts.excerptLength ?? 90);
    const f = data.filters;
    const stage = f.stage?.[0] ?? '';
    return {
      id: data.url.split('#')[1] ?? '',
      url: data.url,
      tier: c.tier,
      plan: f.plan?.[0] ?? '',
      area: f.area?.[0] ?? '',
      kind: f.kind?.[0] ?? '',
      status: f.status?.[0] ?? '',
      draft: stage && stage !== '正式' ? stage : null,
      cite: f.cite?.[0] ?? '',
      about: aboutText(text, f.kind?.[0] ?? ''),
      text,
      excerpt,
    };
  }
}

/** Whether some span of `b` starts just after (at most one word after) a span of `a`. */
function isNeighbour(a: [number, number][], b: [number, number][]): boolean {
  return a.some(([, end]) => b.some(([start]) => start - end >= 1 && start - end <= 2));
}

/** Smallest spread of one position per list, minus the spread of adjacent words. */
function minGap(lists: Set<number>[]): number {
  const sorted = lists.map((s) => [...s].sort((a, b) => a - b));
  let best = Infinity;
  for (const p of sorted[0]) {
    let lo = p;
    let hi = p;
    for (const l of sorted.slice(1)) {
      let near = l[0];
      for (const q of l) if (Math.abs(q - p) < Math.abs(near - p)) near = q;
      lo = Math.min(lo, near);
      hi = Math.max(hi, near);
    }
    best = Math.min(best, hi - lo - (lists.length - 1));
  }
  return Math.max(0, Math.min(best, 12));
}

/** How many occurrences of the first part have every other part within a few words. */
function nearCount(lists: Set<number>[], within = 3): number {
  const [first, ...rest] = lists.map((s) => [...s]);
  return first.filter((p) => rest.every((l) => l.some((q) => Math.abs(q - p) <= within + lists.length))).length;
}

/** Round-robin over groups (in order of first appearance), keeping the order within each. */
export function interleave<T>(items: T[], group: (x: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const g = group(x);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(x);
  }
  const out: T[] = [];
  const lists = [...groups.values()];
  for (let i = 0; out.length < items.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}
