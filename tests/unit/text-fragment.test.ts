import { describe, expect, it } from 'vitest';
import { encodeTerm, occurrences, textDirective } from '../../src/client/text-fragment.ts';

const once = () => 1;
const twice = () => 2;

describe('a passage’s text directive', () => {
  it('is the passage itself, percent-encoded, when short and unique', () => {
    expect(textDirective({ before: 'As storm ', text: 'clouds gather', after: ' over Ukraine' }, once)).toBe('text=clouds%20gather');
  });

  it('encodes the characters the syntax uses: dash, comma, ampersand', () => {
    expect(encodeTerm('one-on-one, Q&A')).toBe('one%2Don%2Done%2C%20Q%26A');
    expect(textDirective({ before: '', text: 'five-hour, one-on-one', after: '' }, once)).toBe('text=five%2Dhour%2C%20one%2Don%2Done');
  });

  it('adds a prefix and suffix of context when the words occur elsewhere on the page', () => {
    expect(textDirective({ before: 'said that Vladimir ', text: 'Putin', after: ' was moving to de-escalate' }, twice)).toBe(
      'text=said%20that%20Vladimir-,Putin,-was%20moving%20to',
    );
  });

  it('gives a long passage, or one across paragraphs, as its first and last words', () => {
    const text = 'one two three four five six seven eight nine ten';
    expect(textDirective({ before: '', text, after: '' }, once)).toBe('text=one%20two%20three%20four,seven%20eight%20nine%20ten');
    expect(textDirective({ before: '', text: 'end of one.\nStart', after: '' }, once)).toBe('text=end%20of%20one.,Start');
  });

  it('refuses an empty passage', () => {
    expect(() => textDirective({ before: 'a', text: '  ', after: 'b' }, once)).toThrow(/empty passage/);
  });

  it('counts occurrences with whitespace folded', () => {
    expect(occurrences('Putin said.\n Putin  left.', 'Putin')).toBe(2);
    expect(occurrences('a  b a b', 'a b')).toBe(2);
  });
});
