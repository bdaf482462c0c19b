/**
 * content/questions.yaml at build time: what a question carries that is not for retrieval
 * (drop), what helps ranking but is not required (soft), everyday words → the plans' words
 * (everyday) and one-character near forms (near). The schema lives here, not beside the
 * browser code, so that zod never reaches the search page's bundle.
 */
import { z } from 'zod';
import type { AliasTable } from './synonyms.ts';

const Term = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s && !/\s/.test(s), 'a term must have no spaces');

export const QuestionFileSchema = z
  .object({
    /** Question and function words, never searched. */
    drop: z.array(Term).default([]),
    /** Searched and ranked higher when present, never required. */
    soft: z.array(Term).default([]),
    /** Everyday word → the plans' words (searched as well as the typed word). */
    everyday: z
      .record(Term, z.array(Term).min(1))
      .default({})
      .superRefine((table, ctx) => {
        for (const [k, vs] of Object.entries(table)) {
          if (vs.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `lists itself (the typed word is always searched)` });
        }
      }),
    /** Groups of forms that differ by one character and mean the same here. */
    near: z.array(z.array(Term).min(2)).default([]),
    /** A person's case: only ranks when told in the story before the question (see QuestionRoles.story). */
    story: z.array(Term).default([]),
    /** Word → what it means beside other words of the question (see Sense in question-words.ts). */
    senses: z
      .record(Term, z.array(z.object({ when: z.array(Term).min(1), means: z.array(Term) }).strict()).min(1))
      .default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    const soft = new Set(file.soft);
    for (const w of file.drop) {
      if (soft.has(w)) ctx.addIssue({ code: 'custom', path: ['drop'], message: `${w} is both dropped and soft` });
      if (w in file.everyday) ctx.addIssue({ code: 'custom', path: ['drop'], message: `${w} is dropped and also mapped in everyday` });
      if (w in file.senses) ctx.addIssue({ code: 'custom', path: ['drop'], message: `${w} is dropped and also has senses` });
    }
  });

export type QuestionFile = z.infer<typeof QuestionFileSchema>;

/**
 * Every word the query segmenter must know whole for questions to be cut right. Not the `story`
 * words: they are matched against the words a question is cut into, and must not change the cut.
 */
export const questionVocabulary = (file: QuestionFile): string[] => [
  ...new Set([...file.drop, ...file.soft, ...Object.keys(file.everyday), ...file.near.flat(), ...Object.keys(file.senses)]),
];

/** Everyday words and near forms as alias-table entries (near groups work both ways). */
export function questionAliases(file: QuestionFile): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (k: string, vs: string[]) => {
    const cur = (out[k] ??= []);
    for (const v of vs) if (v !== k && !cur.includes(v)) cur.push(v);
  };
  for (const [k, vs] of Object.entries(file.everyday)) add(k, vs);
  for (const group of file.near) for (const k of group) add(k, group);
  return out;
}

/** Merges alias tables; values of the same key are joined, first table first. */
export function mergeAliases(...tables: AliasTable[]): AliasTable {
  const merged = new Map<string, string[]>();
  for (const t of tables) {
    for (const [k, vs] of Object.entries(t)) {
      const cur = merged.get(k) ?? [];
      for (const v of vs) if (!cur.includes(v)) cur.push(v);
      merged.set(k, cur);
    }
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
