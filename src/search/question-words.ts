/**
 * Splitting a question into what to search (pure, runs in the browser). The words come from
 * content/questions.yaml, read and validated at index time (question-file.ts) and shipped
 * inside the lexicon.
 */
/** How one word of a typed question is used. */
export type WordRole = 'drop' | 'soft' | 'keep';

/**
 * What a word means beside certain other words of the same question (content/questions.yaml,
 * `senses`): 照顾 in 考试时能有照顾吗 is an accommodation (合理便利), not care (照护). `means`
 * replaces the word's everyday mapping there; an empty list means the word carries nothing
 * there and is not searched.
 */
export interface Sense {
  when: readonly string[];
  means: readonly string[];
}

export interface QuestionRoles {
  drop: ReadonlySet<string>;
  soft: ReadonlySet<string>;
  /** Word → its senses, first that applies wins. */
  senses?: ReadonlyMap<string, readonly Sense[]>;
  /**
   * Words of a person's case (脑瘫, 智力残疾): required when the question asks with them, only
   * ranking when they are told in the story before it (俺儿子智力残疾…，能一起住养老院不？).
   */
  story?: ReadonlySet<string>;
}

/**
 * The sense `word` has in `query`: the first whose `when` words occur in the query outside the
 * word itself (考 in 考试 counts, the 照顾 being read does not). Null when none applies.
 */
export function senseIn(word: string, query: string, roles: QuestionRoles | undefined): Sense | null {
  const senses = roles?.senses?.get(word);
  if (!senses) return null;
  const rest = query.split(word).join('\u0000');
  return senses.find((s) => s.when.some((w) => rest.includes(w))) ?? null;
}

/**
 * Words that offer a choice (报销或者补助, 人大代表或政协委员): the words on either side are
 * one request in two wordings, not two requests a clause must both meet. Grammar, not
 * vocabulary, so they live here rather than in the curated file (which also drops them).
 * Not 还是: in questions it is as often "still" (找到工作还是没有低保) as "or".
 */
export const OR_WORDS: ReadonlySet<string> = new Set(['或者', '或是', '或']);

/**
 * Words that say what the case is not (不是一二级重度, 并非低保户): what follows them in the same
 * part describes something else, so it is not searched (the part ends at punctuation).
 */
export const NOT_WORDS: ReadonlySet<string> = new Set(['不是', '并非', '不属于']);

/**
 * Words that set something aside (盲人除了按摩还能干啥): the words after them, up to 还 / 以外 /
 * 之外 / 也, are what the person already knows about, not what is asked: they are not searched.
 */
export const EXCEPT_WORDS: ReadonlySet<string> = new Set(['除了', '除开']);
const EXCEPT_ENDS: ReadonlySet<string> = new Set(['还', '以外', '之外', '外', '也', '还有', '还能']);

/**
 * Splits one typed part (already cut into words) into what to search. Returns null when the
 * part holds no question or helper word: it is then a keyword, searched as typed.
 *
 * Otherwise every kept word is a required unit of its own (孩子 · 自闭症 · 上学), numbered
 * by the run of words it was typed in, so that the ranking can prefer clauses holding the
 * words of one run side by side (重度残疾 护理 补贴). Helper words are optional units. A
 * single Han character (瘫, 领, 坐) is optional too: on its own it matches any word that
 * starts with it. A word with an everyday mapping (钱, 娃) is always kept.
 */
