// The cross-browser harness measures what it claims, in both engines, on
// small pages with known answers (tests/fixtures/harness): a mistake here
// would pass every reading test silently.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, eachBrowser, layoutShift, tabStops } from '../support/browsers.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(path.resolve('tests/fixtures/harness'));
});
afterAll(() => server.close());
const fixture = (name: string) => new URL(name, server.url).href;

eachBrowser((browsers) => {
  it('counts the tab stops, and focus comes round again', async () => {
    const page = await browsers.open(fixture('tabs.html'));
    expect(await tabStops(page)).toBe(6);
    await page.close();
  });

  it('presses keys and chords the page sees', async () => {
    const page = await browsers.open(fixture('tabs.html'));
    await page.focus('button');
    await page.press('Shift+Tab');
    expect(await page.evaluate('document.body.dataset.key')).toBe('Shift+Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Two');
    await page.press('Escape');
    expect(await page.evaluate('document.body.dataset.key')).toBe('Escape');
    await page.press('Enter');
    expect(new URL(await page.url()).hash).toBe('#two');
    // A check may return an element: truthy, in both engines.
    await page.waitFor(() => document.querySelector('a[href="#two"]'), 2000);
    await page.close();
  });

  it('measures a layout shift after load, and none on a steady page', async () => {
    const steady = await browsers.open(fixture('layout.html'), { width: 800, height: 600 });
    expect(await layoutShift(steady)).toBe(0);
    await steady.close();
    // After load; and, for Firefox's boxes taken once parsed, from a module
    // script before DOMContentLoaded (Chromium counts that one only if it
    // painted first, which it may not).
    for (const when of browsers.engine === 'firefox' ? ['shift', 'module'] : ['shift']) {
      const shifting = await browsers.open(fixture(`layout.html?${when}`), { width: 800, height: 600 });
      expect(await layoutShift(shifting), when).toBeGreaterThan(0.05);
      await shifting.close();
    }
  });

  it('finds a known axe violation, and none on a clean page', async () => {
    const bad = await browsers.open(fixture('axe.html'));
    expect(await axeViolations(bad)).toEqual([expect.stringMatching(/^image-alt \(critical\): img$/)]);
    await bad.close();
    const clean = await browsers.open(fixture('tabs.html'));
    expect(await axeViolations(clean)).toEqual([]);
    await clean.close();
  });

  it('lays the page out for print', async () => {
    const page = await browsers.open(fixture('print.html'));
    const shown = async () => {
      const out: Record<string, boolean | string> = {};
      for (const c of ['screen-only', 'print-only', 'print-nested', 'print-sheet-hidden']) out[c] = await page.visible(`.${c}`);
      for (const c of ['screen-wide', 'not-print']) out[c] = await page.evaluate(`getComputedStyle(document.querySelector('.${c}')).color`);
      return out;
    };
    const red = 'rgb(255, 0, 0)';
    const black = 'rgb(0, 0, 0)';
    expect(await shown()).toEqual({ 'screen-only': true, 'print-only': false, 'print-nested': false, 'print-sheet-hidden': true, 'screen-wide': red, 'not-print': red });
    await page.print();
    expect(await shown()).toEqual({ 'screen-only': false, 'print-only': true, 'print-nested': true, 'print-sheet-hidden': false, 'screen-wide': black, 'not-print': black });
    await page.close();
  });

  it('taps with a touch pointer and clicks with a mouse', async () => {
    const page = await browsers.open(fixture('events.html'), { width: 375, height: 700, touch: true });
    await page.tap('#target');
    await page.click('#target');
    expect(await page.evaluate('window.pointers')).toEqual(['touch', 'mouse']);
    // A target in view is not scrolled to: a test of what scrolls the page needs that.
    await page.evaluate('document.body.style.height = "3000px"; scrollTo(0, 10)');
    await page.click('#target');
    expect(await page.scrollY()).toBe(10);
    // One out of view is scrolled to first, so the click reaches it.
    await page.evaluate('scrollTo(0, 2500)');
    await page.click('#target');
    expect(await page.evaluate('window.pointers')).toEqual(['touch', 'mouse', 'mouse', 'mouse']);
    await page.close();
  });

  it('records CSP violations and every request, to any host', async () => {
    const page = await browsers.open(fixture('events.html'), { waitUntil: 'networkidle' });
    expect(await page.cspViolations()).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    expect(await page.evaluate('document.title')).toBe('Events');
    expect(page.requests()).toContain('http://localhost:2/elsewhere.gif');
    expect(page.requests()).toContain(fixture('events.js'));
    await page.close();
  });

  it('opens pages dark, without JavaScript, and at a new size', async () => {
    const dark = await browsers.open(fixture('events.html'), { colorScheme: 'dark' });
    expect(await dark.evaluate('document.documentElement.dataset.scheme')).toBe('dark');
    await dark.setViewport(500, 400);
    expect(await dark.evaluate('innerWidth')).toBe(500);
    await dark.close();
    const light = await browsers.open(fixture('events.html'));
    expect(await light.evaluate('document.documentElement.dataset.scheme')).toBe('light');
    await light.close();
    const plain = await browsers.open(fixture('events.html'), { javaScript: false });
    expect(await plain.evaluate('document.documentElement.dataset.scheme ?? "none"')).toBe('none');
    await plain.close();
  });
});
