// Does build time grow linearly with the number of articles? The marginal CPU
// per extra article over each span of sizes, with how far the machine's noise
// could move it. A span whose marginal the noise could move by more than a
// third says nothing (3 → 100 articles is a few seconds between two builds of
// 10 s or more), so a verdict needs two neighbouring spans that are measured.
import { median } from './project.ts';

/** The same build differs by about 5–10% from one hour to the next on this shared machine. */
export const NOISE_FLOOR = 0.05;
/** Marginal cost per article may grow this much from one span to the next. */
export const MAX_GROWTH = 1.5;

export interface SizeCpu {
  n: number;
  /** CPU seconds of each build at this size. */
  cpu: number[];
}

export interface Span {
  from: number;
  to: number;
  /** Seconds of CPU per extra article, and how much the noise could move it either way. */
  marginal: number;
  uncertainty: number;
}

/** A size's noise: half the range of its runs, and never less than NOISE_FLOOR of its median. */
const noise = (cpu: number[]) => Math.max((Math.max(...cpu) - Math.min(...cpu)) / 2, NOISE_FLOOR * median(cpu));

export function spans(sizes: readonly SizeCpu[]): Span[] {
  const s = sizes.filter((x) => x.cpu.length > 0).sort((a, b) => a.n - b.n);
  return s.slice(1).map((b, i) => {
    const a = s[i];
    const dn = b.n - a.n;
    return { from: a.n, to: b.n, marginal: (median(b.cpu) - median(a.cpu)) / dn, uncertainty: (noise(a.cpu) + noise(b.cpu)) / dn };
  });
}

const measured = (s: Span) => s.marginal > 0 && s.uncertainty <= s.marginal / 3;
const ms = (x: number) => `${(x * 1000).toFixed(0)}`;

/** true: linear within MAX_GROWTH; false: superlinear beyond the noise; null: these sizes cannot tell. */
export function linearity(sizes: readonly SizeCpu[]): { linear: boolean | null; text: string } | null {
  const all = spans(sizes);
  if (all.length < 2) return null;
  const verdicts: { pair: string; linear: boolean | null }[] = [];
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1], all[i]];
    if (!measured(a) || !measured(b)) continue;
    const low = (b.marginal - b.uncertainty) / (a.marginal + a.uncertainty);
    const high = (b.marginal + b.uncertainty) / (a.marginal - a.uncertainty);
    const linear = low > MAX_GROWTH ? false : high <= MAX_GROWTH ? true : null;
    verdicts.push({ pair: `${a.from} → ${a.to} → ${b.to}: ${(b.marginal / a.marginal).toFixed(2)}× (${low.toFixed(2)}–${high.toFixed(2)}×)`, linear });
  }
  const figures = all.map((s) => `${s.from} → ${s.to}: ${ms(s.marginal)} ± ${ms(s.uncertainty)} ms`).join('; ');
  const unmeasured = all.filter((s) => !measured(s)).map((s) => `${s.from} → ${s.to}`);
  const linear = verdicts.some((v) => v.linear === false) ? false : verdicts.some((v) => v.linear === true) ? true : null;
  const why =
    verdicts.length > 0
      ? verdicts.map((v) => v.pair).join('; ')
      : `${unmeasured.join(', ')} within the noise: add a larger N (e.g. 2000) to judge`;
  return { linear, text: `CPU per extra article ${figures}. ${why}` };
}
