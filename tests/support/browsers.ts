// One page API over two engines: Chromium through playwright-core (launched
// by browser.ts, the one place for its flags) and Debian's Firefox ESR through
// puppeteer-core over WebDriver BiDi. Neither downloads a browser.
// Each engine gives only the primitives below (Driver); everything a test
// measures is written once, on top of them, and runs in the page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser as PwBrowser } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

export type Engine = 'chromium' | 'firefox';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Both engines, or those named in BROWSERS (e.g. BROWSERS=firefox). */
export const ENGINES: Engine[] = (['chromium', 'firefox'] as const).filter((e) => (process.env.BROWSERS ?? e).split(',').includes(e));
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface OpenOptions {
  width?: number;
  height?: number;
  javaScript?: boolean;
  colorScheme?: 'light' | 'dark';
  media?: 'print';
  touch?: boolean;
  waitUntil?: 'load' | 'networkidle';
}

/** A CSS selector, or a selector and which of its matches (0-based). */
export type Target = string | [css: string, nth: number];
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// What both libraries' pages have in common, by the same names.
interface Driver {
  goto(url: string, waitUntil: 'load' | 'networkidle'): Promise<unknown>;
  evaluate(fn: unknown, arg?: unknown): Promise<unknown>;
  keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void>; type(text: string): Promise<void> };
  /** Presses Tab `times` times, in one round trip where the engine allows it. */
  tabs(times: number): Promise<void>;
  mouse: { move(x: number, y: number, o?: { steps?: number }): Promise<void>; click(x: number, y: number): Promise<void> };
  touchscreen: { tap(x: number, y: number): Promise<void> };
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewport(width: number, height: number): Promise<void>;
  print(): Promise<void>;
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

// Runs in every page before its own scripts: records CSP violations and where
// the text blocks stand once parsed (for layoutShift in Firefox). That is at
// readyState "interactive", before deferred and module scripts run (they may
// move things, as showing a button does), or as soon as the style sheets are
// in after that. A web font still loading then may or may not
// be painted in its fallback, and Firefox tells no paint times, so the record
// waits for the fonts (a module script that moved things meanwhile would go
// unseen). Chromium's own layout-shift measure, which sees paints, checks a
// late face's swap (tests/e2e/layout.test.ts).
const BLOCKS = 'header, nav, main, footer, h1, h2, h3, h4, p, li, blockquote, figure, pre, table';
const INIT = `(() => {
  const h = (window.__harness = { csp: [], blocks: [] });
  document.addEventListener('securitypolicyviolation', (e) => h.csp.push(e.violatedDirective + ' ' + e.blockedURI));
  const record = () => {
    if (h.blocks.length || h.waiting) return;
    // A layout asks for the faces it needs; until one has, no face is loading.
    document.documentElement.getBoundingClientRect();
    if (document.fonts.status === 'loading') {
      h.waiting = true;
      document.fonts.ready.then(() => { h.waiting = false; take(); });
      return;
    }
    take();
  };
  const take = () => {
    if (h.blocks.length) return;
    for (const el of document.querySelectorAll(${JSON.stringify(BLOCKS)})) {
      const r = el.getBoundingClientRect();
      h.blocks.push({ el, x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height });
    }
  };
  // A style sheet's load event, not link.sheet: Firefox sets the sheet before
  // its rules arrive, and DOMContentLoaded does not wait for style sheets.
  // Neither does a first paint wait for anything else, so this is the first
  // layout a reader could see.
  const loaded = new WeakSet();
  const maybe = () => document.readyState !== 'loading' && [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => loaded.has(l)) && record();
  const onLoad = (e) => {
    if (e.target instanceof HTMLLinkElement) loaded.add(e.target);
    maybe();
  };
  document.addEventListener('load', onLoad, true);
  document.addEventListener('error', onLoad, true);
  document.addEventListener('readystatechange', maybe);
})();`;

