// Does build time grow linearly with the number of articles? Every build's
// CPU time (each run its own point) is fitted with a + b·N + c·N² by weighted
// least squares, and the fit's marginal cost per article, b + 2c·N, at the
// largest N is compared with that at the smallest. The verdict allows for the
// noise: two standard errors of the comparison either way, from the machine's
// noise (NOISE of each build's time) or, when the runs scatter more than that,
// from their own scatter. So more sizes and repeated runs narrow it, and a
// single noisy build can neither pass nor fail it alone.
import { median } from './project.ts';

/** One build differs from the next by about this share of its time on this shared machine. */
export const NOISE = 0.05;
/** The marginal cost per article at the largest N may be this many times that at the smallest. */
export const MAX_GROWTH = 1.5;

export interface SizeCpu {
  n: number;
  /** CPU seconds of each build at this size. */
  cpu: number[];
}

export interface Span {
  from: number;
  to: number;
  /** Seconds of CPU per extra article between the medians of two sizes. */
  marginal: number;
}

/** The marginal cost of each span between neighbouring sizes, from their medians (shown beside the verdict). */
export function spans(sizes: readonly SizeCpu[]): Span[] {
  const s = sizes.filter((x) => x.cpu.length > 0).sort((a, b) => a.n - b.n);
  return s.slice(1).map((b, i) => ({ from: s[i].n, to: b.n, marginal: (median(b.cpu) - median(s[i].cpu)) / (b.n - s[i].n) }));
}

export interface Fit {
  /** a, b, c of a + b·N + c·N² (seconds, seconds per article, seconds per article²). */
  coef: [number, number, number];
  /** Their covariance. */
  cov: number[][];
}

/** Weighted least squares of CPU = a + b·N + c·N², each run weighted by 1 / (NOISE · its time)². */
export function fitQuadratic(sizes: readonly SizeCpu[]): Fit | null {
  const points = sizes.flatMap((s) => s.cpu.map((y) => ({ n: s.n, y })));
  const scale = Math.max(...points.map((p) => p.n));
  if (new Set(points.map((p) => p.n)).size < 3 || !(scale > 0)) return null;
  // N over the largest N, so the normal equations stay well conditioned.
  const rows = points.map((p) => ({ x: [1, p.n / scale, (p.n / scale) ** 2], y: p.y, w: 1 / (NOISE * p.y) ** 2 }));
  const xtwx = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + r.w * r.x[i] * r.x[j], 0)));
  const xtwy = [0, 1, 2].map((i) => rows.reduce((s, r) => s + r.w * r.x[i] * r.y, 0));
  const inv = invert3(xtwx);
  if (!inv) return null;
  const beta = inv.map((row) => row.reduce((s, v, j) => s + v * xtwy[j], 0));
  // Runs that scatter more than NOISE widen the uncertainty; closer ones never narrow it below NOISE.
  const dof = rows.length - 3;
  const chi2 = rows.reduce((s, r) => s + r.w * (r.y - r.x.reduce((t, v, j) => t + v * beta[j], 0)) ** 2, 0);
  const spread = dof > 0 ? Math.max(1, chi2 / dof) : 1;
  const unscale = [1, 1 / scale, 1 / scale ** 2];
  return {
    coef: beta.map((v, i) => v * unscale[i]) as Fit['coef'],
    cov: inv.map((row, i) => row.map((v, j) => v * spread * unscale[i] * unscale[j])),
  };
}

function invert3(m: number[][]): number[][] | null {
  const [[a, b, c], [d, e, f], [g, h, k]] = m;
  const det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  const adj = [
    [e * k - f * h, c * h - b * k, b * f - c * e],
    [f * g - d * k, a * k - c * g, c * d - a * f],
    [d * h - e * g, b * g - a * h, a * e - b * d],
  ];
  return adj.map((row) => row.map((v) => v / det));
}

/** A linear combination vᵀθ of the fit's coefficients, with its standard error. */
const combine = (fit: Fit, v: number[]) => ({
  value: v.reduce((s, x, i) => s + x * fit.coef[i], 0),
  se: Math.sqrt(Math.max(0, v.reduce((s, x, i) => s + x * v.reduce((t, y, j) => t + y * fit.cov[i][j], 0), 0))),
});

const ms = (x: number) => `${(x * 1000).toFixed(0)}`;

/** true: linear within MAX_GROWTH; false: superlinear beyond the noise; null: these builds cannot tell. */
export function linearity(sizes: readonly SizeCpu[]): { linear: boolean | null; text: string } | null {
  const measured = sizes.filter((s) => s.cpu.length > 0);
  const fit = fitQuadratic(measured);
  if (!fit) return null;
  const ns = measured.map((s) => s.n);
  const [lo, hi] = [Math.min(...ns), Math.max(...ns)];
  // The marginal cost at N is b + 2c·N; the verdict weighs marginal(hi) − MAX_GROWTH · marginal(lo).
  const at = (n: number) => combine(fit, [0, 1, 2 * n]);
  const excess = combine(fit, [0, 1 - MAX_GROWTH, 2 * (hi - MAX_GROWTH * lo)]);
  const linear = excess.value + 2 * excess.se <= 0 ? true : excess.value - 2 * excess.se > 0 ? false : null;
  const [first, last] = [at(lo), at(hi)];
  const runs = measured.reduce((s, x) => s + x.cpu.length, 0);
  const figures =
    `fit of ${runs} builds at N = ${ns.join(', ')}: CPU per extra article ${ms(first.value)} ± ${ms(first.se)} ms at N = ${lo}, ` +
    `${ms(last.value)} ± ${ms(last.se)} ms at N = ${hi} (${(last.value / first.value).toFixed(2)}×)`;
  const why =
    linear === true
      ? `within ${MAX_GROWTH}× by two standard errors`
      : linear === false
        ? `above ${MAX_GROWTH}× by two standard errors`
        : `${MAX_GROWTH}× lies within two standard errors: repeat the runs (--runs) or add sizes to judge`;
  const between = spans(measured).map((s) => `${s.from} → ${s.to}: ${ms(s.marginal)} ms`).join('; ');
  return { linear, text: `${figures}; ${why}. Between medians: ${between}` };
}
