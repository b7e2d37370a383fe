import { describe, expect, it } from 'vitest';
import type { EntityMentions, MentionIndex, ParagraphMention } from '../../src/edition/mentions.ts';
import { firstParagraphs, relatedIndex } from '../../src/edition/related.ts';
import { seeded } from '../support/random.ts';

/** An index from "entity: article#paragraph×count …" lines. */
function index(spec: Record<string, string>): MentionIndex {
  const out: MentionIndex = new Map();
  for (const [id, list] of Object.entries(spec)) {
    const paragraphs: ParagraphMention[] = list.split(' ').map((item) => {
      const [, article, paragraph, count = '1'] = /^(\w+)#(p-\d+)(?:×(\d+))?$/.exec(item)!;
      return { article, paragraph, count: Number(count), annotated: false, snippet: { before: '', match: '', after: '' } };
    });
    const e: EntityMentions = {
      mentions: paragraphs.reduce((n, p) => n + p.count, 0),
      articles: [...new Set(paragraphs.map((p) => p.article))],
      paragraphs,
    };
    out.set(id, e);
  }
  return out;
}

const mentions = index({
  nato: 'a#p-1×3 b#p-2 c#p-1',
  putin: 'a#p-1 a#p-2 b#p-2×2 c#p-4',
  minsk: 'a#p-2 c#p-1×4 c#p-2',
  finland: 'a#p-3 c#p-5',
  kyiv: 'b#p-1',
});

describe('otherArticles', () => {
  it('ranks the other texts by shared entries and names them, most mentioned first', () => {
    const others = relatedIndex(mentions, ['a', 'b', 'c']).others('a');
    expect(others.map((o) => o.slug)).toEqual(['c', 'b']);
    expect(others[0].shared).toEqual([
      { id: 'minsk', mentions: 6 },
      { id: 'nato', mentions: 4 },
      { id: 'putin', mentions: 3 },
      { id: 'finland', mentions: 2 },
    ]);
    expect(others[1].shared.map((s) => s.id)).toEqual(['nato', 'putin']);
  });

  it('keeps series order between texts that share as many entries', () => {
    expect(relatedIndex(mentions, ['a', 'b', 'c']).others('b').map((o) => [o.slug, o.shared.length])).toEqual([
      ['a', 2],
      ['c', 2],
    ]);
  });
  it('picks the same texts as ranking every pair, however many texts there are', () => {
    // A seeded edition of 40 texts over 12 entries, against the plain definition:
    // sort all other texts by entries in common (more first, then series order).
    const random = seeded(7);
    const slugs = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const spec: Record<string, string> = {};
    for (let e = 0; e < 12; e++) {
      const named = slugs.filter(() => random.fraction() < 0.3);
      if (named.length) spec[`e${e}`] = named.map((s) => `${s}#p-1`).join(' ');
    }
    const idx = index(spec);
    const entriesOf = (slug: string) => new Set([...idx].filter(([, e]) => e.articles.includes(slug)).map(([id]) => id));
    for (const slug of slugs) {
      const mine = entriesOf(slug);
      const common = (other: string) => [...entriesOf(other)].filter((id) => mine.has(id)).length;
      const expected = slugs
        .filter((s) => s !== slug)
        .map((s, i) => ({ s, n: common(s), i }))
        .sort((a, b) => b.n - a.n || a.i - b.i)
        .slice(0, 5)
        .map((x) => x.s);
      expect(relatedIndex(idx, slugs).others(slug).map((o) => o.slug)).toEqual(expected);
    }
  });
});

describe('coMentioned', () => {
  it('counts the paragraphs an entry shares with each other entry, most first, never itself', () => {
    expect(relatedIndex(mentions, []).coMentioned('nato')).toEqual([
      { id: 'putin', paragraphs: 2 },
      { id: 'minsk', paragraphs: 1 },
    ]);
    expect(relatedIndex(mentions, []).coMentioned('kyiv')).toEqual([]);
    expect(relatedIndex(mentions, []).coMentioned('unknown')).toEqual([]);
  });
});

describe('firstParagraphs', () => {
  it('gives the first paragraph of each text that names the entry', () => {
    expect(firstParagraphs(mentions, 'putin')).toEqual([
      { slug: 'a', paragraph: 'p-1' },
      { slug: 'b', paragraph: 'p-2' },
      { slug: 'c', paragraph: 'p-4' },
    ]);
    expect(firstParagraphs(mentions, 'nobody')).toEqual([]);
  });
});