export function splitQuestion(
  words: readonly string[],
  roles: QuestionRoles,
  mapped: (word: string) => boolean,
  /** Read the words as a question even without a question or helper word among them. */
  force = false,
  /**
   * Words with a sense that applies in this question (借 beside 书 is borrowing books): what
   * they mean there is what is asked, so even a helper word is then required.
   */
  sensed: (word: string) => boolean = () => false,
): { required: { word: string; run: number; or?: true }[]; optional: string[]; dropped: string[]; aside: string[] } | null {
  const role = (w: string): WordRole => (roles.drop.has(w) ? 'drop' : roles.soft.has(w) ? 'soft' : 'keep');
  if (!force && !words.some((w) => role(w) !== 'keep' || NOT_WORDS.has(w) || EXCEPT_WORDS.has(w))) return null;
  const required: { word: string; run: number; or?: true }[] = [];
  const optional: string[] = [];
  const dropped: string[] = [];
  /** Words set aside by 不是 / 除了: not asked, so they name no topic either. */
  const aside: string[] = [];
  let run = 0;
  // Set by a choice word right after a required word; the next required word (after any other
  // dropped words: 报销或者有补助) is then the same request in other words.
  let choice = false;
  let lastRequired = false;
  let negated = false;
  let setAside = false;
  /** Not searched; `notAsked`: set aside by 不是 / 除了 too. Each left-out word ends a run. */
  const leaveOut = (w: string, notAsked = false) => {
    dropped.push(w);
    if (notAsked) aside.push(w);
    run++;
  };
  for (const w of words) {
    const r = role(w);
    if (setAside && EXCEPT_ENDS.has(w)) {
      // The word that closes what is set aside (以外, 还) is part of the frame, not asked.
      setAside = false;
      leaveOut(w);
    } else if (setAside || EXCEPT_WORDS.has(w)) {
      setAside = true;
      leaveOut(w, true);
    } else if (negated || NOT_WORDS.has(w)) {
      negated = true;
      leaveOut(w, true);
    } else if (r === 'drop' || OR_WORDS.has(w)) {
      leaveOut(w);
      if (OR_WORDS.has(w)) choice = lastRequired;
    } else if ((r === 'soft' && !sensed(w)) || (isLoneChar(w) && !mapped(w)) || isNumber(w)) {
      optional.push(w);
      run++;
      choice = lastRequired = false;
    } else {
      required.push(choice ? { word: w, run, or: true } : { word: w, run });
      choice = false;
      lastRequired = true;
    }
  }
  return { required, optional: [...new Set(optional)], dropped, aside };
}

export const isLoneChar = (w: string) => [...w].length === 1 && /\p{Script=Han}/u.test(w);

/**
 * A number in a question (娃都8岁了, 一个月挣2000) tells the person's case, not what to look
 * for: it ranks, like a helper word. A clause rarely prints the same figure.
 */
const isNumber = (w: string) => /^\d+(\.\d+)?$/.test(w);

/**
 * Chinese numerals and the measure words said with them (三岁, 五十多岁, 几百块, 两根, 十几只, 两种,
 * 好几遍, 跑一趟): the dictionary cuts them into single characters, but they are understood: they
 * tell the case, like a number, and are not named to the person as words the search did not know
 * (nor read as a slip: 两种病 is not 重病). Not 半: it starts words as often (半夜, 半身不遂) as it counts.
 */
export const isNumeralPiece = (w: string) => /^[零一二三四五六七八九十百千万两几多岁个年月块只根次天周亩头斤元种遍趟条]$/u.test(w);

/** The words a place's name ends with: town, township, county, district, village, banner … */
const PLACE_WORDS: ReadonlySet<string> = new Set(['镇', '乡', '县', '区', '村', '屯', '旗', '苏木', '嘎查', '街道']);
const PLACE_END = new RegExp(`(?:${[...PLACE_WORDS].join('|')})$`, 'u');

/**
 * What a question said in words the search does not know: runs of two or more characters
 * that the index's dictionary could only cut one by one (危险 → 危 险, 突然 → 突 然) and that
 * are neither question words nor everyday words. Their characters are not searched, but the
 * person should hear that the words were not understood, and curators see what the vocabulary
 * lacks (`npm run questions:gaps`).
 *
 * `place`: the run names a place, ending like one (郭城驿镇, 铁山港区) or followed by a word that
 * ends a place's name (沙金套海 · 苏木). A town or village the plans do not name says where the
 * person lives, not what they ask: it is not named as a word not understood, and never read as
 * a pinyin slip. China has some 40,000 towns; no vocabulary lists them.
 */
export function unknownRunsIn(words: readonly string[], known: (word: string) => boolean): { text: string; place: boolean }[] {
  const out: { text: string; place: boolean }[] = [];
  let run: string[] = [];
  const flush = (next?: string) => {
    const text = run.join('');
    if (run.length >= 2) out.push({ text, place: PLACE_END.test(text) || (next !== undefined && PLACE_WORDS.has(next)) });
    run = [];
  };
  for (const w of words) {
    if (isLoneChar(w) && !known(w)) run.push(w);
    else flush(w);
  }
  flush();
  return out;
}

/** The runs of `unknownRunsIn`, places included. */
export const unknownRuns = (words: readonly string[], known: (word: string) => boolean): string[] =>
  unknownRunsIn(words, known).map((r) => r.text);

/** The runs of `unknownRunsIn` that name a place. */
export const placeRuns = (words: readonly string[], known: (word: string) => boolean): string[] =>
  unknownRunsIn(words, known)
    .filter((r) => r.place)
    .map((r) => r.text);

