import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { mentionGroupsHtml } from '../../src/edition/mention-list.ts';

const para = (paragraph: string, match: string, count = 1) => ({
  article: 'a', paragraph, count, annotated: !match, snippet: { before: '…the <b> & ', match, after: ' said “so”…' },
});

describe('mentionGroupsHtml', () => {
  const html = mentionGroupsHtml([{ slug: 'a', title: 'He didn\'t say "no" <yet>', paragraphs: [para('p-3', 'Kiev', 2), para('p-7', '')] }], '/edition/');
  const tree = fromHtml(html, { fragment: true });

  it('links each paragraph under the base path, with its count when more than one', () => {
    expect(selectAll('a.mention-link', tree).map((a) => a.properties.href)).toEqual(['/edition/articles/a/#p-3', '/edition/articles/a/#p-7']);
    expect(selectAll('a.mention-link', tree).map((a) => toString(a))).toEqual(['Paragraph 3 (2 mentions)', 'Paragraph 7']);
  });

  it('marks the name in the snippet, or says the paragraph carries a note', () => {
    expect(toString(select('mark', tree)!)).toBe('Kiev');
    expect(toString(selectAll('.snippet', tree)[1])).toBe('…the <b> & [noted here] said “so”…');
  });

  it('escapes text and attributes, and keeps the title as the article filter', () => {
    expect(select('b', tree)).toBeFalsy();
    const group = select('section.mention-group', tree)!;
    expect(group.properties.ariaLabel).toBe('He didn\'t say "no" <yet>');
    expect(toString(select('h3[data-pagefind-filter="article"]', tree)!)).toBe('He didn\'t say "no" <yet>');
  });
});
