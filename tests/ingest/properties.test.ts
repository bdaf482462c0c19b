/**
 * Property: any damage to a real seed (tests/ingest/fixtures/mutations.ts) is either refused
 * with a typed error naming the file and a line, or ingested to a model that holds every
 * character of the cleaned source. Never an uncaught exception, never text lost quietly.
 * A few hundred runs here; `npm run bench` runs thousands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, curated, seedText } from './helpers.ts';
import { ingestChecked, mutate, mutationArb } from './fixtures/mutations.ts';

const seeds = catalog.map((entry) => ({ entry, text: seedText(entry.slug) }));
export const RUNS = 300;

describe('ingest of damaged seeds', () => {
  it(`refuses with file:line or keeps every character (${RUNS} runs)`, () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (k, mutations) => {
        const { entry, text } = seeds[k];
        const outcome = ingestChecked(entry, mutate(text, mutations), curated);
        if ('refused' in outcome) refused++;
        else accepted++;
      }),
      { numRuns: RUNS },
    );
    // Both outcomes happen: the property is not passing by refusing everything.
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  it('holds through CRLF, a BOM and MDX/HTML-special characters ({ } < > & * _ ` <script>) anywhere', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutationArb.filter((m) => ['crlf', 'bom', 'insert'].includes(m.kind)), { minLength: 1, maxLength: 6 }),
        (k, mutations) => {
          const { entry, text } = seeds[k];
          ingestChecked(entry, mutate(text, mutations), curated);
        },
      ),
      { numRuns: 60 },
    );
  });
});
