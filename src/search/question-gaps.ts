/**
 * Which words of a question the search does not understand (pure; for curators, through
 * `npm run questions:gaps`, and for tests).
 */
import type { Lexicon } from './lexicon.ts';
import { planWithLexicon } from './query.ts';

export interface QuestionGaps {
  /** Words cut into single characters: the dictionary does not know them (危险 → 危 险). */
  unknown: string[];
  /** Required words that no indexed word starts with, in every form searched (咖啡馆). */
  unmatched: string[];
}

export function questionGaps(question: string, lexicon: Lexicon): QuestionGaps {
  const plan = planWithLexicon(question, lexicon);
  const found = (token: string) => lexicon.extensions(token).length > 0;
  const unmatched = plan.concepts
    .filter((c) => !c.optional && !c.alternatives.some((a) => a.tokens.every(found)))
    .map((c) => c.text);
  return { unknown: plan.unknown, unmatched };
}
