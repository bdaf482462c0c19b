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
});

export type IndicatorCatalogFile = z.infer<typeof IndicatorCatalogFileSchema>;

export interface IndicatorCatalog {
  entries: IndicatorCatalogFile['indicators'];
  canonicalId(printedName: string): string | null;
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
  return { entries: file.indicators, canonicalId: (name) => byAlias.get(key(name)) ?? null };
}
