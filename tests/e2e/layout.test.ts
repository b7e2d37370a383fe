// Page furniture in a real browser: the header's size and stability, the
// text face's arrival, the footer under the text column, the glossary's columns,
// where a link to a paragraph lands, the search page without JavaScript, the
// map on a phone, and the theme switch's state in both themes.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const site = inject('siteUrl');
const browser = useBrowser();

async function open(path: string, { width = 1280, height = 900, javaScriptEnabled = true, colorScheme = 'light' as 'light' | 'dark', fontDelay = 0, phone = false } = {}): Promise<Page> {
  const device = phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
  const context = await browser().newContext({ viewport: { width, height }, javaScriptEnabled, colorScheme, ...device });
  const page = await context.newPage();
  if (fontDelay) {
    await page.route(/\.woff2$/, async (route) => {
      await new Promise((r) => setTimeout(r, fontDelay));
      await route.continue();
    });
  }
  await page.addInitScript(`window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });`);
  // Loaded (scripts run), with its text face in and laid out: what every test here measures.
  // Without JavaScript there is no script to wait for, and an evaluate that waits never returns.
  await page.goto(new URL(path, site).href);
  if (javaScriptEnabled) await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return page;
}
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('the header', () => {
  for (const width of [320, 375]) {
    it(`takes at most 110 px at ${width} px, with every section link shown and reachable by Tab`, async () => {
      const page = await open('articles/minsk-last-chance/', { width });
      expect((await box(page, '.site-header')).height).toBeLessThanOrEqual(110);
      const links = page.locator('.site-header nav a');
      expect(await links.count()).toBe(5);
      for (const link of await links.all()) {
        expect(await link.isVisible()).toBe(true);
        const b = (await link.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(width);
      }
      await page.keyboard.press('Tab'); // the skip link
      const reached: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate('document.activeElement.closest("nav") ? document.activeElement.textContent : ""'));
      }
      expect(reached.filter(Boolean)).toEqual(['Articles', 'Glossary', 'Timeline', 'Map', 'About']);
      await page.context().close();
    });
  }

  it('shifts nothing when the theme switch appears and the text face arrives', async () => {
    // A late face (font-display: swap) replaces a fallback with matched metrics; a prompt one, preloaded, is there at the first paint.
    const cases = [['about/', 375, 600], ['', 375, 600], ['glossary/vladimir-putin/', 375, 600], ['404.html', 375, 600], ['articles/minsk-last-chance/', 375, 600], ['glossary/', 1000, 600], ['articles/minsk-last-chance/', 1440, 0]] as const;
    for (const [path, width, fontDelay] of cases) {
      const page = await open(path, { width, fontDelay });
      // A late face may not even be asked for by the time the page loads: wait until it is in and painted.
      await expect.poll(() => page.evaluate('document.fonts.check("1em \'Source Serif 4\'")'), { timeout: 20_000 }).toBe(true);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const shifts = (await page.evaluate('window.__shifts')) as number[];
      expect(shifts.reduce((a, b) => a + b, 0), `${path} ${width} ${shifts}`).toBeLessThan(0.005);
      await page.context().close();
    }
  });

  // What Lighthouse's layout-shift audit reads (layout-shift entries without
  // recent input), on every page type, on a phone as Lighthouse emulates one
  // (tests/e2e/lighthouse.test.ts runs Lighthouse itself on four of them).
  it('shifts nothing at all as any page type loads on a phone, 375 by 812 px', async () => {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      const page = await open(path, { width: 375, height: 812, phone: true });
      // The search page draws its results after it loads: they may not move what is above them.
      if (path.startsWith('search/')) {
        await page.locator('.result-title').first().waitFor();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts, name).toEqual([]);
      await page.context().close();
    }
  });

  it('shows the switch on or off, visibly, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('about/', { width: 375, colorScheme });
      const toggle = page.locator('.theme-toggle');
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(colorScheme === 'dark'));
      expect(await toggle.evaluate((b) => b.getAttribute('aria-label') ?? b.textContent)).toBe('Dark theme');
      // The switch's track and knob, and the page's text colour.
      const look = () =>
        toggle.locator('.theme-switch').evaluate((s) => ({
          state: [getComputedStyle(s).backgroundColor, getComputedStyle(s, '::after').transform].join(' '),
          track: getComputedStyle(s).backgroundColor,
          fg: getComputedStyle(document.body).color,
        }));
      const before = await look();
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(colorScheme !== 'dark'));
      const after = await look();
      expect(after.state, colorScheme).not.toBe(before.state);
      // On: the track is filled with the text colour, which stands out against either background.
      const on = colorScheme === 'dark' ? before : after;
      expect(on.track, colorScheme).toBe(on.fg);
      await page.context().close();
    }
  });
});

