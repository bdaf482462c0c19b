/**
 * Question words (content/questions.yaml): what a question carries that is not for
 * retrieval (drop), what helps ranking but is not required (soft), everyday words → the
 * plans' words (everyday) and one-character near forms (near). Pure; the file is read and
 * validated at index time and shipped to the browser inside the lexicon.
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
  })
  .strict()
  .superRefine((file, ctx) => {
    const soft = new Set(file.soft);
    for (const w of file.drop) {
      if (soft.has(w)) ctx.addIssue({ code: 'custom', path: ['drop'], message: `${w} is both dropped and soft` });
      if (w in file.everyday) ctx.addIssue({ code: 'custom', path: ['drop'], message: `${w} is dropped and also mapped in everyday` });
    }
  });

export type QuestionFile = z.infer<typeof QuestionFileSchema>;

/** Every word the query segmenter must know whole for questions to be cut right. */
export const questionVocabulary = (file: QuestionFile): string[] => [
  ...new Set([...file.drop, ...file.soft, ...Object.keys(file.everyday), ...file.near.flat()]),
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

/** How one word of a typed question is used. */
export type WordRole = 'drop' | 'soft' | 'keep';

export interface QuestionRoles {
  drop: ReadonlySet<string>;
  soft: ReadonlySet<string>;
}

/**
 * Splits one typed part (already cut into words) into what to search. Returns null when the
 * part holds no question or helper word: it is then a keyword, searched as typed.
 *
 * Otherwise the runs of kept words between dropped and soft words become required units
 * (孩子 | 自闭症 | 上学), and soft words optional ones. A single Han character left alone
 * (领, 办) is soft: on its own it would match any word starting with it. A word with an
 * everyday mapping (钱, 娃) is always kept.
 */
export function splitQuestion(
  words: readonly string[],
  roles: QuestionRoles,
  mapped: (word: string) => boolean,
): { required: string[][]; optional: string[]; dropped: string[] } | null {
  const role = (w: string): WordRole => (roles.drop.has(w) ? 'drop' : roles.soft.has(w) ? 'soft' : 'keep');
  if (!words.some((w) => role(w) !== 'keep')) return null;
  const required: string[][] = [];
  const optional: string[] = [];
  const dropped: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (!run.length) return;
    if (run.length === 1 && isLoneChar(run[0]) && !mapped(run[0])) optional.push(run[0]);
    else required.push(run);
    run = [];
  };
  for (const w of words) {
    const r = role(w);
    if (r === 'keep') {
      run.push(w);
      continue;
    }
    close();
    (r === 'drop' ? dropped : optional).push(w);
  }
  close();
  return { required, optional: [...new Set(optional)], dropped };
}

const isLoneChar = (w: string) => [...w].length === 1 && /\p{Script=Han}/u.test(w);
