import { describe, expect, it } from 'vitest';
import { dropNonText, indexedText, spaceDashes, tagNames } from '../../src/integrations/index-view.mjs';
import { createAliasMatcher } from '../../src/edition/aliases.ts';
import { piecesText, seeded } from '../support/random.ts';

describe('the search index view', () => {
  it('spaces dashes that join words, in text only', () => {
    expect(spaceDashes('<p>Zelensky—hesitant and NATO–Russia</p>')).toBe('<p>Zelensky — hesitant and NATO – Russia</p>');
    expect(spaceDashes('<a title="a—b" href="/x">c—d</a>')).toBe('<a title="a—b" href="/x">c — d</a>');
  });
  it('drops note numbers and permalinks, keeping name links and notes', () => {
    const html =
      '<p id="p-1"><a class="name" href="/glossary/kyiv/" data-entry="kyiv">Kyiv</a><sup><a href="#fn-ed-x" id="fnref-ed-x" data-footnote-ref aria-describedby="footnote-label">1</a></sup> spoke.<a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1" tabindex="-1">¶</a></p>' +
      '<ol><li id="fn-ed-x" class="note-editorial"><p>Editor.</p></li></ol>';
    expect(dropNonText(html)).toBe(
      '<p id="p-1"><a class="name" href="/glossary/kyiv/" data-entry="kyiv">Kyiv</a> spoke.</p><ol><li id="fn-ed-x" class="note-editorial"><p>Editor.</p></li></ol>',
    );
  });
  it('takes the spaces already around a dash, and none across a tag', () => {
    expect(spaceDashes('<p>a —b</p><p>c—\nd</p><p>e –  f</p>')).toBe('<p>a — b</p><p>c — d</p><p>e – f</p>');
    expect(spaceDashes('<p>a</p> — <p>b</p>')).toBe('<p>a</p> — <p>b</p>');
    expect(spaceDashes('<b>a</b>—<i>b</i>')).toBe('<b>a</b> — <i>b</i>');
    expect(spaceDashes('<p>——</p>')).toBe('<p> —  — </p>');
  });
  it('spaces dashes as a scan of every run of text would', () => {
    // The straightforward version, which was too slow for pages at scale.
    const reference = (html: string) => html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/\s*([—–])\s*/g, ' $1 ')}<`);
    const pieces = ['<p>', '</p>', '<a title="x—y">', '<a title="u>v—w">', 'word', ' ', '\n', '—', '–', '-', '<', '>', 'é'];
    const random = seeded(11);
    for (let i = 0; i < 5000; i++) {
      const html = piecesText(random, pieces, 10);
      expect(spaceDashes(html), JSON.stringify(html)).toBe(reference(html));
    }
  });
  it('leaves hyphens alone', () => {
    expect(spaceDashes('<p>tête-à-tête</p>')).toBe('<p>tête-à-tête</p>');
  });
  const matcher = createAliasMatcher([
    { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
    { id: 'putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  ]);
  const spellings = (id: string) => (id === 'kyiv' ? ['Kyiv', 'Kiev'] : ['Vladimir Putin', 'Putin']);
  it('reads the indexed text: the body, without what Pagefind ignores, nested or not', () => {
    const html =
      '<header>Kiev</header><article data-pagefind-body><p>Kyiv &amp; Putin’s</p>' +
      '<section data-pagefind-ignore><section><p>Kiev</p></section><p>Kiev</p></section>' +
      '<div data-pagefind-ignore>Putin</div><p>Kiev&#8217;s</p></article><footer>Putin</footer>';
    expect(indexedText(html).replace(/\s+/g, ' ').trim()).toBe('Kyiv & Putin’s Kiev’s');
    expect(indexedText('<p>no body</p>')).toBe('');
  });
  it('gives a page every spelling of what it names, as metadata by the number of times, each word once', () => {
    const html = '<article data-pagefind-body><p>Kyiv, Kiev and Putin. <span data-pagefind-ignore>Putin</span></p></article>';
    expect(tagNames(html, matcher, spellings)).toBe(
      '<article data-pagefind-body>' +
        '<span data-pagefind-ignore data-pagefind-meta="named-1">Vladimir Putin</span>' +
        '<span data-pagefind-ignore data-pagefind-meta="named-2">Kyiv Kiev</span>' +
        '<p>Kyiv, Kiev and Putin. <span data-pagefind-ignore>Putin</span></p></article>',
    );
    expect(tagNames('<article data-pagefind-body><p>Nothing here.</p></article>', matcher, spellings)).toBe('<article data-pagefind-body><p>Nothing here.</p></article>');
  });
  it('escapes the spellings it writes', () => {
    const m = createAliasMatcher([{ id: 'x', name: 'A<B & C', aliases: [] }]);
    expect(tagNames('<main data-pagefind-body>A&lt;B &amp; C</main>', m, () => ['A<B & C'])).toContain('data-pagefind-meta="named-1">A&lt;B &amp; C</span>');
  });
});
