// No broken links or fragments anywhere in dist/ (linkinator, crawling from the home page).
import net from 'node:net';
import { LinkChecker } from 'linkinator';
import { DEFAULT_SITE_URL } from '../../src/lib/meta.ts';
import { describe, expect, it } from 'vitest';

/** A port free now: linkinator serves dist/ on the port it is given, and other checkouts may run this test at the same time. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('links', () => {
  it('every link and fragment in dist/ resolves', async () => {
    const checker = new LinkChecker();
    // The site's own absolute URLs (canonical, Open Graph, feed) are checked
    // against the local copy; Wikidata and the entries' sources are outside, and this machine is offline.
    const port = await freePort();
    const result = await checker.check({
      path: 'dist/',
      port,
      recurse: true,
      checkFragments: true,
      // A loaded machine drops some of many connections at once (status 0): fewer, each retried.
      concurrency: 8,
      retryErrors: true,
      retryErrorsCount: 3,
      urlRewriteExpressions: [{ pattern: new RegExp(`^${DEFAULT_SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: `http://localhost:${port}/` }],
      linksToSkip: async (link: string) => /^https?:\/\//.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.parent} → ${l.url} (${l.status})`);
    // Unique URLs: every page, asset and fragment link once.
    expect(result.links.length).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  }, 300_000);
});
