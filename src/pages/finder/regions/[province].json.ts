// /finder/regions/<province>.json : the plans of one province (slug, place, option text,
// draft status), fetched by the finder page's script when the reader picks a province. Only
// made when the catalogue is above MAX_REGION_RADIOS (src/site/finder.ts); below it the page
// lists the plans as radio buttons. Made by the job that renders the finder page (the shared
// job of a sharded build, which has the whole catalogue).
import type { APIRoute } from 'astro';
import { finderRegionLists } from '../../../site/finder-data.ts';
import { regionInSteps, type FinderRegionList } from '../../../site/finder.ts';
import { rendersSharedPages } from '../../../site/build-shard.ts';
import { readCatalog } from '../../../site/load.ts';

export function getStaticPaths() {
  const catalog = readCatalog();
  if (!rendersSharedPages() || !regionInSteps(catalog.length)) return [];
  return finderRegionLists(catalog).map((list) => ({ params: { province: list.province }, props: { list } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { list: FinderRegionList }).list), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
