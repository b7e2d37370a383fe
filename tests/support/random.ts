// Seeded randomness for property tests and fuzzing: the same cases on every
// run, so a failure can be replayed (mulberry32: small and deterministic).
export function seeded(seed: number) {
  let a = seed >>> 0;
  const fraction = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(fraction() * n);
  return {
    /** A number in [0, 1). */
    fraction,
    /** An integer in [0, n). */
    below,
    /** One of `xs`. */
    pick: <T>(xs: readonly T[]) => xs[below(xs.length)],
  };
}
export type Random = ReturnType<typeof seeded>;

/** A text of 1 to `most` pieces, drawn from `pieces`. */
export function piecesText(random: Random, pieces: readonly string[], most: number): string {
  return Array.from({ length: 1 + random.below(most) }, () => pieces[random.below(pieces.length)]).join('');
}
