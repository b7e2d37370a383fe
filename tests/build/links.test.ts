// No broken links or fragments anywhere in dist/ (linkinator, crawling from the home page).
import { LinkChecker } from 'linkinator';
import { DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { describe, expect, it } from 'vitest';

describe('links', () => {
  it('every link and fragment in dist/ resolves', async () => {
    const checker = new LinkChecker();
    // The site's own absolute URLs (canonical, Open Graph, feed) are checked
    // against the local copy; Wikidata and the entries' sources are outside, and this machine is offline.
    const port = 5812;
    const result = await checker.check({
      path: 'dist/',
      port,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      urlRewriteExpressions: [{ pattern: new RegExp(`^${DEFAULT_SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: `http://localhost:${port}/` }],
      linksToSkip: async (link: string) => /^https?:\/\//.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.parent} → ${l.url} (${l.status})`);
    // Unique URLs: every page, asset and fragment link once.
    expect(result.links.length).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  }, 120_000);
});
