// An edition with more articles than the search page has boxes for (TOP):
// the variant build's twelve, made from the three texts (variant.ts). Its article filter waits behind a
// disclosure, so that a query fetches no filter index that grows with the
// edition (the `article`, `page` and `kind` filters) until the reader opens it; then
// the articles with most results come first, with their counts, and a chosen
// article is never hidden.
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOP } from '../../src/client/search/filters.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { ARTICLES as N, BASE } from './variant.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(inject('variant').dist, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A Pagefind filter file names its filter: gzip of "pagefind_dcd" and a CBOR pair, the name first. */
function filterName(body: Buffer): string {
  const b = zlib.gunzipSync(body);
  const [pair, text] = b.subarray(12);
  // 0x82: an array of two; 0x60 + n: a text of n < 24 bytes.
  if (b.subarray(0, 12).toString('latin1') !== 'pagefind_dcd' || pair !== 0x82 || text >> 5 !== 3 || (text & 31) >= 24) {
    throw new Error(`not a Pagefind filter file with a short name: ${b.subarray(0, 24).toString('hex')}`);
  }
  return b.subarray(14, 14 + (text & 31)).toString('utf8');
}

/** The search page at `query`, recording the name of every filter index it fetches. */
async function searchPage(query: string) {
  const page = await browser.newPage();
  const filters: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.pf_filter')) pending.push(r.body().then((b) => void filters.push(filterName(b))));
  });
  await page.goto(new URL(`search/${query}`, server.url).href);
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toMatch(/^\d+ results? for/);
  const fetched = async () => {
    await Promise.all(pending);
    return [...filters].sort();
  };
  return { page, fetched };
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"]`).innerText();
const disclosure = (page: Page) => page.locator('fieldset[data-group="article"] > details.filter-values');

describe(`search over ${N} articles`, () => {
  it('counts by kind at once from the entry filter alone, and fetches the article filter only when the article list is opened', async () => {
    const { page, fetched } = await searchPage('?q=Minsk');
    await expect.poll(() => count(page, 'kind:article')).toBe(String(N));
    await page.waitForLoadState('networkidle');
    // The entry filter has one value per glossary entry; the kind filter, which lists every page, is not needed.
    expect(await fetched()).toEqual(['entry']);
    expect(await disclosure(page).getAttribute('open')).toBeNull();
    expect(await page.locator('[data-count^="article:"]').allInnerTexts()).toEqual(Array(TOP).fill(''));

    await disclosure(page).locator('> summary').click();
    await expect.poll(() => count(page, 'article:Minsk agreements: The last chance to stop Russia from invading Ukraine.')).toMatch(/^\d+$/);
    expect(await fetched()).toEqual(['article', 'entry']);
    await page.close();
  });

  it('lists the articles with most results first, the rest under “More articles”, each count what choosing it gives', async () => {
    const { page } = await searchPage('?q=Minsk');
    await disclosure(page).locator('> summary').click();
    const top = page.locator('fieldset[data-group="article"] .filter-top .count');
    await expect.poll(() => top.allInnerTexts().then((t) => t.every((x) => /^\d+$/.test(x)))).toBe(true);
    const counts = (await top.allInnerTexts()).map(Number);
    expect(counts).toHaveLength(TOP);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const more = page.locator('fieldset[data-group="article"] details.filter-more');
    await more.locator('summary').click();
    await expect.poll(() => more.locator('.count').count()).toBe(N - TOP);
    const rest = (await more.locator('.count').allInnerTexts()).map(Number);
    expect(Math.max(...rest)).toBeLessThanOrEqual(Math.min(...counts));
    // The count is the number of results the filter gives.
    const box = page.locator('fieldset[data-group="article"] .filter-top input').first();
    const expected = counts[0];
    await box.check();
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(new RegExp(`^${expected} results? for`));
    await page.close();
  });

  it('opens the list by itself for an article chosen in the URL, and says what is chosen when closed', async () => {
    const title = 'Is there a diplomatic off-ramp from the Ukraine crisis? [copy 4]';
    const { page } = await searchPage(`?q=Putin&article=${encodeURIComponent(title)}`);
    expect(await disclosure(page).getAttribute('open')).toBe('');
    const box = page.locator(`fieldset[data-group="article"] input[value="${title}"]`);
    expect(await box.isChecked()).toBe(true);
    await expect.poll(() => count(page, `article:${title}`)).toMatch(/^[1-9]\d*$/);
    // Closed, the summary still tells the reader a choice narrows the results.
    await disclosure(page).locator('> summary').click();
    expect(await disclosure(page).locator('.filter-chosen').innerText()).toBe('(1 chosen)');
    await page.close();
  });
});
