import { describe, expect, it } from 'vitest';
import { createAliasMatcher, foldPunctuation } from '../../src/lib/aliases.ts';
import { piecesText, seeded } from '../support/random.ts';

const entries = [
  { id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] },
  { id: 'eu', name: 'European Union', aliases: ['EU'] },
  { id: 'us', name: 'United States', aliases: ['U.S.', 'US', 'America'] },
  { id: 'putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  { id: 'kremlin', name: 'Kremlin', aliases: [] },
  { id: 'speech', name: 'Credentials speech', aliases: ['Kremlin ceremony'] },
  { id: 'nato', name: 'NATO', aliases: [] },
  { id: 'nrc', name: 'NATO–Russia Council', aliases: [] },
  { id: 'minsk', name: 'Minsk agreements', aliases: ['Minsk accords', 'Minsk'] },
  { id: 'donbas', name: 'Donbas', aliases: ['Donbass'] },
];
const matcher = createAliasMatcher(entries);
const found = (text: string) => matcher.find(text).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('alias matcher', () => {
  it('finds every spelling', () => {
    expect(found('Kiev and Kyiv')).toEqual(['kyiv:Kiev', 'kyiv:Kyiv']);
    expect(found('Donbass, Donbas')).toEqual(['donbas:Donbass', 'donbas:Donbas']);
  });

  it('respects word boundaries', () => {
    expect(found('the Kievan Rus')).toEqual([]);
    expect(found('a neutral Europe, EUR and FEU')).toEqual([]);
    expect(found('Putinism')).toEqual([]);
  });

  it('allows possessives with either apostrophe', () => {
    expect(found('Putin’s plan and Putin\'s aim')).toEqual(['putin:Putin', 'putin:Putin']);
    expect(found('the EU’s presidency')).toEqual(['eu:EU']);
  });

  it('folds case for names but not for acronyms', () => {
    expect(found('the kremlin and KYIV')).toEqual(['kremlin:kremlin', 'kyiv:KYIV']);
    expect(found('let us go')).toEqual([]);
    expect(found('U.S.-supplied weapons, US troops')).toEqual(['us:U.S.', 'us:US']);
  });

  it('prefers the longest alias of one entity', () => {
    expect(found('the Minsk accords')).toEqual(['minsk:Minsk accords']);
  });

  it('also reports another entity named inside a longer alias', () => {
    expect(found('at a Kremlin ceremony')).toEqual(['speech:Kremlin ceremony', 'kremlin:Kremlin']);
    expect(found('the NATO-Russia Council met')).toEqual(['nrc:NATO-Russia Council', 'nato:NATO']);
  });

  it('matches across a line break inside a multi-word alias', () => {
    expect(found('the European\nUnion')).toEqual(['eu:European\nUnion']);
  });

  it('falls back to a shorter alias when the longer one runs into a word', () => {
    expect(found('the Minsk accordsman')).toEqual(['minsk:Minsk']);
    expect(found('Kremlin ceremonyx')).toEqual(['kremlin:Kremlin']);
  });

  it('starts a name only where a word starts, whatever came before', () => {
    expect(found('xKyiv 9Kiev 𝐀Kyiv ÉKyiv (Kyiv)')).toEqual(['kyiv:Kyiv']);
    expect(found('KyivKyiv Kyiv')).toEqual(['kyiv:Kyiv']);
    expect(matcher.find('KyivKyiv Kyiv')[0].start).toBe(9);
    expect(found('😀Kyiv')).toEqual(['kyiv:Kyiv']);
  });

  it('finds what a plain list of every alias, longest first, finds', () => {
    // The matcher's pattern is a trie (one branch per first character); this
    // is the straightforward pattern it replaces, on generated texts.
    const list = (aliases: string[], flags: string) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${aliases
          .sort((a, b) => b.length - a.length)
          .map((a) => foldPunctuation(a).split(/\s+/).map(RegExp.escape).join('\\s+'))
          .join('|')})(?![\\p{L}\\p{N}])`,
        flags,
      );
    const names = entries.flatMap((e) => [e.name, ...e.aliases]);
    const acronym = (a: string) => !/\p{Ll}/u.test(a);
    const passes = [list(names.filter(acronym), 'gu'), list(names.filter((a) => !acronym(a)), 'giu')];
    // Spans inside a longer one are dropped on both sides: the matcher reports the
    // entities found inside a longer match, and a match of one pass (acronyms,
    // exact case) can lie inside a match of the other.
    const outermost = (all: { start: number; end: number }[]) =>
      all
        .filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start))
        .map((m) => `${m.start}-${m.end}`)
        .sort();
    const spans = (text: string) =>
      outermost(passes.flatMap((re) => [...foldPunctuation(text).matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }))));
    const outer = (text: string) => outermost(matcher.find(text));
    const pieces = [...names, ...names.map((n) => n.toLowerCase()), ...names.map((n) => n.toUpperCase()), 'Minsk acc', 'NATO-', 'an', 'x', '9', '𝐀', 'É', ' ', ' ', '\n', '’s ', '-', '—', ', ', '(', ')'];
    const random = seeded(7);
    for (let i = 0; i < 3000; i++) {
      const text = piecesText(random, pieces, 8);
      expect(outer(text), JSON.stringify(text)).toEqual(spans(text));
    }
  });

  it('keeps offsets of the original text', () => {
    const text = '“Putin’s” “Kyiv”—Kiev';
    for (const m of matcher.find(text)) expect(['Putin', 'Kyiv', 'Kiev']).toContain(text.slice(m.start, m.end));
  });
});