describe('the footer', () => {
  it('stands under the text column at 1440 px on every kind of page', async () => {
    for (const path of ['', 'articles/minsk-last-chance/', 'glossary/', 'glossary/kyiv/', 'search/?q=Minsk', 'about/']) {
      const page = await open(path, { width: 1440 });
      const text = await box(page, 'main h1');
      const footer = await box(page, '.site-footer p');
      expect(Math.abs(footer.x - text.x), path).toBeLessThanOrEqual(1);
      await page.context().close();
    }
  });
});

describe('the glossary index', () => {
  it('uses the width of a wide screen: entries in three columns at 1440 px', async () => {
    const page = await open('glossary/', { width: 1440 });
    const lefts = new Set(await page.locator('#person ~ .glossary-list li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().left))));
    expect(lefts.size).toBe(3);
    await page.context().close();
  });
});

describe('a link to a paragraph', () => {
  it('lands with room above it, not flush with the top edge', async () => {
    for (const width of [375, 1280]) {
      const page = await open('articles/minsk-last-chance/#p-9', { width });
      const top = (await box(page, '#p-9')).y;
      expect(top, `${width}`).toBeGreaterThanOrEqual(16);
      expect(top, `${width}`).toBeLessThan(80);
      await page.context().close();
    }
  });
});

describe('the search page without JavaScript', () => {
  it('offers no box that cannot search, and says what works instead', async () => {
    const page = await open('search/', { javaScriptEnabled: false });
    for (const selector of ['#q', '.search-hint', '#search-form button']) expect(await page.locator(selector).isVisible(), selector).toBe(false);
    const fallback = page.locator('[data-no-js-search]');
    expect(await fallback.isVisible()).toBe(true);
    for (const href of ['/glossary/', '/timeline/']) expect(await fallback.locator(`a[href="${href}"]`).isVisible(), href).toBe(true);
    await page.context().close();
  });

  it('shows the box and hints with JavaScript', async () => {
    const page = await open('search/');
    for (const selector of ['#q', '.search-hint']) expect(await page.locator(selector).isVisible(), selector).toBe(true);
    expect(await page.locator('[data-no-js-search]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('the map on a phone', () => {
  it('shows one map, whole, with every label inside it and clear of the others', async () => {
    for (const width of [375, 1280]) {
      const page = await open('map/', { width });
      const shown = page.locator('.places-map').filter({ visible: true });
      expect(await shown.count(), `${width}`).toBe(1);
      expect(await shown.getAttribute('data-frame'), `${width}`).toBe(width < 600 ? 'narrow' : 'wide');
      expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth'), `${width}`).toBe(true);
      const { frame, labels } = await shown.evaluate((fig) => ({
        frame: fig.querySelector('svg')!.getBoundingClientRect().toJSON() as DOMRect,
        labels: [...fig.querySelectorAll('svg text')].map((t) => ({ name: t.textContent!, ...(t.getBoundingClientRect().toJSON() as DOMRect) })),
      }));
      for (const l of labels) {
        expect(l.left, `${width} ${l.name}`).toBeGreaterThanOrEqual(frame.left - 0.5);
        expect(l.right, `${width} ${l.name}`).toBeLessThanOrEqual(frame.right + 0.5);
        expect(l.top, `${width} ${l.name}`).toBeGreaterThanOrEqual(frame.top - 0.5);
        expect(l.bottom, `${width} ${l.name}`).toBeLessThanOrEqual(frame.bottom + 0.5);
        // Text boxes include the line's leading; a sliver of overlap is not a collision.
        for (const o of labels) {
          if (o === l) continue;
          const w = Math.min(l.right, o.right) - Math.max(l.left, o.left);
          const h = Math.min(l.bottom, o.bottom) - Math.max(l.top, o.top);
          expect(w > 1 && h > 3, `${width} ${l.name} / ${o.name}`).toBe(false);
        }
      }
      await page.context().close();
    }
  });

  it('names each arrow of the map shown in its caption, with the edge it stands on', async () => {
    const page = await open('map/', { width: 375 });
    const shown = page.locator('.places-map').filter({ visible: true });
    const caption = await shown.locator('figcaption').innerText();
    const off = await shown.locator('a.map-place:has(.map-arrow) text').evaluateAll((texts) => texts.map((t) => t.textContent!));
    expect(off.length).toBeGreaterThan(0);
    for (const name of off) expect(caption).toMatch(new RegExp(`${name}[^.;]* to the (north|south|east|west)`));
    await page.context().close();
  });
});

