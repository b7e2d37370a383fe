// Previews away from the articles, in Chromium and Firefox ESR: every link to
// an entry or a paragraph (entry pages, the timeline, the map, search
// results) previews it by hover, keyboard focus and a first tap; Escape
// closes it; nothing scrolls; data comes only when asked for, once; and a
// preview opened inside another stacks on it while the first stays put.
import { expect, it } from 'vitest';
import { eachBrowser, settle, type Target, type TestPage } from '../support/browsers.ts';

const ENTRY = 'glossary/vladimir-putin/';
const RELATED = 'nav.related:not(.co-mentioned) a[href*="/glossary/"]';
const MENTION = 'a.mention-link';
const ALSO_IN = '.popover .note-elsewhere a[href*="/articles/"]';

type How = 'hover' | 'focus' | 'tap';
interface Case {
  name: string;
  path: string;
  link: Target;
  /** Where a phone shows the link elsewhere (the map is drawn in a narrower frame there). */
  touchLink?: Target;
  kind: 'entry' | 'paragraph';
}

const CASES: Case[] = [
  { name: 'a related entry on an entry page', path: ENTRY, link: RELATED, kind: 'entry' },
  { name: 'a “Mentioned in” link on an entry page', path: ENTRY, link: [MENTION, 3], kind: 'paragraph' },
  { name: 'an entry on the timeline', path: 'timeline/', link: ['.tl-entries a', 12], kind: 'entry' },
  { name: 'a paragraph on the timeline', path: 'timeline/', link: ['.tl-refs a', 12], kind: 'paragraph' },
  { name: 'a place in the map’s list', path: 'map/', link: ['.place-list a', 4], kind: 'entry' },
  {
    name: 'a place on the map itself',
    path: 'map/',
    link: '[data-frame="wide"] a.map-place[data-place="donbas"]',
    touchLink: '[data-frame="narrow"] a.map-place[data-place="donbas"]',
    kind: 'entry',
  },
  { name: 'an entry in search results', path: 'search/?q=Minsk', link: '.result-title[href*="/glossary/"]', kind: 'entry' },
  { name: 'a paragraph in search results', path: 'search/?q=Minsk', link: '.result-title[href*="#p-"]', kind: 'paragraph' },
];

/** The page, scripted and settled; search results rendered where there are any. */
async function open(page: TestPage, path: string) {
  await settle(page);
  if (path.startsWith('search/')) await page.waitForSelector('.result-title[href*="#p-"]');
}

/**
 * Brings the link to the middle of the viewport, so that opening its preview needs no scroll.
 * The page only: scrollIntoView on an SVG link may scroll more than the page.
 */
const center = (page: TestPage, [css, nth]: [string, number]) =>
  page.evaluate(
    ([s, i]) => {
      const r = document.querySelectorAll(s)[i].getBoundingClientRect();
      scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
    },
    [css, nth] as const,
  );

const pair = (t: Target): [string, number] => (typeof t === 'string' ? [t, 0] : t);

/** Keyboard focus as a reader has it: Tab from a stop placed just before the link. */
async function tabTo(page: TestPage, [css, nth]: [string, number]) {
  await page.evaluate(
    ([s, i]) => {
      const link = document.querySelectorAll(s)[i];
      // Inside an SVG (the map), an SVG element takes focus where a span would not render.
      const stop = link instanceof SVGElement ? document.createElementNS('http://www.w3.org/2000/svg', 'g') : document.createElement('span');
      stop.tabIndex = 0;
      link.before(stop);
      stop.focus({ preventScroll: true });
    },
    [css, nth] as const,
  );
  await page.press('Tab');
}

async function openBy(page: TestPage, how: How, link: Target) {
  if (how === 'hover') await page.hover(link);
  else if (how === 'focus') await tabTo(page, pair(link));
  else await page.tap(link);
}

const previews = (page: TestPage) => page.count('.popover');
const paths = (page: TestPage, ending: string) => page.requests().filter((u) => new URL(u).pathname.endsWith(ending));

