/**
 * Query planning: from what the user typed to the concepts the engine looks for.
 *
 * - A quoted part ("…", “…”, 「…」) is a phrase: its words must appear together, exactly
 *   as typed, and it is never expanded.
 * - Everything else is split on spaces and punctuation into typed words. Several typed
 *   words narrow the results: every one must match.
 * - A typed part that holds question or helper words (content/questions.yaml) is a
 *   question: those words are dropped (怎么办, 哪里, 吗 …) or made optional (申请, 免费 …),
 *   and every word left is a concept of its own (我家孩子是自闭症能去哪里上学 → 孩子 · 自闭症
 *   · 上学), remembering which words were typed together. Any other part is one concept,
 *   as typed.
 * - Each concept has alternatives: itself and the texts made by the curated aliases and
 *   everyday words (自闭症 → 孤独症, 上学 → 教育 …). Each alternative is cut into index
 *   tokens by the segmenter built from the index vocabulary, exactly as the indexer cut the
 *   plans.
 */
import { isLoneChar, isNumeralPiece, placeRuns, senseIn, splitQuestion, unknownRuns, unknownRunsIn, type QuestionRoles } from './question-words.ts';
import type { SoundFix } from './sounds.ts';
import { expandAliases, type AliasTable } from './synonyms.ts';
import { isWordToken, joinTokens, normalizeQuery } from './text.ts';
import type { Lexicon } from './lexicon.ts';

export interface Alternative {
  /** The text searched, e.g. 孤独症儿童. */
  text: string;
  /** Its index tokens, e.g. [孤独症, 儿童]. */
  tokens: string[];
  /** True for the text as typed, false for an alias expansion. */
  typed: boolean;
  /**
   * Matches only as one string (its tokens at consecutive positions), never as scattered
   * words: a finer cut of a word (公共交通 → 公共 交通), or a text the dictionary does not
   * know, cut into single characters (量子计算 → 量 子 计算).
   */
  strict: boolean;
}

export interface Concept {
  /** As typed (normalised). */
  text: string;
  phrase: boolean;
  /** A helper word of a question (申请, 免费): ranks higher when present, never required. */
  optional: boolean;
  /** Made optional because most records hold it (残疾人 in a question). */
  common?: boolean;
  /** Searched by what it means beside the question's other words (照顾 → 合理便利 in an exam), not as typed. */
  sensed?: boolean;
  /**
   * For the words of a question: which run of words, typed without a question word between
   * them, this word belongs to. Neighbours in one run rank higher when a clause holds them
   * side by side. Null for keywords.
   */
  run: number | null;
  alternatives: Alternative[];
}

export interface QueryPlan {
  /** Normalised query. */
  query: string;
  concepts: Concept[];
  /** Every distinct token the engine searches Pagefind for. */
  tokens: string[];
  /** Strings to highlight, longest first: alternative texts and their tokens. */
  needles: string[];
  /** Question and function words left out of the search (怎么办, 我家 …), as typed. */
  dropped: string[];
  /** Words of a question the dictionary could only cut into single characters (危险 → 危 险). */
  unknown: string[];
  /** Words a question sets aside (不是一二级重度, 除了按摩): not searched, and they name no topic. */
  aside?: string[];
  /** Words typed with a pinyin slip and read as the word meant (残急人 → 残疾人; src/search/sounds.ts). */
  fixes?: SoundFix[];
}

export interface PlanOptions {
  segment: ((text: string) => string[]) & { split?: (word: string) => string[] | null; has?: (word: string) => boolean };
  aliases: AliasTable;
  /** Question words to drop and helper words to make optional; without it no part is a question. */
  roles?: QuestionRoles;
  /** Most alternatives per concept (the typed text included). */
  maxAlternatives?: number;
  /**
   * Read every part as a question, cut into words, even without a question word (残疾人住院押金交不起):
   * the engine's second try when the part as one keyword finds nothing.
   */
  asQuestion?: boolean;
}

