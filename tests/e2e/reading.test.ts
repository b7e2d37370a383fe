// Reading in Chromium and Firefox ESR: names preview their entries (hover,
// focus, tap; Escape closes), the editor's numbered notes stand level with
// their numbers in the margin or open in place, nothing scrolls the sentence
// being read off the screen, and the page reads without JavaScript and in print.
import { expect, it } from 'vitest';
import { eachBrowser, layoutShift, settle, tabStops, type TestPage } from '../support/browsers.ts';

const ARTICLES = ['diplomatic-off-ramp', 'macron-ukraine-crisis', 'minsk-last-chance'];
const ARTICLE = 'articles/minsk-last-chance/';
const NAME = 'a.name';
const NOTE = 'a[data-footnote-ref]';
/** Sit still a little longer than a preview's delay. */
const rest = (ms = 700) => new Promise((r) => setTimeout(r, ms));

/** Where the element at `css` stands in the viewport, and the viewport's height. */
const inView = (page: TestPage, target: string | [string, number]) =>
  page.rect(target).then(async (r) => !!r && r.y >= 0 && r.y + r.height <= (await page.evaluate(() => innerHeight)));

eachBrowser((b) => {
  it('shows a name as a link to its entry, with no number, and numbers only the editor’s notes', async () => {
    const page = await b.open(ARTICLE);
    const names = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.article-body a.name')].map((a) => a.pathname));
    expect(names.length).toBeGreaterThan(20);
    for (const path of names) expect(path).toMatch(/\/glossary\/[a-z0-9-]+\/$/);
    const notes = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.article-body a[data-footnote-ref]')].map((a) => a.hash));
    expect(notes.length).toBeGreaterThan(0);
    for (const hash of notes) expect(hash).toMatch(/^#fn-ed-/);
    await page.close();
  });

  it('previews a name on hover after a moment, keeps it while the pointer is on it, and Escape closes it', async () => {
    const page = await b.open(ARTICLE, { width: 1024 });
    await page.hover([NAME, 3]);
    expect(await page.count('.popover')).toBe(0); // not at once: a pointer passing by opens nothing
    await page.waitForSelector('.popover.is-entry');
    const href = await page.attr([NAME, 3], 'href');
    expect(await page.evaluate((h) => !!document.querySelector(`.popover a[href="${h}"]`), href)).toBe(true);
    // Onto the preview: it stays (WCAG 1.4.13, hoverable).
    const box = (await page.rect('.popover'))!;
    await page.mouseMove(box.x + 20, box.y + box.height / 2, 5);
    await rest();
    expect(await page.count('.popover')).toBe(1);
    await page.press('Escape');
    expect(await page.count('.popover')).toBe(0);
    // Away from both: it closes by itself.
    await page.hover([NAME, 3]);
    await page.waitForSelector('.popover');
    await page.mouseMove(2, 2, 3);
    await page.waitFor(() => !document.querySelector('.popover'));
    await page.close();
  });

  it('previews a name on keyboard focus without covering the next link, and Enter follows the link', async () => {
    const page = await b.open(ARTICLE, { width: 1024 });
    // Tab from the start of the text to its first link: focus-visible, as a keyboard reader has it.
    await page.evaluate(() => {
      const first = document.querySelector<HTMLElement>('.article-body a')!;
      const before = document.createElement('span');
      before.tabIndex = 0;
      before.id = 'start';
      first.before(before);
      before.focus();
    });
    // Three names in turn (a note number between them opens nothing on focus).
    for (let seen = 0, presses = 0; seen < 3 && presses < 10; presses++) {
      await page.press('Tab');
      if (!(await page.evaluate(() => !!document.activeElement?.matches('a.name')))) continue;
      seen++;
      await page.waitForSelector('.popover');
      const covered = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLElement>('.article-body a[href]')].filter((a) => a.tabIndex >= 0);
        const at = links.indexOf(document.activeElement as HTMLElement);
        const next = links[at + 1]?.getBoundingClientRect();
        const box = document.querySelector('.popover')!.getBoundingClientRect();
        const overlap = (r: DOMRect) => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        return { self: overlap((document.activeElement as HTMLElement).getBoundingClientRect()), next: next ? overlap(next) : false };
      });
      expect(covered).toEqual({ self: false, next: false });
    }
    expect(await page.count('.popover')).toBe(1);
    await page.press('Escape');
    expect(await page.count('.popover')).toBe(0);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.press('Enter');
    await page.waitFor(`location.href === ${JSON.stringify(target)}`);
    await page.close();
  });

  it('on touch, a first tap shows the preview and a tap on its link follows it', async () => {
    const page = await b.open(ARTICLE, { width: 375, height: 740, touch: true });
    const before = await page.url();
    await page.tap([NAME, 2]);
    await page.waitForSelector('.popover.is-entry');
    expect(await page.url()).toBe(before);
    expect(await inView(page, [NAME, 2])).toBe(true);
    const href = await page.attr([NAME, 2], 'href');
    await page.tap(`.popover a[href="${href}"]`);
    await page.waitFor(`location.pathname === ${JSON.stringify(new URL(href!, 'http://x').pathname)}`);
    await page.close();
  });

  it('a click on a name follows it', async () => {
    const page = await b.open(ARTICLE, { width: 1440 });
    const href = await page.attr([NAME, 5], 'href');
    await page.click([NAME, 5]);
    await page.waitFor(`location.pathname === ${JSON.stringify(new URL(href!, 'http://x').pathname)}`);
    await page.close();
  });

  for (const [width, how] of [
    [375, 'tap'],
    [1024, 'click'],
    [1024, 'Enter'],
    [1440, 'click'],
    [1440, 'Enter'],
  ] as const) {
    it(`opens a note at ${width} px by ${how} without moving the sentence off the screen`, async () => {
      const page = await b.open(ARTICLE, { width, height: 800, touch: how === 'tap' });
      await settle(page);
      const last = (await page.count(NOTE)) - 1;
      const ref: [string, number] = [NOTE, last];
      await page.evaluate((i) => document.querySelectorAll('a[data-footnote-ref]')[i].scrollIntoView({ block: 'center' }), last);
      const y = await page.scrollY();
      if (how === 'tap') await page.tap(ref);
      else if (how === 'click') await page.click(ref);
      else {
        await page.focus(ref);
        await page.press('Enter');
      }
      await page.waitFor(() => document.querySelector('.popover.is-note, .sidenote:focus'));
      await rest(300);
      expect(Math.abs((await page.scrollY()) - y)).toBeLessThanOrEqual(1);
      expect(await inView(page, ref)).toBe(true);
      expect(new URL(await page.url()).hash).toBe('');
      await page.press('Escape');
      await page.waitFor(() => !document.querySelector('.popover'));
      expect(await page.evaluate((i) => document.activeElement === document.querySelectorAll('a[data-footnote-ref]')[i], last)).toBe(true);
      await page.close();
    });
  }

  for (const width of [1200, 1440, 1920]) {
    it(`stands every margin note level with its number at ${width} px, within 300 px, and none below the text`, async () => {
      for (const slug of ARTICLES) {
        const page = await b.open(`articles/${slug}/`, { width, height: 1000 });
        await settle(page);
        const notes = await page.evaluate(() => {
          const body = document.querySelector('.article-body')!;
          const text = [...body.children].filter((c) => !c.matches('.sidenote, .footnotes'));
          const end = Math.max(...text.map((c) => c.getBoundingClientRect().bottom));
          const line = parseFloat(getComputedStyle(body.querySelector('p')!).lineHeight);
          return [...document.querySelectorAll<HTMLElement>('.sidenote')].map((side) => {
            const ref = document.getElementById(side.dataset.ref!)!.getBoundingClientRect();
            const s = side.getBoundingClientRect();
            return { id: side.id, off: s.top - (ref.top + ref.bottom) / 2 + line / 2, top: s.top, bottom: s.bottom, end, line };
          });
        });
        expect(notes.length, slug).toBe(await page.count('.footnotes li'));
        notes.forEach((n, i) => {
          const stacked = i > 0 && Math.abs(n.top - notes[i - 1].bottom - 12) <= 1;
          expect(Math.abs(n.off) <= n.line + 1 || stacked, `${slug} ${n.id} is ${Math.round(n.off)} px off`).toBe(true);
          expect(n.off, `${slug} ${n.id}`).toBeLessThanOrEqual(300);
          expect(n.bottom, `${slug} ${n.id} runs below the text`).toBeLessThanOrEqual(n.end + 1);
        });
        await page.close();
      }
    });
  }

  it('gives note numbers 24 px targets that do not touch', async () => {
    const page = await b.open(ARTICLE, { width: 375 });
    const boxes = await page.evaluate(() => [...document.querySelectorAll('a[data-footnote-ref]')].map((a) => a.getBoundingClientRect().toJSON()));
    for (const r of boxes) {
      expect(r.width).toBeGreaterThanOrEqual(24);
      expect(r.height).toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });

  it('reaches every name and note in few tab stops', async () => {
    for (const slug of ARTICLES) {
      const page = await b.open(`articles/${slug}/`, { width: 1440 });
      await settle(page);
      const links = await page.count('.article-body a.name, .article-body a[data-footnote-ref]');
      const stops = await tabStops(page);
      expect(stops, slug).toBeLessThanOrEqual(links + 15);
      await page.close();
    }
  });

  for (const width of [375, 1440]) {
    it(`does not shift the layout as it loads at ${width} px`, async () => {
      const page = await b.open(ARTICLE, { width });
      expect(await layoutShift(page)).toBeLessThan(0.001);
      await page.close();
    });
  }

  it('reads without JavaScript: names are links, notes and glosses are lists at the end', async () => {
    const page = await b.open(ARTICLE, { javaScript: false, width: 1440 });
    expect(await page.visible('.footnotes')).toBe(true);
    expect(await page.visible('.names')).toBe(true);
    expect(await page.visible('.names-list a[href*="/glossary/"]')).toBe(true);
    expect(await page.count('.sidenote, .popover')).toBe(0);
    const href = await page.attr('a[data-footnote-ref]', 'href');
    await page.click('a[data-footnote-ref]');
    await page.waitFor(`location.hash === ${JSON.stringify(href)}`);
    await page.close();
  });

  it('prints the text with its numbered notes and the glosses, and no previews or margin notes', async () => {
    const page = await b.open(ARTICLE, { width: 1440 });
    await settle(page);
    await page.hover([NAME, 1]);
    await page.waitForSelector('.popover');
    await page.print();
    expect(await page.visible('.footnotes')).toBe(true);
    expect(await page.visible('.names-list')).toBe(true);
    expect(await page.visible('.popover')).toBe(false);
    expect(await page.visible('.sidenote')).toBe(false);
    await page.close();
  });
});
