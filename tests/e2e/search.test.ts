// Search in a real browser, over the Pagefind index built into dist/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Paths of every result, once the search has settled (results load as they scroll into view). */
async function resultUrls(page: Page, query: string): Promise<string[]> {
  await page.waitForFunction(
    `/\\d+ results? for ${query}/.test(document.querySelector('pagefind-summary')?.textContent ?? '')`,
    undefined,
    { timeout: 10_000 },
  );
  const links = page.locator('pagefind-results a.pf-result-link');
  const total = await page.locator('pagefind-results li.pf-result').count();
  for (let round = 0; round < 5 && (await links.count()) < total; round++) {
    // Passed as a string: vitest rewrites code inside page.evaluate(fn).
    await page.evaluate(`(async () => {
      for (const li of document.querySelectorAll('pagefind-results li.pf-result')) {
        li.scrollIntoView();
        await new Promise((r) => setTimeout(r, 30));
      }
    })()`);
  }
  await expect.poll(() => links.count()).toBe(total);
  return links.evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search', () => {
  it('finds all three articles for “Minsk”', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/', site).href);
    const input = page.locator('pagefind-input input');
    await input.fill('Minsk');
    const urls = await resultUrls(page, 'Minsk');
    for (const slug of ['diplomatic-off-ramp', 'minsk-last-chance', 'macron-ukraine-crisis']) {
      expect(urls).toContain(`/articles/${slug}/`);
    }
    expect(urls).toContain('/glossary/minsk-agreements/');
    await page.close();
  });

  it('runs the query from the URL and keeps the URL in step', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/?q=Grushko', site).href);
    const urls = await resultUrls(page, 'Grushko');
    expect(urls).toContain('/glossary/alexander-grushko/');
    await page.locator('pagefind-input input').fill('Lavrov');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Lavrov');
    await page.close();
  });

  it('from the header form on any page', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('glossary/', site).href);
    await page.locator('#site-search').fill('Weimar');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=Weimar/);
    expect(await resultUrls(page, 'Weimar')).toContain('/glossary/weimar-triangle/');
    await page.close();
  });

  it('says plainly without JavaScript that search needs it, and offers the glossary', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('search/', site).href);
    const fallback = page.locator('[data-no-js-search]');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.innerText()).toMatch(/Search needs JavaScript/);
    expect(await fallback.locator('a[href="/glossary/"]').count()).toBe(1);
    expect(await page.locator('[data-search-ui]').isVisible()).toBe(false);
    await context.close();
  });
});
