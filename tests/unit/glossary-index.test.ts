import { describe, expect, it } from 'vitest';
import { byIndexOrder, firstSentence, sortName } from '../../src/edition/glossary-index.ts';

describe('sortName', () => {
  it('files people under their family name and everything else as written', () => {
    expect(sortName('Vladimir Putin', 'person')).toBe('Putin, Vladimir');
    expect(sortName('Martin Luther King Jr.', 'person')).toBe('King, Martin Luther Jr.');
    expect(sortName('Madonna', 'person')).toBe('Madonna');
    expect(sortName('Eastern Europe', 'place')).toBe('Eastern Europe');
  });

  it('orders people by family name, ignoring case and accents', () => {
    const people = ['Vladimir Putin', 'Angela Merkel', 'Andrzej Duda', 'Emmanuel Macron', 'Joe Biden', 'Ángel Álvarez'].map((name) => ({ name, kind: 'person' }));
    expect(byIndexOrder(people).map((p) => p.name)).toEqual(['Ángel Álvarez', 'Joe Biden', 'Andrzej Duda', 'Emmanuel Macron', 'Angela Merkel', 'Vladimir Putin']);
  });
});

describe('firstSentence', () => {
  it('ends at the first full stop that ends a sentence', () => {
    expect(firstSentence('Capital of Ukraine. Its largest city.')).toBe('Capital of Ukraine.');
    expect(firstSentence('He said “no.” Then he left.')).toBe('He said “no.”');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('does not end at an abbreviation or an initial', () => {
    expect(firstSentence('The U.S. Secretary of Defense from 2021. He served Biden.')).toBe('The U.S. Secretary of Defense from 2021.');
    expect(firstSentence('Met on Dec. 2 in Stockholm. Then again.')).toBe('Met on Dec. 2 in Stockholm.');
    expect(firstSentence('Named after John F. Kennedy, the president. More.')).toBe('Named after John F. Kennedy, the president.');
  });
});
