/**
 * Which part of the site this Astro build renders. A national build runs one Astro build
 * per province (its plans' pages and its per-province comparison pages) and one for the
 * shared pages (home, topics, finder, indicators, comparison indexes, about, search); an
 * assemble step puts them side by side (`npm run build:shards`, docs/deploy.md). The shard
 * is named by the environment (SITE_SHARD), because Astro's getStaticPaths takes no
 * arguments; unset, the build renders the whole site as one job (`npm run build`).
 */

/** SITE_SHARD value of the job that renders the shared pages. */
export const SHARED_SHARD = 'shared';

/** The shard this build renders: a province slug, SHARED_SHARD, or null for the whole site. */
export const buildShard = (env: Record<string, string | undefined> = process.env): string | null => env.SITE_SHARD?.trim() || null;

/** Whether this build renders plan pages and per-province comparison pages (all but the shared job). */
export const rendersPlanPages = (shard = buildShard()): boolean => shard !== SHARED_SHARD;

/** Whether this build renders the shared pages that have static paths (areas, topics, province listings). */
export const rendersSharedPages = (shard = buildShard()): boolean => shard === null || shard === SHARED_SHARD;

/**
 * In a sharded build every comparison and listing is split by province whatever the count:
 * the shared job's index pages link to per-province pages that the province jobs render,
 * and both must agree without one seeing the other's plans.
 */
export const shardedBuild = (shard = buildShard()): boolean => shard !== null;
