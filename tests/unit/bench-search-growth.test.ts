// scripts/bench/search-growth.ts: the scale bench's verdict on search bytes,
// which judges what a query looks up, not what a visit loads once nor the
// text of the few results it shows.
import { describe, expect, it } from 'vitest';
import { MAX_RATIO, searchGrowth } from '../../scripts/bench/search-growth.ts';

const KB = 1024;
/** Today's figures in shape: the engine load grows by Pagefind's page list, a query's lookup does not. */
const flat = [
  { n: 3, engineLoad: 81.3 * KB, firstOwn: 51 * KB, firstLookup: 30 * KB, later: 8 * KB, laterLookup: 0 },
  { n: 100, engineLoad: 82 * KB, firstOwn: 55 * KB, firstLookup: 28 * KB, later: 41 * KB, laterLookup: 10 * KB },
  { n: 1000, engineLoad: 88.3 * KB, firstOwn: 56 * KB, firstLookup: 25 * KB, later: 49 * KB, laterLookup: 11 * KB },
];

describe('search bytes as the edition grows', () => {
  it('passes when a query’s lookup stays within the ratio, first and later', () => {
    const g = searchGrowth(flat)!;
    expect(g.flat).toBe(true);
    expect(g.text).toBe('1st query 30.0 KB → 28.0 KB → 25.0 KB (0.83×); later 10.0 KB → 11.0 KB (1.10×)');
  });

  it('fails a query that reads a filter index listing every page', () => {
    const growing = flat.map((s) => ({ ...s, firstLookup: s.firstLookup + 40 * s.n }));
    expect(growing.at(-1)!.firstLookup / growing[0].firstLookup).toBeGreaterThan(MAX_RATIO);
    expect(searchGrowth(growing)!.flat).toBe(false);
  });

  it('fails later queries whose lookup grows with the edition', () => {
    expect(searchGrowth(flat.map((s) => ({ ...s, laterLookup: s.laterLookup + 20 * s.n })))!.flat).toBe(false);
  });

  it('reports, without judging, the results’ text and the engine’s one-time load per extra article', () => {
    const g = searchGrowth(flat)!;
    expect(g.notes[0]).toBe("with its results' text (the fragments of the results shown): 1st query 51.0 KB → 55.0 KB → 56.0 KB, later 41.0 KB → 49.0 KB");
    expect(g.notes[1]).toContain('81.3 KB → 82.0 KB → 88.3 KB');
    const two = [
      { n: 100, engineLoad: 80 * KB, firstOwn: 50 * KB, firstLookup: 20 * KB, later: 40 * KB, laterLookup: 10 * KB },
      { n: 200, engineLoad: 81 * KB, firstOwn: 50 * KB, firstLookup: 20 * KB, later: 40 * KB, laterLookup: 10 * KB },
    ];
    // Per extra article: over the articles between the two sizes.
    expect(searchGrowth(two)!.notes[1]).toContain('+10.2 B per extra article');
    const heavy = flat.map((s) => ({ ...s, engineLoad: s.engineLoad + 1000 * s.n, firstOwn: s.firstOwn + 1000 * s.n, later: s.later + 1000 * s.n }));
    expect(searchGrowth(heavy)!.flat).toBe(true);
  });

  it('needs two sizes, in any order; with two, later queries count from the smaller', () => {
    expect(searchGrowth(flat.slice(0, 1))).toBeNull();
    expect(searchGrowth([...flat].reverse())!.text).toBe(searchGrowth(flat)!.text);
    expect(searchGrowth(flat.slice(1))!.text).toContain('later 10.0 KB → 11.0 KB');
  });
});