async function chromiumPage(browser: PwBrowser, o: Required<Omit<OpenOptions, 'media' | 'waitUntil'>>, requests: string[]): Promise<Driver> {
  const context = await browser.newContext({
    viewport: { width: o.width, height: o.height },
    colorScheme: o.colorScheme,
    javaScriptEnabled: o.javaScript,
    hasTouch: o.touch,
    isMobile: o.touch,
  });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  return {
    goto: (url, waitUntil) => page.goto(url, { waitUntil }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    keyboard: page.keyboard,
    tabs: async (times) => {
      for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
    },
    mouse: page.mouse,
    touchscreen: page.touchscreen,
    screenshot: (s) => page.screenshot(s),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    print: () => page.emulateMedia({ media: 'print' }),
    colorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    close: () => context.close(),
  };
}

// Firefox's BiDi (ESR) has no command for the colour scheme, JavaScript or the
// media type, so the first two are launch preferences (one Firefox for each
// combination a file uses, launched on first use) and print rewrites the
// page's style sheets (printMedia below).
function firefoxPrefs(o: { colorScheme: 'light' | 'dark'; javaScript: boolean }): Record<string, unknown> {
  return { 'layout.css.prefers-color-scheme.content-override': o.colorScheme === 'dark' ? 0 : 1, 'javascript.enabled': o.javaScript };
}

function launchFirefox(prefs: Record<string, unknown>): Promise<PpBrowser> {
  if (!fs.existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox was not found at ${FIREFOX_PATH}. Install it (Debian: apt-get install -y firefox-esr), set FIREFOX_PATH, or run BROWSERS=chromium.`);
  }
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: prefs });
}

async function firefoxPage(browser: PpBrowser, o: Required<Omit<OpenOptions, 'media' | 'waitUntil'>>, requests: string[]): Promise<Driver> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const viewport = { width: o.width, height: o.height, hasTouch: o.touch, isMobile: o.touch };
  await page.setViewport(viewport);
  await page.evaluateOnNewDocument(INIT);
  page.on('request', (r) => requests.push(r.url()));
  return {
    goto: (url, waitUntil) => page.goto(url, { waitUntil: waitUntil === 'networkidle' ? 'networkidle0' : 'load' }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    keyboard: page.keyboard as Driver['keyboard'],
    // One BiDi action sequence: puppeteer passes a one-character key value
    // through, and U+E004 is WebDriver's Tab.
    tabs: (times) => page.keyboard.type('\uE004'.repeat(times)),
    mouse: page.mouse,
    touchscreen: page.touchscreen,
    screenshot: (s) => page.screenshot(s as { path: `${string}.png` }),
    setViewport: (width, height) => page.setViewport({ ...viewport, width, height }),
    print: () => page.evaluate(printMedia),
    // No colour-scheme command over BiDi: the theme switch's own setting, which
    // gives the same light-dark() colours as the system preference.
    colorScheme: (scheme) => page.evaluate((s) => void (document.documentElement.dataset.theme = s), scheme),
    close: () => context.close(),
  };
}

/** The print media type without emulation: print rules apply, screen rules do not (matchMedia is unchanged). */
function printMedia() {
  const swap = (list: MediaList) => {
    if (!list.mediaText) return;
    list.mediaText = list.mediaText
      .split(',')
      .map((query) => {
        const m = /^\s*(only\s+|not\s+)?(print|screen|all)\b(.*)$/i.exec(query);
        if (!m) return query;
        const [, pre = '', type, rest] = m;
        if (type.toLowerCase() !== 'screen') return `${pre}all${rest}`;
        return /not/i.test(pre) ? 'all' : 'not all';
      })
      .join(', ');
  };
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) swap(rule.media);
      if (rule instanceof CSSImportRule) {
        swap(rule.media);
        if (rule.styleSheet) walk(rule.styleSheet.cssRules);
      }
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    swap(sheet.media);
    walk(sheet.cssRules);
  }
}

export class TestPage {
  constructor(
    readonly engine: Engine,
    private driver: Driver,
    private fetched: string[],
  ) {}

  goto(url: string, waitUntil: 'load' | 'networkidle' = 'load') {
    return this.driver.goto(siteUrl(url), waitUntil);
  }
  /** The document's own location: puppeteer's page.url() can miss a fragment. */
  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }
  evaluate<T, A = undefined>(fn: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<T> {
    return this.driver.evaluate(fn, arg) as Promise<T>;
  }
  /** Every URL the page asked for, in order. */
  requests(): string[] {
    return [...this.fetched];
  }
  /** Polls `check` (a function or an expression) in the page until it is truthy; survives navigations. */
  async waitFor(check: string | (() => unknown), timeout = 20_000): Promise<void> {
    const end = Date.now() + timeout;
    for (;;) {
      // Made a boolean in the page: puppeteer cannot bring back an element over BiDi.
      const expression = typeof check === 'function' ? `(${check})()` : `(${check})`;
      const ok = await this.evaluate(`Boolean(${expression})`).catch(() => false);
      if (ok) return;
      if (Date.now() > end) throw new Error(`waitFor timed out: ${check}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  waitForSelector(css: string, timeout?: number) {
    return this.waitFor(`!!document.querySelector(${JSON.stringify(css)})`, timeout);
  }

  /** The element's box in the viewport, or null when there is none. */
  rect(target: Target): Promise<Box | null> {
    return this.on(target, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }
  count(css: string): Promise<number> {
    return this.evaluate((s) => document.querySelectorAll(s).length, css);
  }
  text(target: Target): Promise<string | null> {
    return this.on(target, (el) => (el as HTMLElement).innerText);
  }
  attr(target: Target, name: string): Promise<string | null> {
    return this.on(target, (el, n) => el.getAttribute(n as string), name);
  }
  /** Rendered with a box and not visibility: hidden (as Playwright's isVisible). */
  visible(target: Target): Promise<boolean> {
    return this.on(target, (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
    }).then(Boolean);
  }
  scrollY(): Promise<number> {
    return this.evaluate(() => window.scrollY);
  }

  // Pointer and touch act at the element's centre (or `at`, from its top left),
  // after scrolling it into view only if it is not all in view (as Playwright does).
  async click(target: Target, at?: { x: number; y: number }) {
    const p = await this.point(target, at);
    await this.driver.mouse.click(p.x, p.y);
  }
  async hover(target: Target, at?: { x: number; y: number }) {
    const p = await this.point(target, at);
    await this.driver.mouse.move(p.x, p.y);
  }
  /** A real touch tap: pointerType "touch" (needs `touch: true`). */
  async tap(target: Target, at?: { x: number; y: number }) {
    const p = await this.point(target, at);
    await this.driver.touchscreen.tap(p.x, p.y);
  }
  mouseMove(x: number, y: number, steps = 1) {
    return this.driver.mouse.move(x, y, { steps });
  }
  mouseClick(x: number, y: number) {
    return this.driver.mouse.click(x, y);
  }
  async focus(target: Target) {
    await this.on(target, (el) => (el as HTMLElement).focus());
  }
  /** Clears a field and types into it, key by key. */
  async fill(target: Target, text: string) {
    await this.on(target, (el) => {
      (el as HTMLInputElement).value = '';
      (el as HTMLElement).focus();
    });
    await this.driver.keyboard.type(text);
  }
  /** A key or chord: 'Tab', 'Shift+Tab', 'Enter', 'Escape'. */
  async press(keys: string) {
    const [key, ...mods] = keys.split(/\+(?!$)/).reverse();
    for (const m of mods) await this.driver.keyboard.down(m);
    await this.driver.keyboard.press(key);
    for (const m of mods) await this.driver.keyboard.up(m);
  }
  tabs(times: number) {
    return this.driver.tabs(times);
  }
  setViewport(width: number, height: number) {
    return this.driver.setViewport(width, height);
  }
  screenshot(options: { path: string; fullPage?: boolean }) {
    return this.driver.screenshot(options);
  }
  /** Lays the page out for print from here on. */
  print() {
    return this.driver.print();
  }
  /** Switches the page, as loaded, to the light or dark scheme, and waits for the next frame. */
  async colorScheme(scheme: 'light' | 'dark') {
    await this.driver.colorScheme(scheme);
    await this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  /** CSP violations reported to the page since it loaded. */
  cspViolations(): Promise<string[]> {
    return this.evaluate(() => (window as unknown as Harnessed).__harness.csp);
  }
  close() {
    return this.driver.close();
  }

  // Built as an expression, not eval'd in the page: the site's CSP forbids eval.
  private on<T>(target: Target, fn: (el: Element, arg?: unknown) => T, arg?: unknown): Promise<T | null> {
    const [css, nth] = typeof target === 'string' ? [target, 0] : target;
    const el = `document.querySelectorAll(${JSON.stringify(css)})[${nth}]`;
    return this.evaluate(`((el) => el ? (${fn})(el, ${JSON.stringify(arg ?? null)}) : null)(${el})`);
  }
  private async point(target: Target, at?: { x: number; y: number }) {
    await this.on(target, (el) => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) el.scrollIntoView({ block: 'center', inline: 'center' });
    });
    const box = await this.rect(target);
    if (!box) throw new Error(`no element for ${JSON.stringify(target)}`);
    return at ? { x: box.x + at.x, y: box.y + at.y } : { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}

interface Harnessed {
  __harness: { csp: string[]; blocks: { el: Element; x: number; y: number; width: number; height: number }[] };
  __tabOrder: number[];
}

/** Relative paths are under the served site (the e2e setup's siteUrl). */
function siteUrl(path: string): string {
  return /^[a-z]+:/.test(path) ? path : new URL(path, inject('siteUrl')).href;
}

export interface Browsers {
  engine: Engine;
  open(path: string, options?: OpenOptions): Promise<TestPage>;
}

/** This engine's browser for a test file: the default one launched before its tests, all closed after. */
export function useEngine(engine: Engine): Browsers {
  let chromium: PwBrowser | undefined;
  const firefoxes = new Map<string, Promise<PpBrowser>>();
  const firefox = (prefs: Record<string, unknown>) => {
    const key = JSON.stringify(prefs);
    if (!firefoxes.has(key)) firefoxes.set(key, launchFirefox(prefs));
    return firefoxes.get(key)!;
  };
  beforeAll(async () => {
    if (engine === 'chromium') chromium = await launchBrowser();
    else await firefox(firefoxPrefs({ colorScheme: 'light', javaScript: true }));
  });
  afterAll(async () => {
    await chromium?.close();
    for (const b of firefoxes.values()) await (await b).close();
  });
  return {
    engine,
    async open(path, options = {}) {
      const o = { width: 1280, height: 900, javaScript: true, colorScheme: 'light' as const, touch: false, ...options };
      const requests: string[] = [];
      const driver = engine === 'chromium' ? await chromiumPage(chromium!, o, requests) : await firefoxPage(await firefox(firefoxPrefs(o)), o, requests);
      const page = new TestPage(engine, driver, requests);
      await page.goto(path, o.waitUntil);
      if (o.media === 'print') await page.print();
      return page;
    },
  };
}

/** Declares the file's tests once per engine: `eachBrowser((b) => { it(…, () => b.open(…)) })`. */
export function eachBrowser(body: (browsers: Browsers) => void) {
  describe.each(ENGINES)('%s', (engine) => body(useEngine(engine)));
}

/** Waits for load, web fonts, and 200 ms without a DOM change (scripts settled), at most 3 s. */
export function settle(page: TestPage): Promise<void> {
  return page.evaluate(async () => {
    if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
    await document.fonts.ready;
    await new Promise<void>((resolve) => {
      let quiet = setTimeout(done, 200);
      const watch = new MutationObserver(() => {
        clearTimeout(quiet);
        quiet = setTimeout(done, 200);
      });
      const cap = setTimeout(done, 3000);
      function done() {
        clearTimeout(quiet);
        clearTimeout(cap);
        watch.disconnect();
        resolve();
      }
      watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * How much the page's layout shifted while it loaded, after settling.
 * Chromium: the sum of layout-shift entries without recent input (CLS's raw
 * sum, from the first paint). Firefox has no Layout Instability API, so the
 * boxes of the landmarks and text blocks once parsed (see INIT) are compared
 * with their boxes now, scored as CLS scores one shift: the share of the
 * viewport the moved blocks cover, before or after, times the largest move
 * over the viewport's larger side. So Firefox sees only the net move of
 * those blocks since parsing ended (a block that moves and comes back scores
 * 0), while Chromium sees every shift of any element after the first paint,
 * which may come while the page is still being parsed.
 */
export async function layoutShift(page: TestPage): Promise<number> {
  await settle(page);
  if (page.engine === 'chromium') {
    return page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          const add = (entries: PerformanceEntryList) => {
            for (const e of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
          };
          const observer = new PerformanceObserver((list) => add(list.getEntries()));
          observer.observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => {
            add(observer.takeRecords());
            observer.disconnect();
            resolve(sum);
          }, 100);
        }),
    );
  }
  return page.evaluate(() => {
    // The moved blocks' area, before and after, as a union over a grid of 4 px cells.
    const cell = 4;
    const cols = Math.ceil(innerWidth / cell);
    const grid = new Uint8Array(cols * Math.ceil(innerHeight / cell));
    const mark = (b: { x: number; y: number; width: number; height: number }) => {
      const [x0, y0] = [Math.max(0, b.x - scrollX), Math.max(0, b.y - scrollY)];
      const [x1, y1] = [Math.min(innerWidth, b.x - scrollX + b.width), Math.min(innerHeight, b.y - scrollY + b.height)];
      for (let y = Math.floor(y0 / cell); y < Math.ceil(y1 / cell); y++) grid.fill(1, y * cols + Math.floor(x0 / cell), y * cols + Math.ceil(x1 / cell));
    };
    const blocks = (window as unknown as Harnessed).__harness.blocks;
    if (!blocks.length) throw new Error('layoutShift: no first layout was recorded (were the style sheets loaded?)');
    let distance = 0;
    for (const before of blocks) {
      if (!before.el.isConnected) continue;
      const r = before.el.getBoundingClientRect();
      const now = { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      const moved = Math.max(Math.abs(now.x - before.x), Math.abs(now.y - before.y));
      if (moved < 1) continue;
      mark(before);
      mark(now);
      distance = Math.max(distance, moved);
    }
    const area = grid.reduce((sum, c) => sum + c, 0) / grid.length;
    return area * Math.min(1, distance / Math.max(innerWidth, innerHeight));
  });
}

/** Tab presses between two reads of the recorded stops. */
const TAB_BATCH = 16;

/**
 * Presses Tab until focus comes back to a stop it has been on; the number of
 * distinct stops before that. The page records where focus stands at each Tab's keyup (after the
 * move), as reading document.activeElement after each press would; a press
 * that leaves focus on the body or outside the page (the browser's own
 * controls, where the keyup does not reach the page) records nothing.
 */
export async function tabStops(page: TestPage, cap = 400): Promise<number> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const ids = new Map<Element, number>();
    const order: number[] = [];
    (window as unknown as Harnessed).__tabOrder = order;
    addEventListener(
      'keyup',
      (e) => {
        const el = document.activeElement;
        if (e.key !== 'Tab' || !el || el === document.body || el === document.documentElement) return;
        if (!ids.has(el)) ids.set(el, ids.size);
        order.push(ids.get(el)!);
      },
      true,
    );
  });
  for (let pressed = 0; pressed < cap; pressed += TAB_BATCH) {
    await page.tabs(TAB_BATCH);
    const seen = new Set<number>();
    for (const id of await page.evaluate(() => (window as unknown as Harnessed).__tabOrder)) {
      if (seen.has(id)) return seen.size;
      seen.add(id);
    }
  }
  throw new Error(`focus did not come back to its first stop within ${cap} presses of Tab`);
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules that read colours: all a change of colour scheme can break. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's WCAG 2.0–2.2 A/AA violations, one line each (id, impact, first
 * targets): on the whole page, or only in the elements matching `include`;
 * with every rule of those tags, or only `rules`.
 */
export async function axeViolations(page: TestPage, scope: { include?: string[]; rules?: string[] } = {}): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include, rules }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const context = include ? { include: include.map((css) => [css]) } : document;
      const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
      // Only violations are read: axe then builds a selector for one node of each
      // passed or incomplete rule instead of all of them, which is most of its time.
      const result = await axe.run(context, { runOnly, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    },
    { tags: AXE_TAGS, include: scope.include ?? null, rules: scope.rules ?? null },
  );
}
