// Accessibility gates in Chromium and Firefox: axe-core (WCAG 2.0–2.2 A and
// AA) on every page type, light and dark, with a note open, and on every page
// type with a preview open; and a
// keyboard-only walk from an article through a note to an entry and, by a
// backlink, to another article.
import { describe, expect, it } from 'vitest';
import { axeViolations, eachBrowser, type TestPage } from '../support/browsers.ts';
import { PAGE_TYPES } from './page-types.ts';

eachBrowser((browsers) => {
  async function openPage(path: string, scheme: 'light' | 'dark', width = 1280): Promise<TestPage> {
    const page = await browsers.open(path, { colorScheme: scheme, width, height: 900, waitUntil: 'networkidle' });
    if (path.startsWith('search/')) await page.waitForSelector('.result-title');
    return page;
  }

  describe('axe-core', () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, path] of Object.entries(PAGE_TYPES)) {
        // axe on the long timeline page takes many seconds on a loaded machine.
      it(`${name} page, ${scheme}: no violations`, { timeout: 90_000 }, async () => {
          const page = await openPage(path, scheme);
          expect(await axeViolations(page)).toEqual([]);
          await page.close();
        });
      }

      it(`article with a note preview open, ${scheme}: no violations`, async () => {
        const page = await openPage(PAGE_TYPES.article, scheme, 900);
        await page.click('a[data-footnote-ref]');
        await page.waitForSelector('.popover');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });

      it(`article with a name's preview open, ${scheme}: no violations`, async () => {
        const page = await openPage(PAGE_TYPES.article, scheme, 1440);
        await page.hover('.article-body a.name');
        await page.waitForSelector('.popover.is-entry');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });

      it(`article with sidenotes, ${scheme}: no violations`, async () => {
        const page = await openPage(PAGE_TYPES.article, scheme, 1440);
        await page.waitForSelector('.sidenote');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });

      it(`header search results open, ${scheme}: no violations`, async () => {
        const page = await openPage('glossary/', scheme);
        await page.fill('#site-search', 'Minsk');
        await page.waitForSelector('#header-results [role=option]');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  });

  describe('axe-core with a preview open', () => {
    // The 404 page links nothing that previews (home, glossary, search).
    for (const [name, path] of Object.entries(PAGE_TYPES).filter(([n]) => n !== '404')) {
      it(`${name} page: no violations`, { timeout: 90_000 }, async () => {
        const page = await openPage(path, 'light');
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
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
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
