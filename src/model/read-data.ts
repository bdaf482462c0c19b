/**
 * Reading the project's data files (generated JSON and curated YAML) with validation:
 * a missing or malformed file fails with its path and the offending field, in plain words.
 * Shared by the site's loaders and the search index builder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlText } from '../pipeline/catalog/load-yaml.ts';
import type { z } from 'zod';

/** Text of `relative` under `root`; a missing plan output says to run the ingest first. */
export function readDataText(root: string, relative: string): string {
  try {
    return readFileSync(join(root, relative), 'utf8');
  } catch (error) {
    const hint = relative.startsWith('content/plans') ? ' (run `npm run ingest` first)' : '';
    throw new Error(`cannot read ${relative}${hint}: ${(error as Error).message}`);
  }
}

/**
 * A curated YAML file as data; a syntax error (a repeated key, a bad indent) names the file
 * and its line, so a curator finds the line they broke. The catalogue's reader does the same
 * (src/pipeline/catalog/load-yaml.ts).
 */
export const parseYaml = (relative: string, text: string): unknown => parseYamlText(relative, text);

/** `data` checked against `schema`, or an error naming the file and field. */
export function validated<T>(relative: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${relative}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
