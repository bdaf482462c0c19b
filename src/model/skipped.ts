/**
 * Plans an operator left out of a build (`npm run ingest -- --skip <slug>`) while their text
 * is being fixed. Ingest writes them to content/plans/skipped.json; the home page lists them
 * as 暂未收录 with the reason, so a reader knows the plan exists and why it is missing.
 */
import { z } from 'zod';

export const SkippedPlanSchema = z.object({
  slug: z.string(),
  title: z.string(),
  shortName: z.string(),
  /** Why it is not published, in words for readers (e.g. 正在核对文本). */
  reason: z.string().min(1),
});

export const SkippedFileSchema = z.array(SkippedPlanSchema);

export type SkippedPlan = z.infer<typeof SkippedPlanSchema>;

/** File name inside content/plans/. */
export const SKIPPED_FILE = 'skipped.json';

/** The reason shown when the operator gives none. */
export const DEFAULT_SKIP_REASON = '正在核对文本';

/** `slug` or `slug=reason`, as given to --skip. */
export function parseSkipArgument(arg: string): { slug: string; reason: string } {
  const at = arg.indexOf('=');
  const slug = (at < 0 ? arg : arg.slice(0, at)).trim();
  const reason = at < 0 ? '' : arg.slice(at + 1).trim();
  return { slug, reason: reason || DEFAULT_SKIP_REASON };
}

/** 暂未收录：《…》（reason）；《…》（reason） */
export function skippedNotice(skipped: SkippedPlan[]): string | null {
  if (skipped.length === 0) return null;
  return `暂未收录：${skipped.map((s) => `《${s.title}》（${s.reason}）`).join('；')}`;
}
