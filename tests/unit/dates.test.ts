import { describe, expect, it } from 'vitest';
import { compareDates, formatDate, formatRange } from '../../src/edition/dates.ts';
import { isValidPartialDate } from '../../src/schema/schema.ts';

describe('dates', () => {
  it('formats partial dates', () => {
    expect(formatDate('2022-02-24')).toBe('24 February 2022');
    expect(formatDate('1991-08')).toBe('August 1991');
    expect(formatDate('1948')).toBe('1948');
  });
  it('formats ranges compactly', () => {
    expect(formatRange('2021-12-02', '2021-12-03')).toBe('2–3 December 2021');
    expect(formatRange('2022-01-31', '2022-02-01')).toBe('31 January 2022 – 1 February 2022');
    expect(formatRange('2022-02-09')).toBe('9 February 2022');
  });
  it('validates real calendar dates only', () => {
    expect(isValidPartialDate('2024-02-29')).toBe(true);
    expect(isValidPartialDate('2022-02-29')).toBe(false);
    expect(isValidPartialDate('2022-13')).toBe(false);
    expect(isValidPartialDate('22-02-24')).toBe(false);
    expect(isValidPartialDate('24 Feb 2022')).toBe(false);
  });
  it('orders partial dates at the start of their period', () => {
    expect(['2022-02-24', '1948', '2022-02', '1991-08-29'].sort(compareDates)).toEqual(['1948', '1991-08-29', '2022-02', '2022-02-24']);
  });
});
