import { describe, expect, it } from 'vitest';
import { createAliasMatcher } from '../../src/lib/aliases.ts';

const matcher = createAliasMatcher([
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
]);
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

  it('keeps offsets of the original text', () => {
    const text = '“Putin’s” “Kyiv”—Kiev';
    for (const m of matcher.find(text)) expect(['Putin', 'Kyiv', 'Kiev']).toContain(text.slice(m.start, m.end));
  });
});
