/**
 * The last step of `npm run build`, after Astro and the search index: the files that
 * describe the built site as a whole (sitemap.xml, robots.txt, _headers), written into
 * dist/ by src/publish/publish-files.ts — the assembly of a sharded build writes them
 * the same way.
 *
 *   tsx scripts/build-publish.ts [--dist <dir>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writePublishFiles } from '../src/publish/publish-files.ts';

const { values: args } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
console.log(`build-publish: ${writePublishFiles(path.resolve(args.dist!)).summary}`);
