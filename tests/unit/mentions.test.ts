import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/edition/aliases.ts';
import { buildMentionIndex, snippet } from '../../src/edition/mentions.ts';
import { relatedIndex } from '../../src/edition/related.ts';

const matcher = createAliasMatcher([
  { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
  { id: 'putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  { id: 'memo', name: 'Clinton–Yeltsin assurances', aliases: [] },
]);

const articles = [
  {
    slug: 'a',
    title: 'A',
    paragraphs: [
      { id: 'p-1', text: 'Putin spoke in Kiev. Putin’s aides agreed.', notes: [{ entity: 'putin', offset: 0 }] },
      { id: 'p-2', text: 'In a secret memorandum, nothing about Kievan Rus.', notes: [{ entity: 'memo', offset: 22 }] },
    ],
  },
  { slug: 'b', title: 'B', paragraphs: [{ id: 'p-1', text: 'Kyiv answered.', notes: [] }] },
];

describe('mention index', () => {
  const index = buildMentionIndex(articles, matcher);

  it('counts mentions, paragraphs and articles under every spelling', () => {
    expect(index.get('kyiv')).toMatchObject({ mentions: 2, articles: ['a', 'b'] });
    expect(index.get('kyiv')!.paragraphs.map((p) => `${p.article}#${p.paragraph}`)).toEqual(['a#p-1', 'b#p-1']);
  });

  it('does not count a note on a matched name twice', () => {
    const putin = index.get('putin')!;
    expect(putin.mentions).toBe(2);
    expect(putin.paragraphs[0]).toMatchObject({ count: 2, annotated: true });
  });

  it('counts an annotated phrase that names no alias', () => {
    const memo = index.get('memo')!;
    expect(memo.mentions).toBe(1);
    expect(memo.paragraphs[0]).toMatchObject({ article: 'a', paragraph: 'p-2', annotated: true });
    expect(memo.paragraphs[0].snippet.before).toContain('secret memorandum');
  });

  it('lists an article’s subjects, most mentioned first', () => {
    expect(relatedIndex(index, ['a']).entitiesIn('a').map((e) => e.id)).toEqual(['putin', 'kyiv', 'memo']);
  });

  it('makes snippets cut at word boundaries, with ellipses', () => {
    const text = 'word '.repeat(40) + 'Kyiv' + ' tail'.repeat(40);
    const s = snippet(text, 200, 204, 30);
    expect(s.match).toBe('Kyiv');
    expect(s.before.startsWith('…word')).toBe(true);
    expect(s.after.endsWith('tail…')).toBe(true);
  });
});
