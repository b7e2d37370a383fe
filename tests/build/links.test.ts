// No broken link or fragment anywhere in dist/: every URL of every page and
// file, checked by the one link check (tests/support/links.ts) that the
// sub-path variant also runs.
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/dist.ts';
import { checkLinks } from '../support/links.ts';

describe('links', () => {
  it('every link, asset and fragment in dist/ resolves to a file and an element of the build', () => {
    const { problems, checked } = checkLinks(DIST);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
