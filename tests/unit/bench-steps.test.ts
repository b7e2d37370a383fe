// scripts/bench/project.ts: the steps the benches time, read from what
// `astro build` prints (Astro's total, and our search index step).
import { describe, expect, it } from 'vitest';
import { parseSteps } from '../../scripts/bench/project.ts';

const output = (astro: string, pagefind: string) =>
  [
    '16:40:01 [build] ✓ Completed in 2.10s.',
    `16:40:09 [edition:search-index] 164 pages indexed in ${pagefind}`,
    '16:40:09 [edition:staged-output] site written to dist/',
    `16:40:09 [build] \x1b[1m164 page(s) built in\x1b[22m \x1b[1m${astro}\x1b[22m`,
    '16:40:09 [build] Complete!',
  ].join('\n');

describe('build steps', () => {
  it('reads Astro’s total and the search index step, not Astro’s per-phase lines', () => {
    expect(parseSteps(output('31.20s', '2.34 s'))).toEqual([
      { label: 'astro build', seconds: 31.2 },
      { label: 'pagefind index', seconds: 2.34 },
    ]);
  });

  it('reads Astro’s times under a second and past a minute', () => {
    expect(parseSteps(output('850ms', '0.40 s'))[0].seconds).toBeCloseTo(0.85, 6);
    expect(parseSteps(output('2m 5s', '12.00 s'))[0].seconds).toBe(125);
  });

  it('reports no step a build did not print', () => {
    expect(parseSteps('16:40:01 [build] ✓ Completed in 2.10s.')).toEqual([]);
  });
});
