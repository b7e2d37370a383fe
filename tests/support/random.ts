// Seeded randomness for property tests: the same cases on every run, so a
// failure can be replayed (a linear congruential generator).
export function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return {
    /** An integer in [0, n). */
    below: (n: number) => next() % n,
    /** A number in [0, 1). */
    fraction: () => next() / 2 ** 31,
  };
}

/** A text of 1 to `most` pieces, drawn from `pieces`. */
export function piecesText(random: ReturnType<typeof seeded>, pieces: readonly string[], most: number): string {
  return Array.from({ length: 1 + random.below(most) }, () => pieces[random.below(pieces.length)]).join('');
}
