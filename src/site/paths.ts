/**
 * Every URL the site links to, built in one place. Paths are absolute from the
 * site root and end in a slash (astro.config: trailingSlash 'always', directory
 * format), so they work from any static file server without rewrites.
 */

export const homePath = () => '/';
export const searchPath = () => '/search/';
export const aboutPath = () => '/about/';
export const indicatorsPath = () => '/indicators/';
export const boxesPath = () => '/boxes/';
export const entitlementsPath = () => '/entitlements/';
export const finderPath = () => '/finder/';
/** One plan's clauses per topic, fetched by the finder page's script. */
export const finderPlanDataPath = (planSlug: string) => `/finder/${planSlug}.json`;
export const topicPath = (topicSlug: string) => `/entitlements/${topicSlug}/`;
export const areaPath = (areaSlug: string) => `/areas/${areaSlug}/`;
export const planPath = (planSlug: string) => `/plans/${planSlug}/`;
export const planAreaPath = (planSlug: string, areaSlug: string) => `/plans/${planSlug}/${areaSlug}/`;
export const sourcePath = (planSlug: string) => `/plans/${planSlug}/source/`;

/** Anchor of a source line on the source view, e.g. `line-206`. */
export const lineAnchor = (line: number) => `line-${line}`;

/** Adds `#anchor` to a path. */
export const withAnchor = (path: string, anchor: string) => `${path}#${anchor}`;

/**
 * The plan slug of a page under /plans/<slug>/… . MDX components only receive
 * their `data` prop, so components that must link within their plan (TaskChapter)
 * read the plan from the URL of the page being rendered.
 */
export function planSlugFromPath(pathname: string): string | null {
  const match = /^\/plans\/([a-z][a-z0-9-]*)\//.exec(pathname);
  return match ? match[1] : null;
}

/** `/base/` for page 1, `/base/<n>/` after it (province pages cut into pages). */
const paged = (base: string, page: number) => (page === 1 ? base : `${base}${page}/`);
/** The plans of one province (a page of them). */
export const provincePath = (provinceSlug: string, page = 1) => paged(`/provinces/${provinceSlug}/`, page);
/** One area across the plans of one province, when the area page is split by province. */
export const areaProvincePath = (areaSlug: string, provinceSlug: string, page = 1) => paged(`/areas/${areaSlug}/${provinceSlug}/`, page);
/** The indicator comparison for one province, when split. */
export const indicatorsProvincePath = (provinceSlug: string, page = 1) => paged(`/indicators/${provinceSlug}/`, page);
/** One topic's clauses in one province's plans, when split. */
export const topicProvincePath = (topicSlug: string, provinceSlug: string, page = 1) => paged(`/entitlements/${topicSlug}/${provinceSlug}/`, page);
/** The 专栏 projects of one province's plans, when split. */
export const boxesProvincePath = (provinceSlug: string, page = 1) => paged(`/boxes/${provinceSlug}/`, page);

/** Open data (src/pages/data/): one plan's model as JSON. */
export const planDataPath = (planSlug: string) => `/data/plans/${planSlug}.json`;
/** Every clause, paragraph and 专栏 item of every plan, as CSV. */
export const clausesCsvPath = () => '/data/clauses.csv';
/** Every indicator row of every plan, as CSV. */
export const indicatorsCsvPath = () => '/data/indicators.csv';
/** The JSON Schema of a plan file, generated from the zod model. */
export const planSchemaPath = () => '/data/plan.schema.json';
/** The Atom feed of plans added or changed. */
export const feedPath = () => '/feed.xml';
