/**
 * The JSON Schema of a plan file (/data/plans/<slug>.json), generated from the one zod
 * model (src/model/plan.ts) by zod-to-json-schema, so the published schema cannot drift
 * from what the build checks.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { PlanSchema } from '../model/plan.ts';
import { planSchemaPath } from '../site/paths.ts';
import { publicUrl } from './site-address.ts';

export function planJsonSchema(): Record<string, unknown> {
  const schema = zodToJsonSchema(PlanSchema, { name: 'Plan', target: 'jsonSchema7', $refStrategy: 'root' }) as Record<string, unknown>;
  return {
    $id: publicUrl(planSchemaPath()),
    title: '残疾人规划检索：一份规划的数据模型 (plan model)',
    description: 'One plan as the site is built from it: catalogue entry, front matter, chapters, sections, clauses, 专栏 boxes and indicator tables. Generated from src/model/plan.ts.',
    ...schema,
  };
}
