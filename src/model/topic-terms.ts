/**
 * Which clauses a 我能享受哪些政策 topic collects: pure, so the search index (its topic filter),
 * the topic pages and the finder share one rule.
 */

/** Whether a clause's text belongs to a topic: it holds one of the topic's terms (the topic page lists it). */
export const mentionsTopic = (text: string, topic: { terms: readonly string[] }): boolean =>
  topic.terms.some((t) => text.includes(t));
