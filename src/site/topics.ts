/**
 * 我能享受哪些政策: the clauses and 专栏 items of every plan that mention a topic's terms.
 * Matching is plain substring search on the clause text; the terms in
 * content/entitlements.yaml are chosen to be specific enough for that.
 */
import type { CatalogEntry, Plan } from '../model/plan.ts';
import type { Topic } from './load.ts';
import { clauseText } from '../model/plan-text.ts';
import { mentionsTopic } from '../model/topic-terms.ts';
import { sentencesWith } from './text.ts';
import { placedUnits, unitHref, type PlacedUnit } from './units.ts';

export interface TopicMatch {
  placed: PlacedUnit;
  href: string;
  /** The sentences that mention a term (what the reader came for). */
  sentences: string[];
}

export interface TopicPlanMatches {
  plan: CatalogEntry;
  matches: TopicMatch[];
}


/** Matches grouped by plan, plans in catalogue order, units in source order; plans without matches are left out. */
export function topicMatches(topic: Topic, plans: Plan[]): TopicPlanMatches[] {
  return plans
    .map((plan) => ({
      plan: plan.catalog,
      matches: placedUnits(plan)
        .filter((p) => mentionsTopic(clauseText(p.unit), topic))
        .map((placed) => ({ placed, href: unitHref(plan, placed), sentences: sentencesWith(clauseText(placed.unit), topic.terms) })),
    }))
    .filter((g) => g.matches.length > 0);
}

/** Number of matching units across all plans (for the topic index). */
export const topicMatchCount = (topic: Topic, plans: Plan[]): number =>
  topicMatches(topic, plans).reduce((n, g) => n + g.matches.length, 0);
