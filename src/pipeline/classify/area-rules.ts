/**
 * Area rules (content/areas.yaml) and the pure functions that apply them.
 */
import { z } from 'zod';
import { AreaSchema, type Area, type ChapterRole } from '../../model/plan.ts';

export const AreaRulesFileSchema = z.object({
  chapterRoles: z.object({
    tasks: z.array(z.string().min(1)).min(1),
    implementation: z.array(z.string().min(1)),
  }),
  areas: z
    .array(
      z.object({
        name: AreaSchema,
        /** ASCII slug used in URLs. */
        slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
        /** Page title of the area. */
        title: z.string(),
        /** One plain sentence saying what the area covers. */
        summary: z.string(),
        keywords: z.array(z.string().min(1)).min(1),
      }),
    )
    .length(6),
  /** `<plan slug>#<item id>` → area, for items whose words mislead the keywords. */
  overrides: z.record(z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/), AreaSchema).default({}),
});

export type AreaRules = z.infer<typeof AreaRulesFileSchema>;

/** Role of a chapter from its title. */
export function chapterRole(rules: AreaRules, title: string): ChapterRole {
  if (rules.chapterRoles.tasks.some((k) => title.includes(k))) return 'tasks';
  if (rules.chapterRoles.implementation.some((k) => title.includes(k))) return 'implementation';
  return 'overview';
}

export interface AreaMatch {
  area: Area;
  keyword: string;
}

/** The area whose keyword appears earliest in the text (longer keyword on a tie), or null. */
export function matchArea(rules: AreaRules, text: string): AreaMatch | null {
  let best: (AreaMatch & { at: number }) | null = null;
  for (const area of rules.areas) {
    for (const keyword of area.keywords) {
      const at = text.indexOf(keyword);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && keyword.length > best.keyword.length)) {
        best = { area: area.name, keyword, at };
      }
    }
  }
  return best ? { area: best.area, keyword: best.keyword } : null;
}

/** Classify one item from its own title outwards. `context` is ordered innermost first. */
export function classify(
  rules: AreaRules,
  key: string,
  context: { label: string; text: string | null }[],
): { area: Area; reason: string } | null {
  const override = rules.overrides[key];
  if (override) return { area: override, reason: 'override' };
  for (const { label, text } of context) {
    if (!text) continue;
    const match = matchArea(rules, text);
    if (match) return { area: match.area, reason: `${label}:${match.keyword}` };
  }
  return null;
}
