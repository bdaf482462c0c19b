/**
 * The MDX pages `npm run ingest` writes (content/plans/<slug>/{overview,<area>}.mdx),
 * compiled by Astro's MDX integration. Only pages import this (it needs Vite).
 */
import type { MDXInstance } from 'astro';

export interface PlanMdxFrontmatter {
  plan: string;
  title: string;
  area?: string;
  areaSlug?: string;
  units?: number;
  boxItems?: number;
}

type PlanMdx = MDXInstance<PlanMdxFrontmatter>;

const modules = import.meta.glob<PlanMdx>('/content/plans/*/*.mdx');

/** The compiled MDX page `file` (without .mdx) of a plan. */
export async function loadPlanMdx(planSlug: string, file: string): Promise<PlanMdx> {
  const key = `/content/plans/${planSlug}/${file}.mdx`;
  const load = modules[key];
  if (!load) throw new Error(`missing ${key.slice(1)}: run \`npm run ingest\``);
  return load();
}

/** Whether the ingest wrote this MDX page (an area page only exists when the plan has units in it). */
export const hasPlanMdx = (planSlug: string, file: string): boolean => `/content/plans/${planSlug}/${file}.mdx` in modules;
