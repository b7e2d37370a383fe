import { describe, expect, it } from 'vitest';
import { dateStatement, headlineStatement, statedAs, type Certainty } from '../../src/edition/provenance.ts';

const ALL: Certainty[] = ['verified', 'probable', 'inferred', 'unknown'];

describe('statements of provenance', () => {
  it('say a thing as firmly as its certainty, and no firmer', () => {
    expect(statedAs('verified', 'Slate')).toBe('Slate.');
    expect(statedAs('probable', 'Slate')).toBe('Probably Slate.');
    expect(statedAs('inferred', 'Fred Kaplan')).toBe('Fred Kaplan, by the editor’s inference; not verified.');
    expect(statedAs('unknown', 'Slate')).toBe('Not known.');
    expect(statedAs('probable', undefined)).toBe('Not known.');
    for (const c of ALL.filter((c) => c !== 'verified')) {
      expect(statedAs(c, 'X'), c).not.toBe('X.');
      expect(dateStatement(c, '2–3 December 2021'), c).not.toBe('2–3 December 2021.');
    }
  });

  it('give the editor’s title as the editor’s, and a found headline as found', () => {
    expect(headlineStatement('Off-ramp?', 'editorial', 'unknown')).toBe('None known. “Off-ramp?” is the editor’s title for this edition.');
    expect(headlineStatement('Minsk agreements', 'republished', 'probable')).toBe('Probably the original: “Minsk agreements”.');
    expect(headlineStatement('Minsk agreements', 'republished', 'verified')).toBe('“Minsk agreements”.');
    for (const c of ALL) expect(headlineStatement('T', 'editorial', c)).not.toMatch(/Editorial:|\(not established\)/);
  });

  it('date a text by inference in those words', () => {
    expect(dateStatement('inferred', '2–3 December 2021')).toBe('2–3 December 2021, inferred from what the text reports; not verified.');
    expect(dateStatement('unknown', '2–3 December 2021')).toBe('Not known.');
  });
});