/** Characters after which a space ends a clause like a comma (see `clauseOf`). */
export const SPACED_CLAUSE = 5;

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/gu;
const SPLIT = /[\s,;:!?()[\]{}<>'"、。《》「」『』【】“”‘’…·|/\\~]+/u;

/** A query planned with the built site's words: the one way the page, the CLI and curators' tools read it. */
export const planWithLexicon = (query: string, lexicon: Pick<Lexicon, 'segment' | 'aliases' | 'roles'>, asQuestion = false): QueryPlan =>
  planQuery(query, { segment: lexicon.segment, aliases: lexicon.aliases, roles: lexicon.roles, asQuestion });

/**
 * The query's parts (quoted text left out), each cut into words, and which lone characters the
 * search understands: where pinyin slips are looked for.
 */
export function queryWords(raw: string, lexicon: Pick<Lexicon, 'segment' | 'aliases' | 'roles'>): { cuts: string[][]; known: (w: string) => boolean } {
  const query = normalizeQuery(raw).replace(QUOTED, ' ');
  const cuts = query
    .split(SPLIT)
    .filter(Boolean)
    .map((part) => lexicon.segment(part).filter(isWordToken));
  const known = knownWord(lexicon.roles, (w) => w in lexicon.aliases);
  // The characters of a place's name (郭城驿镇) are understood: a place, not a slip.
  const placeChars = new Set(cuts.flatMap((cut) => placeRuns(cut, known).flatMap((r) => [...r])));
  return { cuts, known: (w) => known(w) || placeChars.has(w) };
}

/**
 * Whether the query may hold a pinyin slip: a run of characters no word explains (低宝), or one
 * such character beside other words, three characters or more in all (孤独正儿童 → 正). A lone
 * character typed on its own (残) is read as typed.
 */
export function holdsUnknown(raw: string, lexicon: Pick<Lexicon, 'segment' | 'aliases' | 'roles'>): boolean {
  const { cuts, known } = queryWords(raw, lexicon);
  const unknownChar = (w: string) => isLoneChar(w) && !known(w);
  return cuts.some(
    (cut) => unknownRuns(cut, known).length > 0 || (cut.length > 1 && [...cut.join('')].length > 2 && cut.some(unknownChar)),
  );
}

/** A single character the search understands on its own: a question or helper word, one it maps, a numeral. */
const knownWord =
  (roles: QuestionRoles, mapped: (w: string) => boolean) =>
  (w: string): boolean =>
    roles.drop.has(w) || roles.soft.has(w) || mapped(w) || isNumeralPiece(w);

/** Words (of two characters or more) in one typed part that make it a question without a question word. */
export const STRING_OF_WORDS = 3;

export function planQuery(raw: string, opts: PlanOptions): QueryPlan {
  const query = normalizeQuery(raw);
  /** `or`: another wording of the word before it (报销或者补助): one concept with both. */
  /** `from`: the clause (between punctuation marks) a question's word came from. */
  const parts: { text: string; phrase: boolean; optional: boolean; run: number | null; or?: boolean; from?: number }[] = [];
  const dropped: string[] = [];
  const unknown: string[] = [];
  const aside: string[] = [];
  const rest = query.replace(QUOTED, (_m, a, b, c, d) => {
    const text = String(a ?? b ?? c ?? d ?? '').trim();
    if (text) parts.push({ text, phrase: true, optional: false, run: null });
    return ' ';
  });
  let runs = 0;
  const words = rest.split(SPLIT).filter(Boolean);
  // Which clause each typed word stands in: the story told before a question is its earlier
  // clauses (儿子智力残疾四十多岁，…能一起住养老院不？). A punctuation mark ends a clause; so does a
  // space after a clause of at least `SPACED_CLAUSE` characters, because people type spaces for
  // commas (娃三岁了还不会说话 去医院一查是耳朵听不见 …), but a space after a word or two is only a
  // space (脑瘫 怎么康复 asks about 脑瘫).
  const clauseOf: number[] = [];
  let clause = 0;
  let length = 0;
  rest.split(new RegExp(`(${SPLIT.source})`, 'u')).forEach((piece, i) => {
    if (i % 2) {
      if (/[^\s]/u.test(piece) || length >= SPACED_CLAUSE) {
        clause++;
        length = 0;
      }
    } else if (piece) {
      clauseOf.push(clause);
      length += [...piece].length;
    }
  });
  // A word with a sense that applies here (停 beside 低保) is mapped like an everyday word.
  const sensed = (w: string) => !!senseIn(w, query, opts.roles)?.means.length;
  const mapped = (w: string) => w in opts.aliases || sensed(w);
  const cuts = words.map((word) => (opts.roles ? opts.segment(word).filter(isWordToken) : []));
  // A question told in several parts (儿子智力残疾三级，不是一二级重度，护理补贴俺家能不能领？) has
  // parts without a question word; they are words of the question too, not keywords to find as
  // typed. So once one part is a question, every part is read word by word.
  // So is a part of `STRING_OF_WORDS` words or more (瘫痪老人家里改造补贴, 视障考生高考照顾): people
  // type a question as a string of words, and as one keyword it would need every word in one
  // clause with no partial matches. A phrase the plans print still ranks first (its words side
  // by side); a keyword of one or two words (按比例就业, 残疾儿童 康复), or one the vocabulary
  // names whole (最低生活保障 ↔ 低保), stays a keyword.
  const asked =
    !!opts.roles &&
    (opts.asQuestion ||
      cuts.some(
        (cut, i) =>
          splitQuestion(cut, opts.roles!, mapped) !== null ||
          (!(words[i] in opts.aliases) && cut.filter((w) => [...w].length > 1).length >= STRING_OF_WORDS),
      ));
  const stray = (w: string) => [...w].length === 1 && !opts.roles!.soft.has(w);
  const strayOnly: { text: string; dropped: string[] }[] = [];
  words.forEach((word, i) => {
    const cut = cuts[i];
    const question = opts.roles ? splitQuestion(cut, opts.roles, mapped, asked && cut.length > 1, sensed) : null;
    if (!question) {
      parts.push({ text: word, phrase: false, optional: false, run: null });
      return;
    }
    // Nothing but stray characters left (咖啡拿铁怎么办 → 咖 啡 拿 铁): search what was typed, as
    // one string, rather than each character as the start of any word (铁 → 铁路) — unless
    // another part of the question says what it is about (see below).
    if (!question.required.length && question.optional.length && question.optional.every(stray)) {
      const kept = opts.segment(word).filter((w) => isWordToken(w) && !opts.roles!.drop.has(w));
      strayOnly.push({ text: joinTokens(kept), dropped: question.dropped });
      return;
    }
    const roles = opts.roles!;
    const unknownHere = unknownRunsIn(cut, knownWord(roles, mapped));
    unknown.push(...unknownHere.filter((r) => !r.place).map((r) => r.text));
    dropped.push(...unknownHere.filter((r) => r.place).map((r) => r.text));
    // The characters of a word the search does not know (面试 → 面 试) say nothing it can use:
    // as helpers they would rank clauses that hold 面 in 全面 or 方面 first. They are not searched.
    const inUnknown = new Set(unknownHere.flatMap((r) => [...r.text]));
    for (const { word: w, run, or } of question.required) parts.push({ text: w, phrase: false, optional: false, run: runs + run, or, from: clauseOf[i] });
    for (const w of question.optional) if (!inUnknown.has(w)) parts.push({ text: w, phrase: false, optional: true, run: null });
    dropped.push(...question.dropped);
    aside.push(...question.aside);
    runs += question.required.length + question.optional.length + question.dropped.length + 1;
  });
  // Parts of stray characters (俺和老伴都七十多了 → 老 伴 七 十 多) are one string to find only when
  // nothing else was asked; beside other words they would be a required string no clause holds.
  const others = parts.some((p) => !p.optional);
  for (const s of strayOnly) {
    dropped.push(...s.dropped);
    if (!others) parts.push({ text: s.text, phrase: false, optional: false, run: null });
    else if (![...s.text].every(isNumeralPiece)) unknown.push(s.text);
  }
  // A person's case told in the story before the question (儿子智力残疾四十多岁，…能一起住养老院不？)
  // says who asks; what the plans offer for it is mostly offered to every disabled person, so it
  // ranks but is not required. In the part that asks (智力残疾的孩子长大了能做什么) it stays.
  const story = opts.roles?.story;
  if (story?.size) {
    const asking = Math.max(...parts.map((p) => p.from ?? -1));
    for (const p of parts) if (p.from !== undefined && p.from < asking && story.has(p.text)) p.optional = true;
  }
  // Only helper words left (怎么申请 → 申请): they are what was asked, so they are required.
  if (parts.every((p) => p.optional)) for (const p of parts) p.optional = false;

  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const sense = part.run !== null ? senseIn(part.text, query, opts.roles) : null;
    if (sense && !sense.means.length) {
      dropped.push(part.text);
      continue;
    }
    const texts = sense ? [...sense.means] : part.phrase ? [part.text] : expandAliases(part.text, opts.aliases, opts.maxAlternatives ?? 8);
    const alternatives: Alternative[] = [];
    const keys = new Set<string>();
    const has = opts.segment.has;
    const unknownPiece = (tokens: string[]) =>
      tokens.length > 1 && !!has && tokens.some((t) => [...t].length === 1 && /\p{Script=Han}/u.test(t) && !has(t));
    const add = (tokens: string[], typed: boolean, strict: boolean) => {
      const key = tokens.join(' ');
      if (!tokens.length || keys.has(key)) return;
      keys.add(key);
      alternatives.push({ text: joinTokens(tokens), tokens, typed, strict: strict || unknownPiece(tokens) });
    };
    texts.forEach((text, i) => {
      const tokens = opts.segment(text).filter(isWordToken);
      add(tokens, i === 0 && !sense, false);
      // The same text cut finer (公共交通 → 公共 交通): plans where nodejieba cut it so.
      const split = opts.segment.split;
      if (split) add(tokens.flatMap((t) => split(t) ?? [t]), i === 0 && !sense, true);
    });
    if (!alternatives.length) continue;
    const chosen = concepts[concepts.length - 1];
    if (part.or && chosen && !chosen.phrase && !chosen.optional) {
      // Either wording answers: the word joins the one before as more alternatives.
      const have = new Set(chosen.alternatives.map((a) => a.tokens.join(' ')));
      chosen.alternatives.push(...alternatives.filter((a) => !have.has(a.tokens.join(' '))));
      continue;
    }
    const key = `${part.phrase ? 'p' : 'w'}:${alternatives[0].tokens.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (sense) concepts.push({ text: part.text, phrase: false, optional: part.optional, run: part.run, alternatives, sensed: true });
    else concepts.push({ text: alternatives[0].text, phrase: part.phrase, optional: part.optional, run: part.run, alternatives });
  }
  const tokens = [...new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.tokens)))];
  // Highlight what was typed and its aliases; single tokens of a split word add nothing.
  const needles = [...new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => [a.text, ...a.tokens])))].sort(
    (a, b) => b.length - a.length,
  );
  return { query, concepts, tokens, needles, dropped: [...new Set(dropped)], unknown: [...new Set(unknown)], ...(aside.length ? { aside: [...new Set(aside)] } : {}) };
}
