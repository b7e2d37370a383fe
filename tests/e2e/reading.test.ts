// Reading in a real browser: notes open in place from the keyboard and close
// with Escape; entity links and backlinks carry the reader across articles.
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

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(path, site).href);
  return page;
}

describe('notes', () => {
  it('open from the keyboard, close with Escape, and give focus back', async () => {
    const page = await open('articles/minsk-last-chance/');
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

  it('open on click, show the glossary link, and close on a click elsewhere', async () => {
    const page = await open('articles/diplomatic-off-ramp/');
    await page.locator('a[data-entity="vladimir-putin"]').first().click();
    const popover = page.locator('.note-popover');
    await expect.poll(() => popover.count()).toBe(1);
    expect(await popover.locator('a[href="/glossary/vladimir-putin/"]').count()).toBe(1);
    const box = await popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
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
    const page = await open('articles/macron-ukraine-crisis/');
    // The entity link inside the note for the Minsk agreements.
    await page.locator('a[data-entity="minsk-agreements"]').first().click();
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
