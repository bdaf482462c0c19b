/**
 * 我能享受哪些政策: the clauses and 专栏 items of every plan that mention a topic's terms.
 * Matching is plain substring search on the clause text; the terms in
 * content/entitlements.yaml are chosen to be specific enough for that.
 */
import type { CatalogEntry, Plan } from '../model/plan.ts';
import type { Topic } from './load.ts';
import { clauseText } from '../model/plan-text.ts';
import { mentionsTopic } from '../model/topic-terms.ts';
import { clauseGist, sentencesWith } from './text.ts';
import { placedUnits, unitHref, type PlacedUnit } from './units.ts';

export interface TopicMatch {
  placed: PlacedUnit;
  href: string;
  /** The clause's label and title or first sentence (the link text). */
  lead: string;
  /** The sentences that mention a term (what the reader came for). */
  sentences: string[];
  /** The same, without a sentence the link text already shows (a 专栏 item's title). */
  excerpt: string[];
  /** The unit is background (the plan's front matter or 编制背景 chapter), not what the plan will do. */
  background: boolean;
}

export interface TopicPlanMatches {
  plan: CatalogEntry;
  /** What the plan will do (tasks, 专栏, goals, implementation) first, then its background. */
  matches: TopicMatch[];
  /** Bodies the matching clauses name as responsible (lead bodies first), each once. */
  bodies: string[];
}

/** Ids of the units in a plan's background: front matter and chapters whose heading holds one of `words`. */
export function backgroundUnitIds(plan: Plan, words: readonly string[]): Set<string> {
  const ids = new Set(plan.front.map((u) => u.id));
  for (const chapter of plan.chapters) {
    if (!words.some((w) => chapter.heading.includes(w))) continue;
    for (const u of [...chapter.units, ...chapter.sections.flatMap((s) => s.units)]) ids.add(u.id);
  }
  return ids;
}

/**
 * Matches grouped by plan, plans in catalogue order; in each plan what it will do first and
 * its background after, each in source order. Plans without matches are left out.
 */
export function topicMatches(topic: Topic, plans: Plan[], backgroundWords: readonly string[] = []): TopicPlanMatches[] {
  return plans
    .map((plan) => {
      const background = backgroundUnitIds(plan, backgroundWords);
      const matches = placedUnits(plan)
        .filter((p) => mentionsTopic(clauseText(p.unit), topic))
        .map((placed): TopicMatch => {
          const lead = clauseGist(placed.unit).lead;
          const sentences = sentencesWith(clauseText(placed.unit), topic.terms);
          return {
            placed,
            href: unitHref(plan, placed),
            lead,
            sentences,
            excerpt: sentences.filter((s) => s !== lead),
            background: background.has(placed.unit.id),
          };
        });
      const ordered = [...matches.filter((m) => !m.background), ...matches.filter((m) => m.background)];
      const notes = matches.flatMap((m) => (m.placed.unit.responsibility ? [m.placed.unit.responsibility] : []));
      const bodies = [...new Set([...notes.flatMap((r) => r.lead), ...notes.flatMap((r) => r.partners)])];
      return { plan: plan.catalog, matches: ordered, bodies };
    })
    .filter((g) => g.matches.length > 0);
}

/** Number of matching units across all plans (for the topic index). */
export const topicMatchCount = (topic: Topic, plans: Plan[]): number =>
  topicMatches(topic, plans).reduce((n, g) => n + g.matches.length, 0);
