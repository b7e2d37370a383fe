// src/lib/node-options.mjs: the heap the astro step runs with, and the
// reader's own NODE_OPTIONS kept as given.
import { describe, expect, it } from 'vitest';
import { astroNodeOptions, SEMI_SPACE_MB } from '../../src/lib/node-options.mjs';

const GB = 2 ** 30;

describe('astroNodeOptions', () => {
  it('gives half the machine’s memory (at least 4 GB) and a larger young generation', () => {
    expect(astroNodeOptions('', 16 * GB)).toBe(`--max-old-space-size=8192 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(astroNodeOptions(undefined, 4 * GB)).toBe(`--max-old-space-size=4096 --max-semi-space-size=${SEMI_SPACE_MB}`);
  });
  it('keeps what NODE_OPTIONS sets and adds only what it leaves out', () => {
    expect(astroNodeOptions('--max-old-space-size=2048', 16 * GB)).toBe(`--max-old-space-size=2048 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(astroNodeOptions('--enable-source-maps --max-semi-space-size=16', 16 * GB)).toBe(
      '--enable-source-maps --max-semi-space-size=16 --max-old-space-size=8192',
    );
    expect(astroNodeOptions('--max-old-space-size=3000 --max-semi-space-size=32', 16 * GB)).toBe('--max-old-space-size=3000 --max-semi-space-size=32');
  });
});
