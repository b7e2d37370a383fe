// Safe to host, in Chromium and Firefox: the strict Content-Security-Policy
// holds on every page type, with search and notes in use, and no request
// ever leaves the site.
import { describe, expect, inject, it } from 'vitest';
import { eachBrowser, type TestPage } from '../support/browsers.ts';
import { PAGE_TYPES } from './page-types.ts';

const site = new URL(inject('siteUrl'));

/** Requests to any host but the site's (data: and blob: URLs stay in the page). */
function foreign(page: TestPage): string[] {
  return page.requests().filter((url) => {
    const u = new URL(url);
    return !['data:', 'blob:'].includes(u.protocol) && u.host !== site.host;
  });
}

eachBrowser((browsers) => {
  describe('content security policy', () => {
    it('is in every page, with no unsafe-inline or unsafe-eval', async () => {
      const page = await browsers.open('');
      const csp = (await page.attr('meta[http-equiv="Content-Security-Policy"]', 'content'))!;
      expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/=]+' 'wasm-unsafe-eval'/);
      expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      await page.close();
    });

    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      it(`${name} page: no violations and no request to another host`, async () => {
        const page = await browsers.open(path, { width: 1000, waitUntil: 'networkidle' });
        if (path.startsWith('search/')) await page.waitForSelector('.result-title');
        expect(await page.cspViolations()).toEqual([]);
        expect(foreign(page)).toEqual([]);
        // The watch saw the page's own requests, so an empty list means something.
        expect(page.requests()).toContain(new URL(path, site).href);
        await page.close();
      });
    }

    // Two widths, each loading the search engine: slow on a loaded machine.
    it('holds with notes, sidenotes, the theme toggle and header search in use', { timeout: 60_000 }, async () => {
      for (const width of [1000, 1440]) {
        const page = await browsers.open('articles/diplomatic-off-ramp/', { width, waitUntil: 'networkidle' });
        await page.click('a[data-footnote-ref]');
        await page.click('.theme-toggle');
        await page.fill('#site-search', 'Kiev');
        // The first query loads the engine: allow for a loaded machine.
        await page.waitForSelector('#header-results [role=option]', 30_000);
        // The next page starts a new record: check this one's first.
        expect(await page.cspViolations()).toEqual([]);
        // Pagefind's script and wasm, asked for on focus by the page (search-preload.ts), are fetched once: Pagefind uses the preloads.
        const engineFiles = page.requests().filter((url) => /\/pagefind\/(pagefind\.js|wasm\.)/.test(url));
        expect(engineFiles.map((url) => new URL(url).pathname).sort()).toEqual(['/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
        await page.press('ArrowDown');
        await page.press('Enter');
        await page.waitFor('/highlight=/.test(location.search)');
        await page.waitForSelector('mark.search-hit');
        expect(await page.cspViolations()).toEqual([]);
        expect(foreign(page)).toEqual([]);
        await page.close();
      }
    });
  });
});
