/**
 * The 我能享受哪些政策 topics (content/entitlements.yaml), one schema for the site (topic pages,
 * the finder) and the search (topic cards, ranking).
 */
import { z } from 'zod';
import { parseYaml, readDataText, validated } from './read-data.ts';

export const TopicSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/, 'topic slug must be lowercase ASCII'),
  /** What people call it. */
  name: z.string().min(2),
  /** 2–3 plain sentences: what it is, who to ask, that local policy decides. */
  summary: z.string().min(10),
  /** Who to ask, as the summary words it (the finder shows it when a clause names no body). */
  ask: z.array(z.string().min(2)).min(1),
  /** A clause or box item belongs to the topic when its text contains any of these. */
  terms: z.array(z.string().min(2)).min(1),
  /** What people type when they mean the topic (the search shows it first). */
  typed: z.array(z.string().min(1)).default([]),
});

export type Topic = z.infer<typeof TopicSchema>;

export const TOPICS_FILE = 'content/entitlements.yaml';

/** The topics, validated; a slug used twice fails naming it. */
export function readTopicsFile(root: string): Topic[] {
  const topics = validated(TOPICS_FILE, z.object({ topics: z.array(TopicSchema) }), parseYaml(TOPICS_FILE, readDataText(root, TOPICS_FILE))).topics;
  const slugs = topics.map((t) => t.slug);
  const duplicate = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (duplicate) throw new Error(`${TOPICS_FILE}: topic slug ${duplicate} is used twice`);
  return topics.map((t) => ({ ...t, summary: t.summary.trim() }));
}

/**
 * Words that name a plan's background chapter (编制背景 …: what was done before the plan).
 * A topic page lists what the plan will do first and these clauses after it, under their
 * own heading, so past figures (2020) are not read as the plan's promise (2025).
 */
export function readBackgroundChapterWords(root: string): string[] {
  const schema = z.object({ backgroundChapters: z.array(z.string().min(2)).min(1) });
  return validated(TOPICS_FILE, schema, parseYaml(TOPICS_FILE, readDataText(root, TOPICS_FILE))).backgroundChapters;
}
