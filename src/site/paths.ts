/**
 * Every URL the site links to, built in one place. Paths are absolute from the
 * site root and end in a slash (astro.config: trailingSlash 'always', directory
 * format), so they work from any static file server without rewrites.
 *
 * They start with the base path the site is built for (`/` or e.g. `/plans/`,
 * content/site.yaml's address or BASE_PATH): Vite gives it to the pages and the
 * browser bundles as import.meta.env.BASE_URL. In plain Node (the search index, the
 * CLI) there is none and paths stay root-relative; the search page adds the base when
 * it shows an address from the index (`onSite`).
 */

const viteBase: string | undefined = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL;
/** The base path, `/` or `/plans/`. */
export const BASE = viteBase ? `/${viteBase.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';

/** A root-relative path (`/plans/x/`) as served under the base path (`/base/plans/x/`). */
export const onSite = (rootPath: string): string => (BASE === '/' || !rootPath.startsWith('/') ? rootPath : BASE + rootPath.slice(1));

/** The root-relative path of a served path: the base removed (`/base/plans/x/` → `/plans/x/`). */
export const offSite = (servedPath: string): string => (BASE !== '/' && servedPath.startsWith(BASE) ? servedPath.slice(BASE.length - 1) : servedPath);

export const homePath = () => onSite('/');
export const searchPath = () => onSite('/search/');
export const aboutPath = () => onSite('/about/');
export const indicatorsPath = () => onSite('/indicators/');
export const boxesPath = () => onSite('/boxes/');
export const entitlementsPath = () => onSite('/entitlements/');
export const finderPath = () => onSite('/finder/');
/** One plan's clauses per topic, fetched by the finder page's script. */
export const finderPlanDataPath = (planSlug: string) => onSite(`/finder/${planSlug}.json`);
/** One province's plans, for the finder's plan list when the catalogue is large (regionInSteps). */
export const finderRegionsPath = (provinceSlug: string) => onSite(`/finder/regions/${provinceSlug}.json`);
export const topicPath = (topicSlug: string) => onSite(`/entitlements/${topicSlug}/`);
export const areaPath = (areaSlug: string) => onSite(`/areas/${areaSlug}/`);
export const planPath = (planSlug: string) => onSite(`/plans/${planSlug}/`);
export const planAreaPath = (planSlug: string, areaSlug: string) => onSite(`/plans/${planSlug}/${areaSlug}/`);
export const sourcePath = (planSlug: string) => onSite(`/plans/${planSlug}/source/`);

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
  const match = /^\/plans\/([a-z][a-z0-9-]*)\//.exec(offSite(pathname));
  return match ? match[1] : null;
}

/** `/base/` for page 1, `/base/<n>/` after it (province pages cut into pages). */
const paged = (base: string, page: number) => (page === 1 ? base : `${base}${page}/`);
/** The plans of one province (a page of them). */
export const provincePath = (provinceSlug: string, page = 1) => onSite(paged(`/provinces/${provinceSlug}/`, page));
/** One area across the plans of one province, when the area page is split by province. */
export const areaProvincePath = (areaSlug: string, provinceSlug: string, page = 1) => onSite(paged(`/areas/${areaSlug}/${provinceSlug}/`, page));
/** The indicator comparison for one province, when split. */
export const indicatorsProvincePath = (provinceSlug: string, page = 1) => onSite(paged(`/indicators/${provinceSlug}/`, page));
/** One topic's clauses in one province's plans, when split. */
export const topicProvincePath = (topicSlug: string, provinceSlug: string, page = 1) => onSite(paged(`/entitlements/${topicSlug}/${provinceSlug}/`, page));
/** The 专栏 projects of one province's plans, when split. */
export const boxesProvincePath = (provinceSlug: string, page = 1) => onSite(paged(`/boxes/${provinceSlug}/`, page));

/** Open data (src/pages/data/): one plan's model as JSON. */
export const planDataPath = (planSlug: string) => onSite(`/data/plans/${planSlug}.json`);
/** Every clause, paragraph and 专栏 item of every plan, as CSV. */
export const clausesCsvPath = () => onSite('/data/clauses.csv');
/** Every indicator row of every plan, as CSV. */
export const indicatorsCsvPath = () => onSite('/data/indicators.csv');
/** The JSON Schema of a plan file, generated from the zod model. */
export const planSchemaPath = () => onSite('/data/plan.schema.json');
/** The Atom feed of plans added or changed. */
export const feedPath = () => onSite('/feed.xml');
