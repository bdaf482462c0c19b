/**
 * The fidelity check: the plan model, read back in source order, holds exactly the cleaned
 * source text (whitespace aside: Chinese has none that carries meaning, and table cells
 * are re-joined with single spaces). Run on every plan at every build, so no parser
 * change can drop or invent text unnoticed.
 */
import type { Plan } from '../../model/plan.ts';
import { planFragments } from '../../model/plan-text.ts';
import type { CleanLine } from '../clean/clean-lines.ts';
import { IngestError } from '../problems/ingest-error.ts';

export interface LostText {
  /** Source line where the model first differs from the cleaned source. */
  line: number;
  /** The source text from there (up to `SHOWN` characters), empty when the source has ended. */
  source: string;
  /** The model's text from there, empty when the model has ended. */
  model: string;
}

const SHOWN = 24;
const noSpace = (s: string) => s.replace(/\s+/g, '');

/** The first place the model's text differs from the cleaned source, or null when it holds it exactly. */
export function findLostText(cleaned: CleanLine[], plan: Plan): LostText | null {
  const model = noSpace(planFragments(plan).map((f) => f.text).join(''));
  const texts = cleaned.map((l) => noSpace(l.text));
  // The common case, compared at once; the line-by-line walk only runs to name a difference.
  if (model === texts.join('')) return null;
  let k = 0;
  // Walk the source line by line, so a difference is named by the line it is on.
  for (let n = 0; n < cleaned.length; n++) {
    const text = texts[n];
    for (let i = 0; i < text.length; i++, k++) {
      if (model[k] !== text[i]) {
        const rest = text.slice(i) + texts.slice(n + 1).join('');
        return { line: cleaned[n].line, source: rest.slice(0, SHOWN), model: model.slice(k, k + SHOWN) };
      }
    }
  }
  if (model.length > k) {
    const last = cleaned[cleaned.length - 1]?.line ?? 1;
    return { line: last, source: '', model: model.slice(k, k + SHOWN) };
  }
  return null;
}

/** Throw an IngestError naming the line and the text when the model does not hold the source exactly. */
export function assertFaithful(file: string, cleaned: CleanLine[], plan: Plan): void {
  const lost = findLostText(cleaned, plan);
  if (!lost) return;
  const reason = lost.model === ''
    ? `text missing from the plan model: "${lost.source}"`
    : lost.source === ''
      ? `the plan model has text the source does not: "${lost.model}"`
      : `the plan model does not hold the source text here: the source has "${lost.source}", the model "${lost.model}"`;
  throw new IngestError(file, lost.line, `fidelity check failed: ${reason}`);
}
