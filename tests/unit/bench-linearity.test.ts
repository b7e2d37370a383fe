// scripts/bench/linearity.ts: the scale bench's verdict on growth, which must
// neither pass nor fail on differences the machine's noise could make.
import { describe, expect, it } from 'vitest';
import { fitQuadratic, linearity, spans } from '../../scripts/bench/linearity.ts';

/** Builds of cost a + b·N + c·N² (seconds), each size run three times: `jitter` below, on and above it. */
const sizes = (ns: number[], a: number, b: number, c = 0, jitter = 0.05) =>
  ns.map((n) => {
    const t = a + b * n + c * n * n;
    return { n, cpu: [t * (1 - jitter), t, t * (1 + jitter)] };
  });

describe('build-time linearity', () => {
  it('fits a + b·N + c·N² to every run', () => {
    const fit = fitQuadratic(sizes([3, 300, 1000], 15, 0.06, 0.00002, 0))!;
    expect(fit.coef[0]).toBeCloseTo(15, 6);
    expect(fit.coef[1]).toBeCloseTo(0.06, 8);
    expect(fit.coef[2]).toBeCloseTo(0.00002, 10);
    expect(fitQuadratic(sizes([100, 1000], 10, 0.04))).toBeNull();
  });

  it('passes linear growth measured with repeated runs', () => {
    const result = linearity(sizes([3, 300, 1000], 15, 0.06));
    expect(result?.linear).toBe(true);
    expect(result?.text).toMatch(/fit of 9 builds at N = 3, 300, 1000: CPU per extra article 60 ± \d+ ms at N = 3, 60 ± \d+ ms at N = 1000 \(1\.00×\); within 1\.5×/);
  });

  it('fails quadratic growth that stands out of the noise', () => {
    // 40 ms per article, plus 60 µs per article per article (“The other texts” done naively).
    expect(linearity(sizes([3, 300, 1000], 10, 0.04, 0.00006))?.linear).toBe(false);
  });

  it('says it cannot tell from single builds on a loaded machine', () => {
    // The scale bench's run of 3 December 2026, one build per size.
    const result = linearity([
      { n: 3, cpu: [18.25] },
      { n: 100, cpu: [27.59] },
      { n: 200, cpu: [29.47] },
      { n: 1000, cpu: [75.32] },
    ]);
    expect(result?.linear).toBeNull();
    expect(result?.text).toMatch(/1\.5× lies within two standard errors: repeat the runs/);
    expect(result?.text).toMatch(/Between medians: 3 → 100: 96 ms; 100 → 200: 19 ms; 200 → 1000: 57 ms$/);
  });

  it('says it cannot tell when the growth is near the limit', () => {
    // Marginal cost 40 ms at N = 3 and 60 ms at N = 1000: exactly 1.5×.
    expect(linearity(sizes([3, 300, 1000], 15, 0.04, 0.00001))?.linear).toBeNull();
  });

  it('widens the uncertainty when runs scatter more than the machine’s usual noise, and never narrows it below that', () => {
    const se = (jitter: number) => fitQuadratic(sizes([3, 300, 1000], 15, 0.06, 0, jitter))!.cov[2][2];
    expect(se(0.2)).toBeGreaterThan(se(0.05) * 4);
    expect(se(0.01)).toBeCloseTo(se(0.05), 12);
    expect(linearity(sizes([3, 300, 1000], 15, 0.06, 0, 0.2))?.linear).toBeNull();
  });

  it('lists the marginal cost between neighbouring medians', () => {
    expect(spans(sizes([3, 300, 1000], 15, 0.06)).map((s) => [s.from, s.to, Number(s.marginal.toFixed(6))])).toEqual([
      [3, 300, 0.06],
      [300, 1000, 0.06],
    ]);
  });
});
