// scripts/bench/linearity.ts: the scale bench's verdict on growth, which must
// neither pass nor fail on differences the machine's noise could make.
import { describe, expect, it } from 'vitest';
import { linearity, spans } from '../../scripts/bench/linearity.ts';

/** Builds of cost a + b·N + c·N² (seconds), each run off by ±`jitter` of itself. */
const sizes = (ns: number[], a: number, b: number, c = 0, jitter = 0.02) =>
  ns.map((n) => {
    const t = a + b * n + c * n * n;
    return { n, cpu: [t * (1 - jitter), t, t * (1 + jitter)] };
  });

describe('build-time linearity', () => {
  it('measures the marginal cost of each span, with the noise as its uncertainty', () => {
    const [first, second] = spans(sizes([100, 1000, 2000], 10, 0.04, 0, 0.1));
    expect(first).toMatchObject({ from: 100, to: 1000 });
    expect(first.marginal).toBeCloseTo(0.04, 6);
    // Half the range of each size's runs, over the articles between them.
    expect(first.uncertainty).toBeCloseTo((0.1 * 14 + 0.1 * 50) / 900, 6);
    expect(second.marginal).toBeCloseTo(0.04, 6);
    // Runs that agree closely still count the machine's hour-to-hour noise (5%).
    expect(spans(sizes([100, 1000], 10, 0.04, 0, 0.01))[0].uncertainty).toBeCloseTo((0.05 * 14 + 0.05 * 50) / 900, 6);
  });

  it('passes linear growth measured over spans the noise cannot hide', () => {
    expect(linearity(sizes([3, 100, 1000, 2000], 10, 0.04))?.linear).toBe(true);
  });

  it('fails quadratic growth that stands out of the noise', () => {
    // 40 ms per article, plus 60 µs per article per article (“The other texts” done naively).
    const result = linearity(sizes([100, 1000, 3000], 10, 0.04, 0.00006));
    expect(result?.linear).toBe(false);
  });

  it('says it cannot tell when the only small span is within the noise, whatever the ratio looks like', () => {
    // 3 → 100: a few seconds between two builds of 10 s; 1000 looks 1.5× dearer per article.
    const result = linearity([
      { n: 3, cpu: [10.4, 10.9, 10.0] },
      { n: 100, cpu: [13.2, 12.5, 13.8] },
      { n: 1000, cpu: [52.5, 53.6, 48.3] },
    ]);
    expect(result?.linear).toBeNull();
    expect(result?.text).toMatch(/3 → 100 within the noise: add a larger N/);
  });

  it('says it cannot tell when a growth under 1.5× could be over it within the noise', () => {
    // 40 then 52 ms per article (1.3×), each ±5%: the second could be 1.64× the first.
    const result = linearity([
      { n: 100, cpu: [14] },
      { n: 1000, cpu: [50] },
      { n: 2000, cpu: [102] },
    ]);
    expect(result?.linear).toBeNull();
    expect(result?.text).toMatch(/1\.30× \(1\.02–1\.64×\)/);
  });

  it('gives no verdict from two sizes', () => {
    expect(linearity(sizes([100, 1000], 10, 0.04))).toBeNull();
  });
});
