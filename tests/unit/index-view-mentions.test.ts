import { describe, expect, it } from 'vitest';
import { dropNonText } from '../../src/integrations/index-view.mjs';
import { mentionGroupsHtml } from '../../src/edition/mention-list.ts';

describe('the search index view of an entry page', () => {
  it('keeps the article filters of “Mentioned in” and drops its paragraphs', () => {
    const snippet = { before: 'the capital, ', match: 'Kiev', after: ', to ally…' };
    const groups = mentionGroupsHtml(
      [
        { slug: 'a', title: 'First text', paragraphs: [{ article: 'a', paragraph: 'p-2', count: 1, annotated: true, snippet }] },
        { slug: 'b', title: 'Second text', paragraphs: [{ article: 'b', paragraph: 'p-5', count: 2, annotated: false, snippet }] },
      ],
      '/',
    );
    const view = dropNonText(`<section class="mentions" data-pagefind-ignore><h2>Mentioned in</h2>${groups}</section><p>After.</p>`);
    expect(view).not.toContain('Kiev');
    expect(view).not.toContain('mention-link');
    expect(view.match(/<h3 data-pagefind-filter="article">[^<]+<\/h3>/g)).toEqual([
      '<h3 data-pagefind-filter="article">First text</h3>',
      '<h3 data-pagefind-filter="article">Second text</h3>',
    ]);
    expect(view).toContain('<p>After.</p>');
  });
});
