/**
 * The curated indicator catalogue (content/indicators.yaml): canonical ids for indicators
 * that different plans word differently, so they can be compared across plans.
 */
import { z } from 'zod';

export const IndicatorCatalogFileSchema = z.object({
  indicators: z.array(
    z.object({
      /** Canonical id, ASCII. */
      id: z.string().regex(/^[a-z][a-z0-9-]*$/),
      /** Name shown when comparing plans. */
      name: z.string(),
      /** Category shown when comparing plans. */
      category: z.string(),
      unit: z.string().nullable().optional(),
      /**
       * How a % indicator is charted: `share` (of 100: coverage, rates of people; the default)
       * or `growth` (a yearly growth rate, on its own scale so 10% is not drawn as a tenth).
       */
      scale: z.enum(['share', 'growth']).optional(),
      /** Names as plans print them (without the unit). */
      aliases: z.array(z.string()).min(1),
    }),
  ),
  /**
   * Names a plan's text uses for several indicators at once, with one value for all
   * (符合条件的残疾人纳入最低生活保障和“两项补贴”比例达到100%: 低保 and both 补贴): a target
   * stated under such a name is a row for each indicator listed (docs/ingest.md).
   */
  combined: z
    .array(
      z.object({
        name: z.string(),
        indicators: z.array(z.string()).min(2),
      }),
    )
    .optional(),
});

export type IndicatorCatalogFile = z.infer<typeof IndicatorCatalogFileSchema>;

export interface IndicatorCatalog {
  entries: IndicatorCatalogFile['indicators'];
  canonicalId(printedName: string): string | null;
  /** The indicators a name stands for: a combined name's several, an alias's one, else none. */
  canonicalIds(printedName: string): string[];
}

/** Names compare without spaces and without a trailing 比/比例 difference in punctuation. */
const key = (name: string) => name.replace(/\s+/g, '');

export function makeIndicatorCatalog(file: IndicatorCatalogFile): IndicatorCatalog {
  const byAlias = new Map<string, string>();
  for (const entry of file.indicators) {
    for (const alias of entry.aliases) {
      const k = key(alias);
      const existing = byAlias.get(k);
      if (existing && existing !== entry.id) throw new Error(`indicator alias ${alias} is listed under both ${existing} and ${entry.id}`);
      byAlias.set(k, entry.id);
    }
  }
  const combined = new Map<string, string[]>();
  for (const c of file.combined ?? []) {
    const k = key(c.name);
    if (byAlias.has(k)) throw new Error(`combined name ${c.name} is also an alias of ${byAlias.get(k)}`);
    if (combined.has(k)) throw new Error(`combined name ${c.name} is listed twice`);
    for (const id of c.indicators) if (!file.indicators.some((e) => e.id === id)) throw new Error(`combined name ${c.name} lists ${id}, which is not an indicator`);
    combined.set(k, c.indicators);
  }
  const canonicalId = (name: string) => byAlias.get(key(name)) ?? null;
  return {
    entries: file.indicators,
    canonicalId,
    canonicalIds: (name) => combined.get(key(name)) ?? [canonicalId(name)].filter((id): id is string => id !== null),
  };
}
