// Accessibility gates in Chromium and Firefox: axe-core (WCAG 2.0–2.2 A and
// AA) on every page type in light, its colour rules again in dark on the same
// page, and a preview opened on it (note, name, sidenotes and the header
// search results on their pages); and a keyboard-only walk from an article
// through a note to an entry and, by a backlink, to another article.
// One load per page: a scheme or a preview changes only what the page shows,
// so axe runs again on what changed (the colours, the preview), not the page.
import { describe, expect, it } from 'vitest';
import { axeViolations, COLOUR_RULES, eachBrowser, type TestPage } from '../support/browsers.ts';
import { PAGE_TYPES } from './page-types.ts';

/** The whole page in light, its colours in dark, then back to light. */
async function bothSchemes(page: TestPage, scope: string[] | undefined, what: string) {
  expect(await axeViolations(page, { include: scope }), `${what}, light`).toEqual([]);
  await page.colorScheme('dark');
  expect(await axeViolations(page, { include: scope, rules: COLOUR_RULES }), `${what}, dark`).toEqual([]);
  await page.colorScheme('light');
}

/** Opens a preview from the first link in main that previews another page; its id. */
async function openAPreview(page: TestPage): Promise<string> {
  const found = await page.evaluate(() => {
    const a = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].find(
      (x) => typeof x.pathname === 'string' && /\/(glossary|articles)\/[^/]+\/$/.test(x.pathname) && x.pathname !== location.pathname && (!x.hash || /^#p-\d+$/.test(x.hash)) && x.getBoundingClientRect().width > 0,
    );
    if (a) a.id ||= 'axe-preview-trigger';
    return a?.id ?? null;
  });
  expect(found, 'a link that previews').not.toBeNull();
  await page.hover(`#${found}`);
  await page.waitForSelector('.popover');
  return `#${found}`;
}

eachBrowser((browsers) => {
  describe('axe-core', () => {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      // axe on the long timeline page takes many seconds on a loaded machine.
      it(`${name} page: no violations in light or dark, nor with a preview open`, { timeout: 90_000 }, async () => {
        const page = await browsers.open(path, { width: 1280, height: 900, waitUntil: 'networkidle' });
        if (path.startsWith('search/')) await page.waitForSelector('.result-title');
        await bothSchemes(page, undefined, name);
        // The 404 page links nothing that previews (home, glossary, search).
        if (name !== '404') {
          const trigger = await openAPreview(page);
          await bothSchemes(page, ['.popover', trigger], `${name} with a preview`);
        }
        await page.close();
      });
    }

    it('article with sidenotes, a name’s preview, and a note’s preview: no violations in light or dark', { timeout: 90_000 }, async () => {
      const page = await browsers.open(PAGE_TYPES.article, { width: 1440, height: 900, waitUntil: 'networkidle' });
      await page.waitForSelector('.sidenote');
      await bothSchemes(page, ['.article-body'], 'sidenotes');
      await page.hover('.article-body a.name');
      await page.waitForSelector('.popover.is-entry');
      await bothSchemes(page, ['.popover', '.article-body a.name'], 'a name’s preview');
      await page.press('Escape');
      // Narrower than the margin: a note opens in a preview.
      await page.setViewport(900, 900);
      await page.waitFor(() => !document.querySelector('.sidenote'));
      await page.click('a[data-footnote-ref]');
      await page.waitForSelector('.popover.is-note');
      await bothSchemes(page, ['.popover', 'a[data-footnote-ref]'], 'a note’s preview');
      await page.close();
    });

    it('header search results open: no violations in light or dark', async () => {
      const page = await browsers.open('glossary/', { width: 1280, height: 900, waitUntil: 'networkidle' });
      await page.fill('#site-search', 'Minsk');
      await page.waitForSelector('#header-results [role=option]');
      await bothSchemes(page, ['.site-header'], 'header search');
      await page.close();
    });
  });

  describe('keyboard only', () => {
    /** Tab until `selector` has focus, checking every stop shows a focus ring. */
    async function tabTo(page: TestPage, selector: string, max = 250) {
      for (let i = 0; i < max; i++) {
        await page.press('Tab');
        const state = (await page.evaluate(`(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return { body: true };
          const s = getComputedStyle(el);
          const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
          return { ring, match: el.matches(${JSON.stringify(selector)}), what: el.outerHTML.slice(0, 80) };
        })()`)) as { body?: boolean; ring?: boolean; match?: boolean; what?: string };
        if (state.body) continue;
        expect(state.ring, `no visible focus on ${state.what}`).toBe(true);
        if (state.match) return;
      }
      throw new Error(`never reached ${selector} by Tab`);
    }

    it('reaches a note, its entry, and another article by a backlink, without a mouse', async () => {
      const page = await browsers.open('articles/macron-ukraine-crisis/', { width: 1000 });

      // A name links to its entry; a numbered note opens first and links to it from inside.
      const entry = '/glossary/minsk-agreements/';
      await tabTo(page, `a[href="#fn-minsk-agreements"], .article-body a[href="${entry}"]`);
      if ((await page.evaluate<string>('document.activeElement.getAttribute("href")')) !== entry) {
        await page.press('Enter');
        await page.waitForSelector('.popover');
        await tabTo(page, `.popover a[href="${entry}"]`, 5);
      }
      await page.press('Enter');
      await page.waitFor('location.pathname === "/glossary/minsk-agreements/"');

      await tabTo(page, '.mention-link[href^="/articles/minsk-last-chance/#p-"]');
      const href = await page.evaluate<string>('document.activeElement.getAttribute("href")');
      await page.press('Enter');
      await page.waitFor('location.pathname === "/articles/minsk-last-chance/"');
      const id = href.split('#')[1];
      expect(new URL(await page.url()).hash).toBe(`#${id}`);
      expect(await page.text(`p#${id}`)).toMatch(/Minsk/);
      await page.close();
    });
  });
});
