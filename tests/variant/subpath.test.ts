// The site hosted under a sub-path (the variant build, variant.ts): built with SITE_BASE=/edition/, every
// link, asset and script reference carries the base and resolves to a file
// of the build; in Chromium, served under /edition/ only, search finds pages
// and links to them under the base, and the article page loads its script
// and stylesheet with no failed request. One article of the variant has an
// image, which Astro must import and serve under the base like any asset.
import fs from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { checkLinks } from '../support/links.ts';
import { serveStatic } from '../support/server.ts';
import { parsePage, readPage } from '../support/site-files.ts';
import { BASE, IMAGE } from './variant.ts';

const out = inject('variant').dist;
const ARTICLE_PAGE = 'articles/minsk-last-chance/index.html';
const article = parsePage(readPage(out, ARTICLE_PAGE));

describe(`the site built under ${BASE}`, () => {
  it('has every link, asset and script reference under the base, each resolving to a file of the build', () => {
    const { problems, checked } = checkLinks(out, BASE);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('links names to their entries under the base, in the markup the reading script expects', () => {
    const names = selectAll('a.name', article);
    expect(names.length).toBeGreaterThan(30);
    for (const a of names) expect(a.properties.href).toBe(`${BASE}glossary/${a.properties.dataEntry}/`);
    const listed = selectAll('.names-list a[data-entry]', article);
    for (const a of listed) expect(a.properties.href).toBe(`${BASE}glossary/${a.properties.dataEntry}/`);
    expect(readPage(out, ARTICLE_PAGE)).toMatch(/<a class="name" href="\/edition\/glossary\/moscow\/" data-entry="moscow">Moscow’s<\/a>/);
  });

  it('imports an article’s image as an asset under the base (src/plugins/prerender.ts leaves it to Astro)', () => {
    const srcs = selectAll('img', article).map((img) => String(img.properties.src));
    expect(srcs).toHaveLength(1);
    expect(srcs[0]).toMatch(new RegExp(`^${BASE}_astro/${IMAGE}\\.[\\w-]+\\.svg$`));
    expect(fs.existsSync(path.join(out, srcs[0].slice(BASE.length)))).toBe(true);
  });

  describe('in Chromium, served only under the base', () => {
    let server: Awaited<ReturnType<typeof serveStatic>>;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    beforeAll(async () => {
      server = await serveStatic(out, BASE);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function openPage(sitePath: string) {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('requestfailed', (r) => failures.push(`${r.url()} (${r.failure()?.errorText})`));
      page.on('response', (r) => {
        if (r.status() >= 400) failures.push(`${r.url()} (${r.status()})`);
      });
      page.on('pageerror', (e) => failures.push(`script error: ${e.message}`));
      await page.goto(new URL(sitePath, server.url).href, { waitUntil: 'networkidle' });
      return { page, failures };
    }

    it('search finds pages and links to them under the base', async () => {
      const { page, failures } = await openPage('search/?q=Minsk');
      const results = page.locator('[data-search-ui] a[href]');
      await expect.poll(() => page.locator('[data-search-ui] a[href*="articles/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, href).toMatch(new RegExp(`^${BASE}`));
      expect(hrefs).toEqual(expect.arrayContaining([`${BASE}articles/minsk-last-chance/`, `${BASE}glossary/minsk-agreements/`]));
      // Every result opens a page of the site.
      for (const href of new Set(hrefs)) {
        const response = await page.request.get(new URL(href, server.url).href);
        expect(response.status(), href).toBe(200);
      }
      expect(failures).toEqual([]);
      await page.close();
    });

    it('the article page loads its scripts and stylesheet, with no failed request', async () => {
      const { page, failures } = await openPage('articles/minsk-last-chance/');
      const assets = await page.evaluate(`(() => ({
        scripts: [...document.querySelectorAll('script[src]')].map((s) => s.src),
        sheets: [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
      }))()`) as { scripts: string[]; sheets: { href: string | null; rules: number }[] };
      const linked = assets.sheets.filter((s) => s.href);
      expect(linked.length).toBeGreaterThan(0);
      for (const s of linked) {
        expect(new URL(s.href!).pathname).toMatch(new RegExp(`^${BASE}`));
        expect(s.rules, s.href!).toBeGreaterThan(0);
      }
      for (const src of assets.scripts) expect(new URL(src).pathname).toMatch(new RegExp(`^${BASE}`));
      // The preview script ran under the base: a name's preview fetched its fragment there.
      await page.locator('.article-body a.name').first().hover();
      const link = page.locator('.popover a[href*="glossary/"]').first();
      await link.waitFor();
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toMatch(new RegExp(`^${BASE}glossary/`));
      expect(failures).toEqual([]);
      await page.close();
    });
  });
});
