/** Loads the curated data files the pipeline applies (content/*.yaml). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AreaRulesFileSchema } from './classify/area-rules.ts';
import { loadYaml } from './catalog/load-yaml.ts';
import { IndicatorCatalogFileSchema, makeIndicatorCatalog } from './indicators/indicator-catalog.ts';
import type { Curated } from './ingest-plan.ts';

export const CURATED_FILES = { areas: 'content/areas.yaml', indicators: 'content/indicators.yaml' } as const;

export function loadCurated(root: string): Curated & { texts: string[] } {
  const areasText = readFileSync(join(root, CURATED_FILES.areas), 'utf8');
  const indicatorsText = readFileSync(join(root, CURATED_FILES.indicators), 'utf8');
  const rules = loadYaml(CURATED_FILES.areas, areasText, AreaRulesFileSchema).value;
  const indicators = makeIndicatorCatalog(loadYaml(CURATED_FILES.indicators, indicatorsText, IndicatorCatalogFileSchema).value);
  return { rules, indicators, texts: [areasText, indicatorsText] };
}
