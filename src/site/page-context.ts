/**
 * Per-page state shared between a page and the MDX components it renders.
 * MDX components only receive their `data` prop, so a page puts what they need
 * (its plan) into Astro.locals before rendering <Content />.
 */
import type { Plan } from '../model/plan.ts';

export interface PageContext {
  plan?: Plan;
}

export function pageContext(locals: unknown): PageContext {
  const holder = locals as { siteContext?: PageContext };
  holder.siteContext ??= {};
  return holder.siteContext;
}

