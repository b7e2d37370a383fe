import { describe, expect, it } from 'vitest';
import { layout, TOP } from '../../src/client/search/filters.ts';

describe('the bounded article filter', () => {
  const counts = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`a${i}`, i % 7 === 0 ? 0 : i % 5]));
  it('shows the values with most results first, page order among equals, at most TOP', () => {
    const { shown } = layout(counts, new Set());
    expect(shown).toHaveLength(TOP);
    expect(shown.every((v) => counts[v] === 4)).toBe(true);
    expect(shown.slice(0, 3)).toEqual(['a4', 'a9', 'a19']);
  });
  it('keeps chosen values shown, and leaves values without results out of the rest', () => {
    const { shown, rest } = layout(counts, new Set(['a7']));
    expect(shown.at(-1)).toBe('a7');
    expect(rest).not.toContain('a7');
    expect(rest.every((v) => counts[v] > 0)).toBe(true);
    expect(shown.length + rest.length).toBe(Object.values(counts).filter((n) => n > 0).length + 1);
  });
});
