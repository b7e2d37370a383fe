// Search in a real browser, over the Pagefind index built into dist/.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { articleResults, entityOf, entryPath, expectedPages, timesNamed } from './search-expected.ts';

const site = inject('siteUrl');
const browser = useBrowser();

/** Paths of every result on the search page (all of them: "Show more" until done). */
async function resultUrls(page: Page, query: string): Promise<string[]> {
  // Polled from outside: the page's CSP forbids the string evaluation waitForFunction uses.
  await expect
    .poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 })
    .toMatch(new RegExp(`(\\d+ results? |No results )for “${RegExp.escape(query)}”`));
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('.result-title').count();
    await more.click();
    await expect.poll(() => page.locator('.result-title').count()).toBeGreaterThan(before);
  }
  // "Show more" hides once the last batch is asked for; its results follow one by one.
  const announced = parseInt(await page.locator('#search-status').innerText()) || 0;
  await expect.poll(() => page.locator('.result-title').count(), { timeout: 10_000 }).toBe(announced);
  return page.locator('.result-title').evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** A page at `path` that records the path of every request it makes. */
async function tracked(path: string) {
  const page = await browser().newPage();
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(new URL(path, site).href, { waitUntil: 'networkidle' });
  return { page, fetched };
}

describe('search', () => {
  it('runs the query from the URL and keeps the URL in step', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Grushko', site).href);
    const urls = await resultUrls(page, 'Grushko');
    expect(urls).toContain('/glossary/alexander-grushko/');
    await page.locator('#q').fill('Lavrov');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Lavrov');
    await page.close();
  });

  it('from the header form on any page', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('glossary/', site).href);
    await page.locator('#site-search').fill('Weimar');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=Weimar/);
    expect((await resultUrls(page, 'Weimar'))[0]).toBe('/glossary/weimar-triangle/');
    await page.close();
  });

  it('says plainly without JavaScript that search needs it, and offers the glossary', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('search/', site).href);
    const fallback = page.locator('[data-no-js-search]');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.innerText()).toMatch(/Search needs JavaScript/);
    expect(await fallback.locator('a[href="/glossary/"]').count()).toBe(1);
    expect(await page.locator('[data-search-ui]').isVisible()).toBe(false);
    await context.close();
  });

  // Every spelling finds every text that names it, the entry first (accents,
  // possessives, another transliteration); what each must find is read from
  // the built site (search-expected.ts). One page, typed into query by query:
  // a search's state is its query.
  const QUERIES = ['Minsk', 'Kyiv', 'Kiev', 'Donbas', 'Donbass', 'Zelenskyy', 'Dmitry Peskov', 'Dmitri Peskov', 'Minsk accords', 'geostrategic catastrophe', 'tete-a-tete', 'tête-à-tête', "Macron's", 'Putin’s', 'Weimar Triangle', 'Finlandization', 'EU'];
  it('finds for every spelling of a name its entry first and each article naming it, and for other words each article with them', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/', site).href);
    for (const query of QUERIES) {
      const { first, pages } = expectedPages(query);
      expect(pages.filter((u) => u.startsWith('/articles/')).length, `${query}: an article to find`).toBeGreaterThan(0);
      await page.locator('#q').fill(query);
      const urls = await resultUrls(page, query);
      if (first) expect.soft(urls[0], query).toBe(first);
      for (const u of pages) expect.soft(urls, `${query}: ${u}`).toContain(u);
    }
    await page.close();
  });

  // Typing fast: each key searches at once; only the final query's results may stay on screen.
  const FAST_MS = 50;
  /** The search page's results, their count and what it was for, as a reader sees them. */
  const shownOnPage = async (page: Page) => ({
    status: await page.locator('#search-status').innerText(),
    urls: await page.locator('.result-title').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname)),
  });

  it(`typed at ${FAST_MS} ms a key, shows the final query's results, and no earlier query's replace them`, async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/', site).href, { waitUntil: 'networkidle' });
    // Hold every result's text until the typing is done, then let the earlier
    // queries' arrive last: a query typed past must not be drawn over the final one.
    const held: import('playwright-core').Route[] = [];
    let holding = true;
    await page.route((url) => url.pathname.endsWith('.pf_fragment'), (route) => (holding ? held.push(route) : route.continue()));
    const input = page.locator('#q');
    // Focus loads the engine; typed once it has, every prefix from two letters searches.
    const loaded = page.waitForResponse((r) => r.url().endsWith('.pf_meta'));
    await input.click();
    await loaded;
    await page.waitForTimeout(300);
    await input.pressSequentially('Kiev', { delay: FAST_MS });
    await page.waitForTimeout(300);
    holding = false;
    for (const route of held.reverse()) await route.continue();
    const urls = await resultUrls(page, 'Kiev');
    expect(urls[0]).toBe('/glossary/kyiv/');
    for (const u of ['/articles/macron-ukraine-crisis/', '/articles/minsk-last-chance/', '/articles/diplomatic-off-ramp/']) expect(urls).toContain(u);
    // The list is the final query's alone: as many results as announced, each once.
    expect(urls).toHaveLength(parseInt(await page.locator('#search-status').innerText()));
    expect(new Set(urls).size).toBe(urls.length);
    const settled = await shownOnPage(page);
    await page.waitForTimeout(1000);
    expect(await shownOnPage(page)).toEqual(settled);
    expect(held.length).toBeGreaterThan(0);
    await page.close();
  });

  it(`in the header box, typed at ${FAST_MS} ms a key from focus, ends on the final query's results`, async () => {
    const page = await browser().newPage();
    await page.goto(new URL('about/', site).href, { waitUntil: 'networkidle' });
    await page.keyboard.press('/');
    await page.keyboard.type('Grushko', { delay: FAST_MS });
    const panel = page.locator('#header-results');
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/All \d+ results? for “Grushko”/);
    const first = () => page.locator('#header-result-0').getAttribute('data-href');
    expect(new URL((await first())!, site).pathname).toBe('/glossary/alexander-grushko/');
    const settled = await panel.innerText();
    await page.waitForTimeout(1000);
    expect(await panel.innerText()).toBe(settled);
    await page.close();
  });

  it('searches a query ending in a word of one or two letters only at a pause in the typing', async () => {
    const page = await browser().newPage();
    // The page's timers run on a clock the test moves, so the pauses are exact whatever the machine's load.
    await page.clock.install();
    await page.goto(new URL('search/', site).href, { waitUntil: 'networkidle' });
    const input = page.locator('#q');
    // The engine loaded first (on focus): Pagefind waits on timers of its own while it starts.
    const loaded = page.waitForResponse((r) => r.url().endsWith('.pf_filter'));
    await input.focus();
    await loaded;
    await page.waitForTimeout(500);
    await page.clock.pauseAt(Date.now() + 60_000);
    const status = () => page.locator('#search-status').innerText();
    const shown = () => page.locator('.result-title').count();
    await input.pressSequentially('sphere');
    await expect.poll(shown, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.clock.runFor(250); // the rest of the first results wait for a pause in the typing
    await expect.poll(status, { timeout: 10_000 }).toMatch(/for “sphere”/);
    const before = await shown();
    // "o" and "of", as prefixes, would fetch the index of a great many words: nothing runs until the pause.
    await input.pressSequentially(' of');
    await page.waitForTimeout(3000);
    expect(await shown()).toBe(before);
    expect(await status()).toMatch(/for “sphere”/);
    // Then the pause: the query runs.
    await page.clock.resume();
    await expect.poll(status, { timeout: 10_000 }).toMatch(/for “sphere of”/);
    await page.close();
  });

  it('loads the engine on focus, before the first key, and no index before two characters', async () => {
    const { page, fetched } = await tracked('about/');
    await page.locator('#site-search').focus();
    await expect.poll(() => fetched.filter((u) => u.endsWith('.pf_meta') || u.includes('wasm')).length).toBe(2);
    expect(fetched.filter((u) => u.endsWith('.pf_index') || u.endsWith('.pf_fragment'))).toEqual([]);
    // The script and the wasm, asked for on focus beside the search code, are fetched once: Pagefind uses the preloads.
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => /\/pagefind\/(pagefind\.js|wasm\.)/.test(u)).sort()).toEqual(['/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
    await page.close();
  });

  it('searches once per query: the index chunks of the query’s own words, none of its other spellings', async () => {
    // What Pagefind alone fetches for the word, in a fresh visit.
    const own = await browser().newContext();
    const bare = await own.newPage();
    await bare.goto(new URL('about/', site).href);
    const alone = (await bare.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ noWorker: true });
      await pf.preload('minsk');
      return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.pf_index')).sort();
    })()`)) as string[];
    await own.close();
    expect(alone.length).toBeGreaterThan(0);
    // “Minsk” names the Minsk agreements, also spelt “Package of Measures”: their words' chunks are not fetched.
    const { page, fetched } = await tracked('search/');
    await page.locator('#q').fill('Minsk');
    await resultUrls(page, 'Minsk');
    expect(fetched.filter((u) => u.endsWith('.pf_index')).sort()).toEqual(alone);
    await page.close();
  });

  it('ranks a spelling’s results as the name’s: “Kiev” as “Kyiv”', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Kyiv', site).href);
    const kyiv = await resultUrls(page, 'Kyiv');
    await page.goto(new URL('search/?q=Kiev', site).href);
    expect((await resultUrls(page, 'Kiev')).slice(0, 4)).toEqual(kyiv.slice(0, 4));
    await page.close();
  });

  it('ranks the articles after the entry by how much they say about it', async () => {
    const kyiv = entityOf('Kyiv')!;
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Kyiv', site).href);
    const urls = await resultUrls(page, 'Kyiv');
    const naming = urls.slice(1).filter((u) => u.startsWith('/articles/'));
    expect(urls[0]).toBe(entryPath(kyiv));
    expect(naming.length).toBeGreaterThan(1);
    // Read from the texts: how many times each says “Kyiv” or “Kiev”; the results follow that order.
    const times = naming.map((u) => timesNamed(u, kyiv));
    expect(new Set(times).size, `${naming} name Kyiv ${times} times: no order to check`).toBeGreaterThan(1);
    expect(times, `${naming}`).toEqual([...times].sort((a, b) => b - a));
    await page.close();
  });

  it('links an article result to the paragraph that matched, highlighted on arrival', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Kyiv', site).href);
    await resultUrls(page, 'Kyiv');
    const link = page.locator('.result-title[href*="/articles/minsk-last-chance/"]');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\?highlight=[^#]*kiev[^#]*#p-\d+$/);
    await link.click();
    await page.waitForURL(/minsk-last-chance/);
    const id = href.split('#')[1];
    await expect.poll(() => page.locator(`p#${id} mark.search-hit`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator(`p#${id} mark.search-hit`).first().innerText()).toBe('Kiev');
    await page.close();
  });

  it('marks only words that match a spelling: not the “of” of “Package of Measures”, nor “off-ramp” as its start', async () => {
    const page = await browser().newPage();
    // “Minsk” is also searched as the Minsk agreements' “Package of Measures”.
    await page.goto(new URL('search/?q=Minsk', site).href);
    await resultUrls(page, 'Minsk');
    const marks = await page.locator('.result-excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.filter((m) => !/^\W*(minsk|package|measures)\W*$/i.test(m))).toEqual([]);
    const hrefs = await page.locator('.result-title').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(new URL(href).searchParams.get('highlight')).toBe('minsk package measures');
    await page.close();
  });

  it('filters by kind and by article, with counts', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Minsk&kind=article', site).href);
    const urls = await resultUrls(page, 'Minsk');
    const articles = articleResults('Minsk');
    expect(urls.every((u) => u.startsWith('/articles/'))).toBe(true);
    expect(urls.toSorted()).toEqual(articles);
    await expect.poll(() => page.locator('[data-count="kind:article"]').innerText()).toBe(String(articles.length));
    expect(Number(await page.locator('[data-count="kind:person"]').innerText())).toBeGreaterThan(0);
    await page.locator('input[data-filter="kind"][value="article"]').uncheck();
    await page.locator('input[data-filter="kind"][value="place"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('kind')).toEqual(['place']);
    // The list is redrawn for the new filter: wait until it shows only places.
    const shown = () => page.locator('.result-title').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
    await expect.poll(async () => {
      const urls = await shown();
      return urls.length > 0 && urls.every((u) => u.startsWith('/glossary/'));
    }).toBe(true);
    // The count beside the filter is the number of results it gives.
    await expect.poll(() => page.locator('[data-count="kind:article"]').innerText()).toBe(String(articles.length));
    const placeCount = await page.locator('[data-count="kind:place"]').innerText();
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(new RegExp(`^${placeCount} results? for`));
    await page.close();
  });

  it('counts a page once when the query is searched under several spellings', async () => {
    const page = await browser().newPage();
    // “Kiev” is also searched as “Kyiv”: the Kyiv entry holds both spellings.
    await page.goto(new URL('search/?q=Kiev', site).href);
    const total = (await resultUrls(page, 'Kiev')).length;
    const count = (key: string) => page.locator(`[data-count="${key}"]`).innerText().then(Number);
    await expect.poll(() => count('kind:article')).toBe(articleResults('Kiev').length);
    let sum = 0;
    for (const kind of ['article', 'person', 'organization', 'treaty', 'event', 'place', 'concept']) sum += await count(`kind:${kind}`);
    expect(sum).toBe(total);
    // Each group says what its counts count: an article's count (more than its one page) holds
    // the entries each text names, so they need saying; the note is the fieldset's description.
    const said = async (group: string) => {
      const id = await page.locator(`fieldset[data-group="${group}"]`).getAttribute('aria-describedby');
      return page.locator(`#${id}`).innerText();
    };
    expect(await said('kind')).toMatch(/^Results of each kind/);
    expect(await said('article')).toMatch(/the text itself and the glossary entries it names/);
    // An article's count is the number of results choosing it gives.
    const box = page.locator('input[data-filter="article"]').first();
    const expected = await count(`article:${await box.getAttribute('value')}`);
    await box.check();
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(new RegExp(`^${expected} results? for`));
    await page.close();
  });

  it('fetches for the header results only the entry filter, and only the shown fragments', async () => {
    const { page, fetched } = await tracked('about/');
    await page.locator('#site-search').fill('Russia');
    await page.waitForSelector('#header-results [role=option]');
    await expect.poll(() => page.locator('#header-results').innerText()).toMatch(/All \d+ results/);
    const all = Number(/All (\d+) results/.exec(await page.locator('#header-results').innerText())![1]);
    expect(all).toBeGreaterThan(5);
    // Ranking needs the entry filter (one value per glossary entry); the filters that grow with the edition are not read.
    expect(fetched.filter((u) => u.endsWith('.pf_filter')).length).toBe(1);
    expect(fetched.filter((u) => u.endsWith('.pf_fragment')).length).toBe(5);
    await page.close();
  });

  it('searches as the reader types from two characters; a submitted single letter still runs', async () => {
    const { page, fetched } = await tracked('about/');
    await page.locator('#site-search').pressSequentially('G');
    await page.waitForTimeout(800);
    expect(fetched.filter((u) => u.endsWith('.pf_index'))).toEqual([]);
    expect(await page.locator('#header-results').isHidden()).toBe(true);
    await page.locator('#site-search').pressSequentially('r');
    await page.waitForSelector('#header-results:not([hidden]) [role=option]');
    await page.goto(new URL('search/?q=G', site).href);
    expect((await resultUrls(page, 'G')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('“Show more” clicked again while a batch loads adds the next batch once, in order', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Russia', site).href);
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toMatch(/^\d+ results/);
    expect(parseInt(await page.locator('#search-status').innerText())).toBeGreaterThan(18);
    await page.locator('#search-more').click();
    await page.locator('#search-more').click();
    await expect.poll(() => page.locator('.result-title').count()).toBe(18);
    const urls = await page.locator('.result-title').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(urls).size).toBe(18);
    await page.close();
  });

  it('is keyboard first: "/" and Ctrl+K focus the header box; arrows, Enter and Escape work; the count is announced', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('about/', site).href);
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement.id')).toBe('site-search');
    await page.locator('main').click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate('document.activeElement.id')).toBe('site-search');
    await page.keyboard.type('Grushko');
    await page.waitForSelector('#header-results [role=option]');
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('.header-search [role=status]').innerText()).toMatch(/^\d+ results?$/);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#site-search').getAttribute('aria-activedescendant')).toBe('header-result-0');
    await page.keyboard.press('Escape');
    expect(await page.locator('#header-results').isHidden()).toBe(true);
    await page.keyboard.press('ArrowDown'); // closed: nothing selected
    await page.keyboard.type(' ');
    await page.waitForSelector('#header-results:not([hidden]) [role=option]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/glossary\/alexander-grushko\//);
    await page.close();
  });

  it('moves through results on the search page with the arrow keys', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('search/?q=Lavrov', site).href);
    await resultUrls(page, 'Lavrov');
    await page.locator('#q').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.classList.contains("result-title")')).toBe(true);
    const first = await page.evaluate('document.activeElement.href');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.href')).not.toBe(first);
    // A result focused by keyboard shows its preview: Escape closes that first, then goes back to the box.
    await expect.poll(() => page.locator('.popover').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.popover').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate('document.activeElement.id')).toBe('q');
    await page.close();
  });

  it('downloads nothing of search until the reader starts to search', async () => {
    const { page, fetched } = await tracked('articles/minsk-last-chance/');
    expect(fetched.filter((u) => u.includes('pagefind') || u.includes('search'))).toEqual([]);
    await page.locator('#site-search').fill('Minsk');
    await page.waitForSelector('#header-results [role=option]');
    expect(fetched.some((u) => u.startsWith('/pagefind/'))).toBe(true);
    await page.close();
  });
});
