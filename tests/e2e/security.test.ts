// Safe to host: the strict Content-Security-Policy holds on every page type,
// with search and notes in use, and no request ever leaves the site.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const site = inject('siteUrl');
const browser = useBrowser();

interface Watched {
  page: Page;
  violations: () => Promise<string[]>;
  foreign: string[];
}

async function watch(width = 1000): Promise<Watched> {
  const context = await browser().newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const foreign: string[] = [];
  const origin = new URL(site).host;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.host !== origin) foreign.push(r.url());
  });
  await page.addInitScript(
    `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  );
  return { page, foreign, violations: () => page.evaluate('window.__csp') as Promise<string[]> };
}

describe('content security policy', () => {
  it('is in every page, with no unsafe-inline or unsafe-eval', async () => {
    const { page } = await watch();
    await page.goto(new URL('', site).href);
    const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/=]+' 'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    await page.context().close();
  });

  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    it(`${name} page: no violations and no request to another host`, async () => {
      const w = await watch();
      await w.page.goto(new URL(path, site).href, { waitUntil: 'networkidle' });
      if (path.startsWith('search/')) await w.page.waitForSelector('.result-title');
      expect(await w.violations()).toEqual([]);
      expect(w.foreign).toEqual([]);
      await w.page.context().close();
    });
  }

  it('holds with notes, sidenotes, the theme toggle and header search in use', async () => {
    for (const width of [1000, 1440]) {
      const w = await watch(width);
      await w.page.goto(new URL('articles/diplomatic-off-ramp/', site).href, { waitUntil: 'networkidle' });
      await w.page.locator('a[data-footnote-ref]').first().click();
      await w.page.locator('.theme-toggle').click();
      await w.page.locator('#site-search').fill('Kiev');
      await w.page.waitForSelector('#header-results [role=option]');
      await w.page.keyboard.press('ArrowDown');
      await w.page.keyboard.press('Enter');
      await w.page.waitForURL(/highlight=/);
      await w.page.waitForSelector('mark.search-hit');
      expect(await w.violations()).toEqual([]);
      expect(w.foreign).toEqual([]);
      await w.page.context().close();
    }
  });
});
