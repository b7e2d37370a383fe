// tests/bench/search-growth.ts: the scale bench's verdict on search bytes,
// which judges what a query costs, not what a visit loads once.
import { describe, expect, it } from 'vitest';
import { MAX_RATIO, searchGrowth } from '../bench/search-growth.ts';

const KB = 1024;
/** Today's figures in shape: the engine load grows by Pagefind's page list, a query's own bytes do not. */
const flat = [
  { n: 3, engineLoad: 82.7 * KB, firstOwn: 52 * KB, later: 8 * KB },
  { n: 100, engineLoad: 83.5 * KB, firstOwn: 55 * KB, later: 41 * KB },
  { n: 1000, engineLoad: 90.3 * KB, firstOwn: 62 * KB, later: 45 * KB },
];

describe('search bytes as the edition grows', () => {
  it('passes when a query’s own bytes and later queries’ bytes stay within the ratio', () => {
    const g = searchGrowth(flat)!;
    expect(g.flat).toBe(true);
    expect(g.text).toContain('(1.19×)');
    // At the smallest size the first query fetched the whole index: later queries count from the next size.
    expect(g.text).toContain('later 41.0 KB → 45.0 KB (1.10×)');
  });

  it('fails a query whose own bytes grow with the edition (a filter index read on every query)', () => {
    const growing = flat.map((s) => ({ ...s, firstOwn: s.firstOwn + 20 * s.n }));
    expect(growing.at(-1)!.firstOwn / growing[0].firstOwn).toBeGreaterThan(MAX_RATIO);
    expect(searchGrowth(growing)!.flat).toBe(false);
  });

  it('fails later queries that grow with the edition', () => {
    expect(searchGrowth(flat.map((s) => ({ ...s, later: s.later + 60 * s.n })))!.flat).toBe(false);
  });

  it('reports the engine’s one-time load per extra article, without judging it', () => {
    const g = searchGrowth(flat)!;
    expect(g.engine).toContain('82.7 KB → 83.5 KB → 90.3 KB');
    expect(g.engine).toContain(`+${((7.6 * KB) / 997).toFixed(1)} B per extra article`);
    // Per extra article: over the articles between the two sizes.
    const two = [
      { n: 100, engineLoad: 80 * KB, firstOwn: 50 * KB, later: 40 * KB },
      { n: 200, engineLoad: 81 * KB, firstOwn: 50 * KB, later: 40 * KB },
    ];
    expect(searchGrowth(two)!.engine).toContain('+10.2 B per extra article');
    // However fast it grows, the verdict is on queries.
    expect(searchGrowth(flat.map((s) => ({ ...s, engineLoad: s.engineLoad + 1000 * s.n })))!.flat).toBe(true);
  });

  it('needs two sizes, in any order', () => {
    expect(searchGrowth(flat.slice(0, 1))).toBeNull();
    expect(searchGrowth([...flat].reverse())!.text).toBe(searchGrowth(flat)!.text);
    // With two sizes, later queries count from the smaller.
    expect(searchGrowth(flat.slice(1))!.text).toContain('later 41.0 KB → 45.0 KB');
  });
});
