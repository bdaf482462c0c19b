// /feed.xml: the plans as an Atom feed, newest change first (src/publish/atom.ts).
import type { APIRoute } from 'astro';
import { titleWithStatus } from '../model/cited-title.ts';
import { atomXml, dayToDateTime, toDateTime } from '../publish/atom.ts';
import { planChanged } from '../publish/plan-dates.ts';
import { publicUrl } from '../publish/site-address.ts';
import { regionText } from '../site/catalog.ts';
import { readCatalog } from '../site/load.ts';
import { feedPath, homePath, planDataPath, planPath } from '../site/paths.ts';

export const GET: APIRoute = () => {
  const at = publicUrl;
  const xml = atomXml({
    id: at(feedPath()),
    title: '残疾人规划检索：新增和更新的规划',
    subtitle: '本站收录的各地残疾人保障和发展规划，按最近一次新增或更新排列。',
    self: at(feedPath()),
    home: at(homePath()),
    author: '残疾人规划检索',
    fallbackUpdated: toDateTime(new Date()),
    entries: readCatalog().map((e) => {
      const issued = [e.issuer, e.docNumber, e.date ? `${e.date} 印发` : null].filter(Boolean).join('，');
      return {
        id: at(planPath(e.slug)),
        title: `《${titleWithStatus(e)}》`,
        updated: planChanged(e),
        ...(e.date ? { published: dayToDateTime(e.date) } : {}),
        link: at(planPath(e.slug)),
        dataLink: at(planDataPath(e.slug)),
        category: e.status,
        summary: `${regionText(e)}，${e.level}${e.kind}，${e.status === '正式' ? '正式印发' : `${e.status}，不是正式印发的${e.kind}`}。${issued ? `${issued}。` : ''}`,
      };
    }),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
