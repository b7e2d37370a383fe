import { describe, expect, it } from 'vitest';
import { layoutSidenotes, type LayoutOptions } from '../../src/client/sidenote-layout.ts';

const o: LayoutOptions = { end: 2000, line: 29, gap: 12, maxOff: 300, minHeight: 60 };

describe('layoutSidenotes', () => {
  it('stands each note level with its reference when there is room', () => {
    expect(layoutSidenotes([{ refTop: 100, height: 80 }, { refTop: 400, height: 80 }], o)).toEqual([{ top: 100 }, { top: 400 }]);
  });

  it('stacks a note under the one before when they would overlap', () => {
    expect(layoutSidenotes([{ refTop: 100, height: 80 }, { refTop: 120, height: 50 }], o)).toEqual([{ top: 100 }, { top: 192 }]);
  });

  it('cuts a note so the next one stays within maxOff of its reference', () => {
    const [first, second] = layoutSidenotes([{ refTop: 100, height: 900 }, { refTop: 150, height: 50 }], o);
    expect(first).toEqual({ top: 100, maxHeight: 150 + 300 - 12 - 100 });
    expect(second.top - 150).toBeLessThanOrEqual(300);
  });

  it('never runs below the end of the text: moves up at most a line, then cuts', () => {
    const [last] = layoutSidenotes([{ refTop: 1980, height: 200 }], o);
    expect(last).toEqual({ top: 1980 - 29, maxHeight: 2000 - (1980 - 29) });
    expect(layoutSidenotes([{ refTop: 1900, height: 90 }], o)).toEqual([{ top: 1900 }]);
    expect(layoutSidenotes([{ refTop: 1900, height: 150 }], o)).toEqual([{ top: 1900, maxHeight: 100 }]);
  });

  it('keeps every placed note level, stacked or within maxOff, and inside the text, for many notes', () => {
    const notes = Array.from({ length: 12 }, (_, i) => ({ refTop: i * 90, height: 40 + ((i * 37) % 160) }));
    const placed = layoutSidenotes(notes, { ...o, end: 1200 });
    let floor = -Infinity;
    placed.forEach((p, i) => {
      const height = p.maxHeight ?? notes[i].height;
      const level = Math.abs(p.top - notes[i].refTop) <= o.line;
      const stacked = p.top === floor;
      expect(level || stacked, `note ${i}`).toBe(true);
      expect(p.top - notes[i].refTop).toBeLessThanOrEqual(o.maxOff);
      expect(p.top + height).toBeLessThanOrEqual(1200);
      floor = p.top + height + o.gap;
    });
  });
});
