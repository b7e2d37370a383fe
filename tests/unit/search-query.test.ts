import { describe, expect, it } from 'vitest';
import { anchorFor, excerpt, expandQuery, highlightTerms, matchesTerm, normalize, pagefindQuery, timesNamed, type SearchEntity } from '../../src/client/search/query.ts';

const entity = (id: string, names: string[]): SearchEntity => ({ id, kind: 'place', names });
const table = [
  entity('kyiv', ['Kyiv', 'Kiev']),
  entity('donbas', ['Donbas', 'Donbass']),
  entity('dmitry-peskov', ['Dmitry Peskov', 'Dmitri Peskov', 'Peskov']),
  entity('minsk-agreements', ['Minsk agreements', 'Minsk accords', 'Minsk']),
  entity('eu', ['European Union', 'EU']),
];

describe('normalize', () => {
  it('folds case, accents, apostrophes and possessives', () => {
    expect(normalize('Tête-à-Tête')).toBe('tete-a-tete');
    expect(normalize('Putin’s')).toBe('putin');
    expect(normalize("Macron's  PLAN")).toBe('macron plan');
    expect(normalize('NATO–Russia')).toBe('nato-russia');
  });
});

describe('expandQuery', () => {
  it('searches every spelling of a named entity, the reader’s own first', () => {
    expect(expandQuery('Kyiv', table).variants).toEqual(['Kyiv', 'kiev']);
    expect(expandQuery('Kiev', table).variants).toEqual(['Kiev', 'kyiv']);
    expect(expandQuery('donbass', table).variants).toEqual(['donbass', 'donbas']);
  });

  it('expands a name inside a longer query, keeping the other words', () => {
    // "peskov said" finds everything the full names would: only it is searched.
    expect(expandQuery('Dmitri Peskov said', table).variants).toEqual(['peskov said']);
    expect(expandQuery('Kiev Minsk', table).variants).toEqual(['Kiev Minsk', 'kyiv minsk']);
  });

  it('prefers the longest name the query contains', () => {
    const e = expandQuery('Minsk accords', table);
    expect(e.entities.map((x) => x.id)).toEqual(['minsk-agreements']);
    expect(e.variants).toEqual(['minsk']);
  });

  it('handles possessives and typographic apostrophes', () => {
    expect(expandQuery('Kyiv’s', table).entities.map((x) => x.id)).toEqual(['kyiv']);
  });

  it('does not expand inside other words', () => {
    expect(expandQuery('Kievan Rus', table).entities).toEqual([]);
    expect(expandQuery('Europe', table).entities).toEqual([]);
  });

  it('returns nothing for an empty query', () => {
    expect(expandQuery('  ', table)).toEqual({ variants: [], entities: [] });
  });
});

describe('highlightTerms', () => {
  it('lists the words of every variant once', () => {
    expect(highlightTerms(['Dmitri Peskov', 'dmitry peskov'])).toEqual(['dmitri', 'peskov', 'dmitry']);
  });
  it('leaves out a name’s stop words, which would mark every page', () => {
    expect(highlightTerms(['Minsk', 'package of measures'])).toEqual(['minsk', 'package', 'measures']);
    expect(highlightTerms(['The Hague'])).toEqual(['hague']);
  });
  it('keeps them when a variant has nothing else', () => {
    expect(highlightTerms(['of the'])).toEqual(['of', 'the']);
  });
});

describe('matchesTerm', () => {
  const terms = ['minsk', 'package', 'measures', 'of', 'kyiv'];
  it('matches the term itself, under punctuation, case and possessive', () => {
    for (const w of ['Minsk', '“Package', 'Measures”,', 'Kyiv’s', 'of']) expect(matchesTerm(w, terms), w).toBe(true);
  });
  it('matches a word a long term begins, and a hyphenated word holding a term', () => {
    expect(matchesTerm('Minsk-based', terms)).toBe(true);
    expect(matchesTerm('packages', terms)).toBe(true);
    expect(matchesTerm('pro-Kyiv', terms)).toBe(true);
  });
  it('does not match a word a short term only begins (Pagefind’s "of" in "off-ramp")', () => {
    for (const w of ['off-ramp', 'officers', 'offer', 'Kyivan']) expect(matchesTerm(w, terms), w).toBe(w === 'Kyivan');
  });
});

describe('anchorFor', () => {
  const anchors = [
    { id: 'p-1', location: 0 },
    { id: 'fnref-kyiv', location: 3 },
    { id: 'p-2', location: 10 },
    { id: 'fn-ed-x', location: 40 },
  ];
  it('finds the paragraph or note holding a match', () => {
    expect(anchorFor(anchors, 5)).toBe('p-1');
    expect(anchorFor(anchors, 10)).toBe('p-2');
    expect(anchorFor(anchors, 45)).toBe('fn-ed-x');
    expect(anchorFor([], 3)).toBeUndefined();
  });
});

describe('excerpt', () => {
  it('cuts words around the first match and marks every match', () => {
    const content = 'a b c d e Kiev f g h Kiev i j k l';
    const parts = excerpt(content, [5, 9], 3);
    expect(parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')).toBe('… c d e [Kiev] f g h …');
  });
  it('starts without an ellipsis at the top of the text', () => {
    const parts = excerpt('Kiev is the capital of Ukraine', [0], 3);
    expect(parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')).toBe('[Kiev] is the capital …');
  });
});

describe('pagefindQuery', () => {
  it('spaces dashes and hyphens between words, as the index splits them', () => {
    expect(pagefindQuery('NATO–Russia Council')).toBe('NATO – Russia Council');
    expect(pagefindQuery('Scholz — Biden')).toBe('Scholz — Biden');
    expect(pagefindQuery('Macron-Putin talks')).toBe('Macron Putin talks');
    expect(pagefindQuery('tête-à-tête')).toBe('tête à tête');
    expect(pagefindQuery('-5 and x-')).toBe('-5 and x-');
  });
});

describe('timesNamed', () => {
  it('sums the counts of the named-N fields a result matched, and nothing else', () => {
    expect(timesNamed(['title', 'named-6', 'named-2'])).toBe(8);
    expect(timesNamed(['title'])).toBe(0);
    expect(timesNamed(undefined)).toBe(0);
  });
});
