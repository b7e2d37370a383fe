// Taking the text away, in Chromium and Firefox ESR: a selected passage gets a
// link with a text fragment that lands on the passage; the keyboard reaches
// the same control; a paragraph's ¶ opens its citation; the page's citations
// read without JavaScript.
import { expect, it } from 'vitest';
import { axeViolations, eachBrowser, settle, type TestPage } from '../support/browsers.ts';

const ARTICLE = 'articles/minsk-last-chance/';
const PARAGRAPH = 'p-6';

/** Select `words` words of a paragraph's first long text node, from its `skip`th word. */
const select = (page: TestPage, id: string, skip: number, words: number) =>
  page.evaluate(
    ([id, skip, words]) => {
      const p = document.getElementById(id as string)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode() as Text;
      while (node.data.split(/\s+/).length < (skip as number) + (words as number) + 1) node = walker.nextNode() as Text;
      const starts = [...node.data.matchAll(/\S+/g)];
      const first = starts[skip as number];
      const last = starts[(skip as number) + (words as number) - 1];
      const range = document.createRange();
      range.setStart(node, first.index!);
      range.setEnd(node, last.index! + last[0].length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return range.toString();
    },
    [id, skip, words],
  ) as Promise<string>;

/** Whether the first occurrence of `text` in the article is on screen. */
const passageInView = (page: TestPage, text: string) =>
  page.evaluate((text) => {
    const body = document.querySelector('.article-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(text as string);
      if (i === -1) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + (text as string).length);
      const r = range.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }
    return false;
  }, text) as Promise<boolean>;

eachBrowser((b) => {
  it('links a selected passage with a text fragment, and the link lands on the passage', async () => {
    const page = await b.open(ARTICLE, { width: 1024, height: 700 });
    const text = await select(page, PARAGRAPH, 2, 5);
    await page.waitForSelector('.passage-bar:not([hidden])');
    await page.click('.passage-bar button');
    await page.waitForSelector('.passage-link:not([hidden])');
    const link = (await page.attr('.passage-link', 'href'))!;
    const [address, directive] = link.split(':~:');
    expect(address).toMatch(new RegExp(`/${ARTICLE}#${PARAGRAPH}$`));
    expect(decodeURIComponent(directive.replace(/^text=/, ''))).toContain(text.split(/\s+/)[0]);
    await page.close();

    // Without the paragraph's id the fragment alone must bring the passage into view.
    for (const target of [link, link.replace(`#${PARAGRAPH}:~:`, '#:~:')]) {
      const landed = await b.open(target, { width: 1024, height: 700 });
      await settle(landed);
      await landed.waitFor(() => scrollY > 200);
      expect(await passageInView(landed, text)).toBe(true);
      // The directive is the browser's, never the page's: the document sees only the id.
      expect(new URL(await landed.url()).hash).toBe(target === link ? `#${PARAGRAPH}` : '');
      await landed.close();
    }
  });

  it('offers the same control to a selection made with Shift+arrows, reached by Tab', async () => {
    const page = await b.open(ARTICLE, { width: 1024, height: 700 });
    await select(page, PARAGRAPH, 2, 1);
    for (let i = 0; i < 6; i++) await page.press('Shift+ArrowRight');
    await page.waitForSelector('.passage-bar:not([hidden])');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Link to this passage');
    await page.press('Enter');
    await page.waitForSelector('.passage-link:not([hidden])');
    expect(await page.attr('.passage-link', 'href')).toContain(`#${PARAGRAPH}:~:text=`);
    await page.close();
  });

  it('opens a paragraph’s citation from its ¶, with the paragraph’s locator, and Escape closes it', async () => {
    const page = await b.open(ARTICLE, { width: 1024 });
    await page.click(`#${PARAGRAPH} > a.pilcrow`);
    await page.waitForSelector('dialog.cite-dialog[open]');
    const chicago = await page.text('dialog [data-cite="chicago-note"]');
    expect(chicago).toContain('para. 6');
    expect(chicago).toContain(`#${PARAGRAPH}`);
    expect(chicago).toContain('[Fred Kaplan?]');
    expect(await page.text('dialog [data-cite="bibtex"]')).toContain(`#${PARAGRAPH}`);
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('dialog.cite-dialog'));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pilcrow'))).toBe(true);
    await page.close();
  });

  it('has no axe violations with the citations open, the passage bar shown, then a paragraph’s citation open', async () => {
    const page = await b.open(ARTICLE, { width: 1024 });
    await page.click('.cite-formats > summary');
    await page.waitForSelector('.cite-formats .copy');
    await select(page, PARAGRAPH, 2, 5);
    await page.waitForSelector('.passage-bar:not([hidden])');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.passage-bar button:nth-of-type(2)');
    await page.waitForSelector('dialog.cite-dialog[open]');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('has the citations, version and revision date in the page without JavaScript', async () => {
    const page = await b.open(ARTICLE, { javaScript: false });
    expect(await page.text('.edition-version')).toMatch(/version [\d.]+, revised \d{1,2} \w+ \d{4}/);
    for (const format of ['chicago', 'apa', 'mla', 'bibtex', 'csl']) expect(await page.count(`.cite-formats [data-cite="${format}"]`)).toBe(1);
    // Inside the closed <details>: in the document, not rendered until opened.
    const chicago = await page.evaluate(() => document.querySelector('.cite-formats [data-cite="chicago"]')?.textContent);
    expect(chicago).toContain('[Fred Kaplan?]');
    expect(await page.count('a[href$=".epub"]')).toBe(1);
    await page.close();
    // Firefox starts a browser of its own without JavaScript, slow on a loaded machine.
  }, 90_000);
});
