// The site's HTML as book XHTML: links the book can follow, notes as popups,
// nothing only the site needs.
import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { bookHref, forBook, popupNotes, xhtmlDocument, type Links } from '../../src/epub/xhtml.ts';

const links: Links = { glossary: new Set(['nato']), chapters: new Set(['minsk-last-chance']) };

describe('links in the book', () => {
  it('point names at the end glossary, texts at their chapters, and the About page at its file', () => {
    expect(bookHref('/glossary/nato/', links)).toBe('glossary.xhtml#g-nato');
    expect(bookHref('/edition/glossary/nato/', links)).toBe('glossary.xhtml#g-nato');
    expect(bookHref('/articles/minsk-last-chance/#p-3', links)).toBe('minsk-last-chance.xhtml#p-3');
    expect(bookHref('/about/#text-minsk-last-chance', links)).toBe('about.xhtml#text-minsk-last-chance');
    expect(bookHref('#fn-ed-x', links)).toBe('#fn-ed-x');
  });

  it('are dropped where the book has no such place (the words stay)', () => {
    expect(bookHref('/glossary/kyiv/', links)).toBeUndefined();
    expect(bookHref('/timeline/', links)).toBeUndefined();
    const [p] = forBook([select('p', fromHtml('<p>See <a href="/timeline/">the timeline</a>.</p>', { fragment: true }))!], links) as Element[];
    expect(xhtmlDocument('t', [p])).toContain('<p>See the timeline.</p>');
  });
});

describe('a rendered article in the book', () => {
  const html =
    '<div class="article-body"><p id="p-1"><a class="name" href="/glossary/nato/" data-entry="nato">NATO</a> grew.' +
    '<sup><a href="#fn-ed-x" id="fnref-ed-x" data-footnote-ref aria-describedby="footnote-label">1</a></sup>' +
    '<a class="pilcrow" href="#p-1" tabindex="-1">¶</a></p>' +
    '<section data-footnotes class="footnotes"><h2 id="footnote-label">Notes</h2><ol><li id="fn-ed-x"><p>It did. <a href="#fnref-ed-x" data-footnote-backref>↩</a></p></li></ol></section></div>';

  it('has popup notes, linked names, no permalinks and no site attributes', () => {
    const body = select('.article-body', fromHtml(html, { fragment: true }))!;
    const notes = popupNotes([body]);
    const out = xhtmlDocument('t', forBook([...body.children, ...notes], links));
    expect(out).toContain('<a href="#fn-ed-x" id="fnref-ed-x" epub:type="noteref">1</a>');
    expect(out).toMatch(/<aside id="fn-ed-x" epub:type="footnote" class="note"><p class="note-number">1\.<\/p><p>It did\. <\/p><\/aside>/);
    expect(out).toContain('<a class="name" href="glossary.xhtml#g-nato">NATO</a>');
    expect(out).not.toMatch(/pilcrow|data-|tabindex|footnote-label/);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
  });
});
