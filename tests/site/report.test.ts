// How to report a wrong or outdated text: the address and what to include come from
// content/site.yaml (one place, set by the site's operator) and render on the About page
// and in every page's footer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readReportSettings } from '../../src/site/load.ts';
import { decodeEntities, readDist, requireDist, textOf } from './site';

requireDist();
const settings = readReportSettings();

describe('reporting a wrong or outdated text', () => {
  it('content/site.yaml holds the address; an https address links as it is', () => {
    const raw = parse(readFileSync('content/site.yaml', 'utf8'));
    expect(settings.address).toBe(raw.report.address);
    expect(settings.href).toBe(/@/.test(settings.address) && !/^https?:/.test(settings.address) ? `mailto:${settings.address}` : settings.address);
    expect(settings.include.length).toBeGreaterThan(0);
    // What to include names the citation copied with 复制引用.
    expect(settings.include.join('')).toContain('复制引用');
  });

  it('the About page gives the address and what to include', () => {
    const html = readDist('about/index.html');
    expect(html).toContain('id="report"');
    const links = [...html.matchAll(/<a href="([^"]*)"[^>]*data-report-address[^>]*>([^<]*)<\/a>/g)].map((m) => [decodeEntities(m[1]), decodeEntities(m[2])]);
    expect(links).toContainEqual([settings.href, settings.address]);
    const list = /<ol data-report-include[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    expect([...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]))).toEqual(settings.include);
  });

  it.each(['index.html', 'plans/huining/kangfu/index.html', 'search/index.html'])('the footer of %s links to it and to the About page’s advice', (file) => {
    const footer = /<footer class="site-footer"[\s\S]*?<\/footer>/.exec(readDist(file))?.[0] ?? '';
    expect(decodeEntities(footer)).toContain(`href="${settings.href}"`);
    expect(footer).toContain('href="/about/#report"');
  });
});
