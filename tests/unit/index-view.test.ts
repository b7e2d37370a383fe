import { describe, expect, it } from 'vitest';
import { dropNonText, pagePathOf, spaceDashes, tagPage } from '../../src/cli/index-view.mjs';

describe('the search index view', () => {
  it('spaces dashes that join words, in text only', () => {
    expect(spaceDashes('<p>Zelensky—hesitant and NATO–Russia</p>')).toBe('<p>Zelensky — hesitant and NATO – Russia</p>');
    expect(spaceDashes('<a title="a—b" href="/x">c—d</a>')).toBe('<a title="a—b" href="/x">c — d</a>');
  });
  it('drops note numbers, permalinks and entity notes, keeping editorial notes', () => {
    const html =
      '<p id="p-1">Kyiv<sup><a href="#fn-kyiv" id="fnref-kyiv" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup> spoke.<a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1">¶</a></p>' +
      '<ol><li id="fn-kyiv" class="note-entity"><p><a href="/glossary/kyiv/">Kyiv</a> (place).</p></li><li id="fn-ed-x" class="note-editorial"><p>Editor.</p></li></ol>';
    expect(dropNonText(html)).toBe('<p id="p-1">Kyiv spoke.</p><ol><li id="fn-ed-x" class="note-editorial"><p>Editor.</p></li></ol>');
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
