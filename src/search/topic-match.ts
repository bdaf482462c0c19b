/**
 * Which 我能享受哪些政策 topics (content/entitlements.yaml) a query is about, so that the
 * search shows the plain-language topic first: a family that asks 护理补贴多少钱 sees the
 * 护理补贴 topic, then the clauses. Pure; used by the search page and the CLI.
 *
 * A topic is named by a query when one of its required concepts — as typed or through an
 * alias or everyday word (轮椅 → 辅助器具) — holds one of the topic's terms or words people
 * use for it (`typed`): that is a strong match. A concept that is only part of a term (入学
 * inside 入学资助) is a weak match, and only when the concept is specific: a word found in
 * the terms of more than two topics (补贴, 残疾) names none of them.
 *
 * A typed word that the question vocabulary maps to other words names a topic through those
 * words, not through the characters it shares with one: 有照顾 (→ 优待 便利) is not 照顾 (托养).
 */
import type { QueryPlan } from './query.ts';

export interface TopicRef {
  slug: string;
  name: string;
  summary: string;
  /** The topic's clause terms (as in the plans). */
  terms: string[];
  /** What people type for it (轮椅, 上学 …). */
  typed?: string[];
}

export interface TopicMatch {
  topic: TopicRef;
  /** 2 per concept that holds a term, 1 per concept that is part of one. */
  score: number;
}

const STRONG = 2;
const WEAK = 1;
/** A word in more topics' terms than this is too general to name a topic. */
const GENERAL = 2;

export function matchTopics(plan: QueryPlan, topics: readonly TopicRef[], max = 2): TopicMatch[] {
  const words = (t: TopicRef) => [...t.terms, ...(t.typed ?? [])];
  const spread = (w: string) => topics.filter((t) => words(t).some((x) => x.includes(w))).length;
  const mapped = plan.concepts.filter((c) => c.alternatives.some((a) => !a.typed)).map((c) => c.text);
  // The query with the mapped words that hold `w` inside them blanked out.
  const outside = (text: string, w: string) => mapped.reduce((t, m) => (m !== w && m.includes(w) ? t.replaceAll(m, '\u0000') : t), text);
  // What the question sets aside (盲人除了按摩还能干啥) is not what it asks about, and a word read
  // in its sense (照顾 in an exam → 合理便利) names a topic only through that sense.
  const kept = plan.concepts.filter((c) => !c.optional && !c.phrase && !c.sensed).map((c) => c.text).join('');
  const sensed = plan.concepts.filter((c) => c.sensed).map((c) => c.text);
  const asked = [...(plan.aside ?? []), ...sensed].reduce((t, w) => t.replaceAll(w, '\u0000'), plan.query);
  const scored: TopicMatch[] = [];
  for (const topic of topics) {
    let score = 0;
    let strong = false;
    for (const c of plan.concepts) {
      if (c.optional) continue;
      let best = 0;
      for (const alt of c.alternatives) {
        const text = alt.text;
        for (const w of words(topic)) {
          if (outside(text, w).includes(w)) best = STRONG;
          else if ([...text].length >= 2 && w.includes(text) && spread(text) <= GENERAL) best = Math.max(best, WEAK);
        }
        if (best === STRONG) break;
      }
      score += best;
      strong ||= best === STRONG;
    }
    // A question's words are searched one by one (护理 · 补贴), but the topic is named by
    // the words as typed together (护理补贴多少钱), or by what is left once the question
    // words are gone (残疾人每个月能领多少补贴 → 残疾人补贴).
    if (!strong && words(topic).some((w) => outside(asked, w).includes(w) || outside(kept, w).includes(w))) score += STRONG;
    if (score >= STRONG) scored.push({ topic, score });
  }
  // Best first; among equals, the file's order (it lists the common ones first). A topic
  // one point behind the best is shown too (自闭症孩子康复: the rehabilitation topic and
  // the school one), never more than `max`.
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]?.score ?? 0;
  return scored.filter((m) => m.score >= top - 1).slice(0, max);
}
