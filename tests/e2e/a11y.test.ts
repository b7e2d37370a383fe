// Accessibility gates in Chromium: axe-core (WCAG 2.0–2.2 A and AA) on every
// page type, light and dark, with a note open; and a keyboard-only walk from
// an article through a note to an entry and, by a backlink, to another article.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const site = inject('siteUrl');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const browser = useBrowser();

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function openPage(path: string, scheme: 'light' | 'dark', width = 1280): Promise<Page> {
  const context = await browser().newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(path, site).href, { waitUntil: 'networkidle' });
  if (path.startsWith('search/')) await page.waitForSelector('.result-title');
  return page;
}

describe('axe-core', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      it(`${name} page, ${scheme}: no violations`, async () => {
        const page = await openPage(path, scheme);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    it(`article with a note preview open, ${scheme}: no violations`, async () => {
      const page = await openPage(PAGE_TYPES.article, scheme, 900);
      await page.locator('a[href="#fn-vladimir-putin"]').first().click();
      await page.waitForSelector('.note-popover');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    it(`article with sidenotes, ${scheme}: no violations`, async () => {
      const page = await openPage(PAGE_TYPES.article, scheme, 1440);
      await page.waitForSelector('.sidenote');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    it(`header search results open, ${scheme}: no violations`, async () => {
      const page = await openPage('glossary/', scheme);
      await page.locator('#site-search').fill('Minsk');
      await page.waitForSelector('#header-results [role=option]');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('keyboard only', () => {
  /** Tab until `selector` has focus, checking every stop shows a focus ring. */
  async function tabTo(page: Page, selector: string, max = 250) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
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
    const context = await browser().newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('articles/macron-ukraine-crisis/', site).href);

    await tabTo(page, 'a[href="#fn-minsk-agreements"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.note-popover');
    await tabTo(page, '.note-popover a[href="/glossary/minsk-agreements/"]', 5);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/glossary\/minsk-agreements\/$/);

    await tabTo(page, '.mention-link[href^="/articles/minsk-last-chance/#p-"]');
    const href = await page.evaluate('document.activeElement.getAttribute("href")');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/articles/minsk-last-chance/');
    const id = String(href).split('#')[1];
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.locator(`p#${id}`).innerText()).toMatch(/Minsk/);
    await context.close();
  });
});
