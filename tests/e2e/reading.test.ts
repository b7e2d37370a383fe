// Reading in a real browser: notes open in place from the keyboard and close
// with Escape; entity links and backlinks carry the reader across articles.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const browser = useBrowser();

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser().newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(path, site).href);
  return page;
}

describe('notes', () => {
  it('open from the keyboard, close with Escape, and give focus back', async () => {
    const page = await open('articles/minsk-last-chance/', { width: 1000 });
    const ref = page.locator('a[data-footnote-ref]').first();
    await ref.focus();
    await page.keyboard.press('Enter');
    const popover = page.locator('.note-popover');
    await expect.poll(() => popover.count()).toBe(1);
    expect(await popover.getAttribute('role')).toBe('dialog');
    expect(await popover.innerText()).toContain('Moscow');
    expect(await ref.getAttribute('aria-expanded')).toBe('true');
    // The page did not jump to the notes list.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate('document.activeElement.classList.contains("note-popover")')).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await ref.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement === document.querySelector("a[data-footnote-ref]")')).toBe(true);
    await page.context().close();
  });

  it('fetch their preview code only when a reader first opens one (narrow screens), and wide screens never do', async () => {
    const fetched = (page: Page) => {
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      return () => urls.filter((u) => /note-popover/.test(u)).length;
    };
    const narrow = await browser().newPage({ viewport: { width: 600, height: 900 } });
    const count = fetched(narrow);
    await narrow.goto(new URL('articles/minsk-last-chance/', site).href, { waitUntil: 'networkidle' });
    expect(count()).toBe(0);
    await narrow.locator('a[href="#fn-vladimir-putin"]').first().click();
    await expect.poll(() => narrow.locator('.note-popover').count()).toBe(1);
    expect(count()).toBe(1);
    expect(new URL(narrow.url()).hash).toBe('');
    await narrow.close();

    const wide = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const wideCount = fetched(wide);
    await wide.goto(new URL('articles/minsk-last-chance/', site).href, { waitUntil: 'networkidle' });
    await wide.locator('a[href="#fn-vladimir-putin"]').first().click();
    await expect.poll(() => wide.evaluate('document.activeElement?.classList.contains("sidenote")')).toBe(true);
    expect(wideCount()).toBe(0);
    await wide.close();
  });

  it('open on click, show the glossary link, and close on a click elsewhere', async () => {
    const page = await open('articles/diplomatic-off-ramp/', { width: 1000 });
    await page.locator('a[href="#fn-vladimir-putin"]').first().click();
    const popover = page.locator('.note-popover');
    await expect.poll(() => popover.count()).toBe(1);
    expect(await popover.locator('a[href="/glossary/vladimir-putin/"]').count()).toBe(1);
    const box = await popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1000);
    await page.mouse.click(5, 5);
    await expect.poll(() => popover.count()).toBe(0);
    await page.context().close();
  });

  it('stay inside a 375 px wide screen', async () => {
    const page = await open('articles/macron-ukraine-crisis/', { width: 375 });
    const refs = page.locator('a[data-footnote-ref]');
    await refs.nth(3).click();
    const box = await page.locator('.note-popover').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('without JavaScript are a numbered list at the end, reached by the reference link', async () => {
    const page = await open('articles/minsk-last-chance/', { javaScriptEnabled: false });
    const ref = page.locator('a[data-footnote-ref]').first();
    await ref.click();
    expect(new URL(page.url()).hash).toBe('#fn-moscow');
    expect(await page.locator('section.footnotes ol > li').count()).toBeGreaterThan(20);
    expect(await page.locator('.note-popover').count()).toBe(0);
    await page.context().close();
  });
});

describe('cross-links', () => {
  it('lead from an article to an entry and, by a backlink, to a paragraph of another article', async () => {
    const page = await open('articles/macron-ukraine-crisis/', { width: 1000 });
    // The entity link inside the note for the Minsk agreements.
    await page.locator('a[href="#fn-minsk-agreements"]').first().click();
    await page.locator('.note-popover a[href="/glossary/minsk-agreements/"]').click();
    await page.waitForURL(/\/glossary\/minsk-agreements\/$/);
    expect(await page.locator('h1').innerText()).toBe('Minsk agreements');

    const backlink = page.locator('.mentions a.mention-link[href^="/articles/diplomatic-off-ramp/#p-"]').first();
    const target = (await backlink.getAttribute('href'))!;
    await backlink.click();
    await page.waitForURL((u) => u.pathname === '/articles/diplomatic-off-ramp/');
    const id = target.split('#')[1];
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    const paragraph = page.locator(`p#${id}`);
    expect(await paragraph.innerText()).toMatch(/Minsk/);
    // The paragraph is on screen.
    const box = await paragraph.boundingBox();
    expect(box!.y).toBeLessThan(900);
    expect(box!.y + box!.height).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('previews', () => {
  it('open on hover after a delay and stay open while the pointer moves onto them (WCAG 1.4.13)', async () => {
    const page = await open('articles/minsk-last-chance/', { width: 1000 });
    const ref = page.locator('a[href="#fn-vladimir-putin"]').first();
    await ref.hover();
    const popover = page.locator('.note-popover');
    await expect.poll(() => popover.count()).toBe(1);
    // Hover-opened previews do not steal focus.
    expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
    const box = (await popover.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 8 });
    await page.waitForTimeout(500);
    expect(await popover.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    // Leaving both the reference and the preview closes it.
    await ref.hover();
    await expect.poll(() => popover.count()).toBe(1);
    await page.mouse.move(5, 880);
    await expect.poll(() => popover.count()).toBe(0);
    await page.context().close();
  });

  it('on touch: a tap opens, a second tap closes, a tap elsewhere closes', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(new URL('articles/minsk-last-chance/', site).href);
    const ref = page.locator('a[data-footnote-ref]').nth(2);
    const popover = page.locator('.note-popover');
    await ref.tap();
    await expect.poll(() => popover.count()).toBe(1);
    await ref.tap();
    await expect.poll(() => popover.count()).toBe(0);
    await ref.tap();
    await expect.poll(() => popover.count()).toBe(1);
    // A tap on plain text elsewhere (the footer's first words) closes it.
    await page.locator('.site-footer p').tap({ position: { x: 4, y: 4 } });
    await expect.poll(() => popover.count()).toBe(0);
    await context.close();
  });

  for (const width of [320, 375]) {
    it(`stay inside the viewport at ${width} px, with links reachable by keyboard`, async () => {
      const page = await open('articles/diplomatic-off-ramp/', { width });
      const refs = page.locator('a[data-footnote-ref]');
      for (const i of [0, 7, 20]) {
        await refs.nth(i).scrollIntoViewIfNeeded();
        await refs.nth(i).focus();
        await page.keyboard.press('Enter');
        const popover = page.locator('.note-popover');
        const box = (await popover.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        await page.keyboard.press('Tab'); // the close button
        await page.keyboard.press('Tab'); // the first link in the note
        expect(await page.evaluate('document.activeElement.closest(".note-popover") !== null && document.activeElement.tagName')).toBe('A');
        await page.keyboard.press('Escape');
      }
      await page.context().close();
    });
  }

  it('show an entity’s summary, dates, later facts, entry link and the other articles', async () => {
    const page = await open('articles/minsk-last-chance/', { width: 1000 });
    await page.locator('a[href="#fn-vladimir-putin"]').first().click();
    const popover = page.locator('.note-popover');
    const text = await popover.innerText();
    expect(text).toContain('President of Russia');
    expect(await popover.locator('.note-dates').count()).toBe(1);
    expect(await popover.locator('.note-later').count()).toBeGreaterThan(0);
    expect(await popover.locator('a[href="/glossary/vladimir-putin/"]').count()).toBe(1);
    const others = await popover.locator('.note-elsewhere a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
    expect(others.sort()).toEqual(['/articles/diplomatic-off-ramp/', '/articles/macron-ukraine-crisis/']);
    await page.context().close();
  });
});

describe('sidenotes', () => {
  it('stand in the margin beside their reference on wide screens, without overlapping', async () => {
    const page = await open('articles/macron-ukraine-crisis/', { width: 1440 });
    const notes = page.locator('.sidenote');
    await expect.poll(() => notes.count()).toBeGreaterThan(20);
    const boxes = await notes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const text = (await page.locator('.article-body > p#p-1').boundingBox())!;
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i].left).toBeGreaterThan(text.x + text.width);
      expect(boxes[i].right).toBeLessThanOrEqual(1440);
      if (i) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
    }
    // The first sidenote is level with its reference.
    const ref = (await page.locator('a[data-footnote-ref]').first().boundingBox())!;
    expect(Math.abs(boxes[0].top - ref.y)).toBeLessThan(30);
    // Activating a reference takes focus to its sidenote; Escape comes back.
    await page.locator('a[data-footnote-ref]').nth(1).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.classList.contains("sidenote")')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate('document.activeElement.matches("a[data-footnote-ref]")')).toBe(true);
    await page.context().close();
  });

  it('become the numbered endnotes in print', async () => {
    const page = await open('articles/macron-ukraine-crisis/', { width: 1440 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidenote').first().isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('section.footnotes').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the page', () => {
  it('remembers the theme toggle, and applies it before the first paint', async () => {
    const page = await open('about/');
    const toggle = page.locator('.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await page.goto(new URL('glossary/', site).href);
    // Set by the inline head script: the stylesheet's first paint is already dark.
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(22, 22, 20)');
    expect(await page.locator('.theme-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });

  it('shows a paragraph permalink on focus, and marks the paragraph it leads to', async () => {
    const page = await open('articles/minsk-last-chance/', { width: 1000 });
    const link = page.locator('#p-3 > a.pilcrow');
    expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    await link.focus();
    await expect.poll(() => link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await link.press('Enter');
    expect(new URL(page.url()).hash).toBe('#p-3');
    expect(await page.evaluate('document.querySelector("#p-3").matches(":target")')).toBe(true);
    await page.context().close();
  });

  for (const width of [320, 375]) {
    it(`never scrolls sideways at ${width} px, and the main controls are 44 px tall`, async () => {
      for (const path of ['', 'articles/minsk-last-chance/', 'glossary/', 'glossary/minsk-agreements/', 'search/?q=Kyiv', 'about/']) {
        const page = await open(path, { width });
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(width);
        for (const control of ['.site-header nav a', '.header-search input', '.header-search button', '.theme-toggle']) {
          const box = (await page.locator(control).first().boundingBox())!;
          expect(box.height, `${path} ${control}`).toBeGreaterThanOrEqual(44);
        }
        await page.context().close();
      }
    });
  }
});

