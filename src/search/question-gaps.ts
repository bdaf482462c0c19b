/**
 * Which words of a question the search does not understand (pure; for curators, through
 * `npm run questions:gaps`, and for tests).
 */
import type { Lexicon } from './lexicon.ts';
import { planWithLexicon } from './query.ts';
import type { SoundFix } from './sounds.ts';

export interface QuestionGaps {
  /** Words cut into single characters: the dictionary does not know them (危险 → 危 险). */
  unknown: string[];
  /** Required words that no indexed word starts with, in every form searched (咖啡馆). */
  unmatched: string[];
  /** Pinyin slips the search reads as the word meant (残急人 → 残疾人): understood, not gaps. */
  fixes: SoundFix[];
}

export function questionGaps(
  question: string,
  lexicon: Lexicon,
  /** The engine's reader of pinyin slips (src/search/sounds.ts `slipReader`), to read them as the engine does. */
  readSlips?: (query: string) => { query: string; fixes: SoundFix[] },
): QuestionGaps {
  const fixed = readSlips ? readSlips(question) : { query: question, fixes: [] };
  const plan = planWithLexicon(fixed.query, lexicon);
  const found = (token: string) => lexicon.extensions(token).length > 0;
  const unmatched = plan.concepts
    .filter((c) => !c.optional && !c.alternatives.some((a) => a.tokens.every(found)))
    .map((c) => c.text);
  return { unknown: plan.unknown, unmatched, fixes: fixed.fixes };
}