eachBrowser((b) => {
  for (const c of CASES) {
    for (const how of ['hover', 'focus', 'tap'] as const) {
      it(`previews ${c.name} by ${how}, without scrolling, and Escape closes it`, async () => {
        const page = await b.open(c.path, how === 'tap' ? { width: 375, height: 740, touch: true } : { width: 1280 });
        await open(page, c.path);
        const link = pair((how === 'tap' && c.touchLink) || c.link);
        expect(await page.count(link[0]), 'the link is on the page').toBeGreaterThan(link[1]);
        await center(page, link);
        const y = await page.scrollY();
        const before = await page.url();
        await openBy(page, how, link);
        await page.waitForSelector(`.popover.is-${c.kind}`);
        expect(await previews(page)).toBe(1);
        expect(await page.attr(link, 'aria-expanded')).toBe('true');
        expect(await page.scrollY()).toBe(y);
        expect(await page.url(), 'a first tap does not follow the link').toBe(before);
        if (c.kind === 'entry') {
          // The entry's own fragment: its name links to the entry.
          const target = await page.evaluate(([s, i]) => (document.querySelectorAll(s)[i] as HTMLAnchorElement | SVGAElement).getAttribute('href'), link);
          const own = new URL(target!, 'http://x').pathname;
          expect(await page.evaluate((p) => [...document.querySelectorAll<HTMLAnchorElement>('.popover a')].some((a) => a.pathname === p), own)).toBe(true);
        } else {
          // The paragraph's words, as the article has them.
          const text = (await page.text('.popover p:last-child'))!;
          expect(text.length).toBeGreaterThan(60);
          expect(text).not.toMatch(/¶/);
        }
        await page.press('Escape');
        await page.waitFor(() => !document.querySelector('.popover'));
        expect(await page.attr(link, 'aria-expanded')).toBe('false');
        expect(await page.scrollY()).toBe(y);
        await page.close();
      });
    }
  }

  it('marks the entry’s name in a “Mentioned in” paragraph', async () => {
    const page = await b.open(ENTRY);
    await open(page, ENTRY);
    const words = (await page.attr([MENTION, 3], 'data-mark'))!;
    await center(page, [MENTION, 3]);
    await page.hover([MENTION, 3]);
    await page.waitForSelector('.popover.is-paragraph mark');
    const marks = await page.evaluate(() => [...document.querySelectorAll('.popover mark')].map((m) => m.textContent!.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe(words.toLowerCase());
    await page.close();
  });

  it('on touch, the entry’s own name in its preview follows at the first tap', async () => {
    const page = await b.open(ENTRY, { width: 375, height: 740, touch: true });
    await open(page, ENTRY);
    await center(page, [RELATED, 0]);
    const own = new URL((await page.attr(RELATED, 'href'))!, 'http://x').pathname;
    await page.tap(RELATED);
    await page.waitForSelector('.popover.is-entry');
    await page.tap(`.popover a[href="${own}"]`);
    await page.waitFor(`location.pathname === ${JSON.stringify(own)}`);
    await page.close();
  });

  it('fetches preview data only on demand, and once for a preview opened twice', async () => {
    const page = await b.open(ENTRY);
    await open(page, ENTRY);
    const entry = new URL((await page.attr(RELATED, 'href'))!, 'http://x').pathname;
    const article = new URL((await page.attr([MENTION, 3], 'href'))!, 'http://x').pathname;
    expect(paths(page, 'preview.html')).toEqual([]);
    expect(paths(page, article)).toEqual([]);
    for (const link of [RELATED, [MENTION, 3]] as Target[]) {
      for (let time = 0; time < 2; time++) {
        await center(page, pair(link));
        await page.hover(link);
        await page.waitForSelector('.popover');
        await page.press('Escape');
        await page.mouseMove(1, 1);
      }
    }
    expect(paths(page, `${entry}preview.html`)).toHaveLength(1);
    expect(paths(page, article)).toHaveLength(1);
    await page.close();
  });

  // An entry's preview names the articles it is in; each previews its article in a preview on top.
  for (const how of ['hover', 'focus', 'tap'] as const) {
    it(`nests an article preview from “Also in” by ${how}; the first stays put, Escape closes the top first`, async () => {
      const touch = how === 'tap';
      const page = await b.open(ENTRY, touch ? { width: 375, height: 740, touch } : { width: 1280 });
      await open(page, ENTRY);
      await center(page, [RELATED, 0]);
      // The first: pinned by a tap, held by focus, or by the pointer on it.
      await openBy(page, how, RELATED);
      await page.waitForSelector(ALSO_IN);
      // The test, not the page, brings the link in the preview into view: from here nothing may move.
      await page.evaluate((css) => document.querySelector(css)!.scrollIntoView({ block: 'nearest' }), ALSO_IN);
      const y = await page.scrollY();
      const first = await page.rect('.popover');
      // On the link's first line: a link that wraps has a gap at its centre.
      const line = await page.evaluate((css) => {
        const a = document.querySelector(css)!;
        const [box, first] = [a.getBoundingClientRect(), a.getClientRects()[0]];
        return { x: first.x - box.x + 4, y: first.y - box.y + first.height / 2 };
      }, ALSO_IN);
      if (how === 'hover') {
        await page.mouseMove(first!.x + 10, first!.y + 10, 3);
        await page.hover(ALSO_IN, line);
      } else if (how === 'focus') {
        await page.focus(ALSO_IN);
      } else {
        await page.tap(ALSO_IN, line);
      }
      await page.waitFor(() => document.querySelectorAll('.popover').length === 2);
      expect(await page.attr(['.popover', 1], 'class')).toContain('is-article');
      expect(await page.text(['.popover', 1])).toMatch(/Part \d/);
      expect(await page.rect(['.popover', 0])).toEqual(first);
      expect(await page.scrollY()).toBe(y);
      await page.press('Escape');
      await page.waitFor(() => document.querySelectorAll('.popover').length === 1);
      expect(await page.attr('.popover', 'class')).toContain('is-entry');
      expect(await page.rect('.popover')).toEqual(first);
      await page.press('Escape');
      await page.waitFor(() => !document.querySelector('.popover'));
      await page.close();
    });
  }
});
