// Hostile text in a glossary entry (the variant's Kyiv: summary, alias,
// later event and body) builds, and is shown as text everywhere: HTML,
// attributes, names lists, JSON-LD, the search index and page, the preview;
// every page it reaches stays valid.
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { describe, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/server.ts';
import { htmlFiles, pagefindFragments, parsePage, readPage, validationErrors } from '../support/site-files.ts';
import { BASE, HOSTILE, HOSTILE_FIELDS, TOKEN } from './variant.ts';

const { dist } = inject('variant');

describe('hostile text in a glossary entry', () => {
  it('is shown as text everywhere: HTML, attributes, names lists, JSON-LD, search; every page it reaches stays valid', { timeout: 180_000 }, async ({ expect }) => {
    const { summary, alias, later, body } = HOSTILE_FIELDS;
    // No page carries the text as markup.
    const reached: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readPage(dist, file);
      if (!html.includes(TOKEN)) continue;
      reached.push(file);
      const tree = parsePage(html);
      for (const script of selectAll('script', tree)) {
        const text = toString(script);
        if (script.properties.type !== 'application/ld+json') {
          expect(text, `${file}: a script runs the entry's text`).not.toContain('alert(1)');
        } else {
          const data = JSON.parse(text);
          const strings = JSON.stringify(data).includes(TOKEN) ? deepStrings(data).filter((s) => s.includes(TOKEN)) : [];
          for (const s of strings) expect(s, `${file}: JSON-LD`).toContain(HOSTILE);
        }
      }
      expect(selectAll('b', tree).filter((b) => toString(b) === 'bold'), `${file}: <b> became markup`).toEqual([]);
      // Attributes hold the whole text, quotes included (a broken attribute would cut it at the first quote).
      for (const meta of selectAll('meta[content]', tree)) {
        const content = String(meta.properties.content);
        if (content.includes(TOKEN)) expect(content).toContain(HOSTILE);
      }
      expect(await validationErrors(html, file), `${file}: html-validate`).toEqual([]);
    }

    const entry = parsePage(readPage(dist, 'glossary/kyiv/index.html'));
    const text = toString(select('main', entry)!);
    for (const s of [summary, alias, later, body]) expect(text).toContain(s);
    expect(select('meta[name="description"]', entry)!.properties.content).toBe(summary);
    const ld = selectAll('script[type="application/ld+json"]', entry);
    if (ld.length) expect(ld.map((s) => toString(s)).join('')).toContain(TOKEN);

    // The names list of an article that links Kyiv (in minsk-last-chance, the variant's Kiev has no note).
    const article = parsePage(readPage(dist, 'articles/diplomatic-off-ramp/index.html'));
    const item = select('li#name-kyiv', article) as Element;
    expect(toString(item)).toContain(`${TOKEN} ${HOSTILE} & more.`);
    expect(reached).toEqual(expect.arrayContaining(['glossary/kyiv/index.html', 'articles/diplomatic-off-ramp/index.html']));

    // Search: the index holds the text; the search page shows it as text and runs nothing.
    // Pagefind keeps a page's path within the site; the search client adds the base (engine.ts).
    const fragment = pagefindFragments(dist).find((f) => f.url === '/glossary/kyiv/');
    expect(fragment?.content).toContain(`${TOKEN} ${HOSTILE}`);
    const server = await serveStatic(dist, BASE);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(new URL(`search/?q=${TOKEN}`, server.url).href);
      const results = page.locator('[data-search-ui]');
      await expect.poll(() => results.locator('a[href*="/glossary/kyiv/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await results.innerText()).toContain(`${HOSTILE}`.replace(/\s+/g, ' ').slice(0, 30));
      expect(await results.locator('b, script').count()).toBe(0);
      // The article page once its scripts have run: still text, in the unfolded
      // names list and in the name's preview (its fragment is glossary text too).
      await page.goto(new URL('articles/diplomatic-off-ramp/', server.url).href, { waitUntil: 'load' });
      await page.locator('.names .fold-toggle').click();
      expect(await page.locator('.names-list').innerText()).toContain(`${TOKEN} ${HOSTILE}`);
      await page.locator('.article-body a.name[data-entry="kyiv"]').first().hover();
      await expect.poll(() => page.locator('.popover').count(), { timeout: 20_000 }).toBe(1);
      expect(await page.locator('.popover').innerText()).toContain(`${TOKEN} ${HOSTILE}`);
      expect(await page.locator('.popover b, .popover script').count()).toBe(0);
      expect(await page.locator('main b, main script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

function deepStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(deepStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(deepStrings);
  return [];
}
