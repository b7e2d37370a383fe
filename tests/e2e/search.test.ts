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

/** Paths of every result on the search page (all of them: "Show more" until done). */
async function resultUrls(page: Page, query: string): Promise<string[]> {
  await page.waitForFunction(
    `/(\\d+ results? |No results )for “${query}”/.test(document.querySelector('#search-status')?.textContent ?? '')`,
    undefined,
    { timeout: 10_000 },
  );
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('.result-title').count();
    await more.click();
    await expect.poll(() => page.locator('.result-title').count()).toBeGreaterThan(before);
  }
  return page.locator('.result-title').evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search', () => {
  it('finds all three articles for “Minsk”', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/', site).href);
    const input = page.locator('#q');
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
    await page.locator('#q').fill('Lavrov');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Lavrov');
    await page.close();
  });

  it('from the header form on any page', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('glossary/', site).href);
    await page.locator('#site-search').fill('Weimar');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=Weimar/);
    expect((await resultUrls(page, 'Weimar'))[0]).toBe('/glossary/weimar-triangle/');
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
