import { describe, expect, it } from 'vitest';
import { dropNonText, pagePathOf, spaceDashes, tagPage } from '../../src/integrations/index-view.mjs';
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
  it('names each indexed page in a `page` filter, adding no words', () => {
    expect(tagPage('<article class="a" data-pagefind-body data-pagefind-filter="kind:article"><h1>T</h1>', '/articles/x/')).toBe(
      '<article class="a" data-pagefind-body data-pagefind-filter="kind:article"><span data-pagefind-filter="page:/articles/x/"></span><h1>T</h1>',
    );
    expect(tagPage('<p data-pagefind-body-not>x</p>', '/x/')).toBe('<p data-pagefind-body-not>x</p>');
    expect(pagePathOf('glossary/kyiv/index.html')).toBe('/glossary/kyiv/');
  });
});
