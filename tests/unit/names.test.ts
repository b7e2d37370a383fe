import { describe, expect, it } from 'vitest';
import { firstSentence, nameItems, readNames } from '../../src/edition/names.ts';
import { fixtureGlossary } from '../support/pipeline.ts';

describe('firstSentence', () => {
  it('ends at the first stop followed by a capital, a quote or nothing', () => {
    expect(firstSentence('Capital of Sweden.')).toBe('Capital of Sweden.');
    expect(firstSentence('Capital of Ukraine. It was spelled Kiev.')).toBe('Capital of Ukraine.');
    expect(firstSentence('A phrase: “peace for our time”. Then more.')).toBe('A phrase: “peace for our time”.');
    expect(firstSentence('He said “no.” Then left.')).toBe('He said “no.”');
    expect(firstSentence('Why? Because.')).toBe('Why?');
  });

  it('does not end at an initial, a title or a number', () => {
    expect(firstSentence('The U.S. Secretary of State from 2021. Later more.')).toBe('The U.S. Secretary of State from 2021.');
    expect(firstSentence('Met Mr. Putin in 2022. Then more.')).toBe('Met Mr. Putin in 2022.');
    expect(firstSentence('Agreed on 4.5 billion. Then more.')).toBe('Agreed on 4.5 billion.');
  });

  it('keeps a text with no stop whole, its line breaks as spaces', () => {
    expect(firstSentence('  A name\n  without a stop ')).toBe('A name without a stop');
  });
});

describe('nameItems', () => {
  const glossary = fixtureGlossary();
  const find = (id: string) => glossary.get(id);

  it('gives each id its name, kind, first line and entry link under the base, in the order given', () => {
    expect(nameItems(['vladimir-putin', 'kyiv'], find, '/edition/')).toEqual([
      { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', line: 'President of Russia, the man whose demands drive the crisis <and whose “words” matter>.', href: '/edition/glossary/vladimir-putin/' },
      { id: 'kyiv', name: 'Kyiv', kind: 'place', line: 'Capital of Ukraine, spelled Kiev in two of the texts.', href: '/edition/glossary/kyiv/' },
    ]);
  });

  it('fails on an id with no entry rather than leaving a name out', () => {
    expect(() => nameItems(['kyiv', 'atlantis'], find, '/')).toThrow(/no glossary entry “atlantis”/);
  });

  it('reads the recorded ids, and none from a plain build', () => {
    expect(readNames(['kyiv', 'nato'])).toEqual(['kyiv', 'nato']);
    expect(readNames(undefined)).toEqual([]);
  });
});
