// The places map in both frames it is drawn in: every place has a marker,
// no dot covers another, and every label stands whole inside its frame, so
// that nothing is cut on a phone (the narrow frame is drawn to a phone's width).
import { describe, expect, it } from 'vitest';
import type { Place } from '../../src/lib/geo.ts';
import { boxesOverlap, DOT_SPACING, EAST, EUROPE, placesMap, textWidth, type Frame } from '../../src/lib/places-map.ts';

// A fixture, not the glossary: the places the texts name, with a city inside
// its country, a region on top of another, and places beyond both frames.
const places: Place[] = [
  ['berlin', 'Berlin', 52.52, 13.4],
  ['black-sea', 'Black Sea', 43.4, 34],
  ['crimea', 'Crimea', 44.95, 34.1],
  ['czech-republic', 'Czech Republic', 49.82, 15.47],
  ['donbas', 'Donbas', 48.02, 37.8],
  ['eastern-europe', 'Eastern Europe', 50, 24],
  ['eastern-ukraine', 'eastern Ukraine', 49.99, 36.23],
  ['finland', 'Finland', 61.92, 25.75],
  ['france', 'France', 46.23, 2.21],
  ['germany', 'Germany', 51.17, 10.45],
  ['kyiv', 'Kyiv', 50.45, 30.52],
  ['moscow', 'Moscow', 55.75, 37.62],
  ['poland', 'Poland', 51.92, 19.15],
  ['russia', 'Russia', 61.52, 105.32],
  ['stockholm', 'Stockholm', 59.33, 18.07],
  ['sweden', 'Sweden', 60.13, 18.64],
  ['ukraine', 'Ukraine', 48.38, 31.17],
  ['united-states', 'United States', 39.83, -98.58],
  ['washington', 'Washington', 38.9, -77.04],
  ['western-ukraine', 'western Ukraine', 49.84, 24.03],
  ['brussels', 'Brussels', 50.85, 4.35],
  ['london', 'London', 51.51, -0.13],
].map(([id, name, lat, lon]) => ({ id, name, lat, lon }) as Place);

const inside = (f: Frame, p: Place) => p.lon > f.west && p.lon < f.east && p.lat > f.south && p.lat < f.north;
// The frame is a curved band (a conic projection) in a rectangle: places just
// beyond its sides may still fit the rectangle; places well beyond may not.
const farOutside = (f: Frame, p: Place) => p.lon < f.west - 10 || p.lon > f.east + 10 || p.lat < f.south - 5 || p.lat > f.north + 5;

for (const [name, frame, width] of [['wide', EUROPE, 600], ['narrow', EAST, 340]] as const) {
  describe(`the ${name} frame`, () => {
    const map = placesMap(places, { width, frame });

    it('has a marker for every place, and arrows at the edge only for places beyond the frame', () => {
      expect(map.width).toBe(width);
      expect(map.markers.map((m) => m.id).sort()).toEqual(places.map((p) => p.id).sort());
      for (const m of map.markers) {
        const place = places.find((p) => p.id === m.id)!;
        if (inside(frame, place)) expect(m.off, m.id).toBeUndefined();
        if (farOutside(frame, place)) expect(m.off, m.id).toBeDefined();
      }
    });

    it('draws no dot over another', () => {
      for (const a of map.markers) for (const b of map.markers) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(DOT_SPACING - 0.1);
    });

    it('keeps every label whole inside the frame, clear of every other label', () => {
      const boxes = map.markers.map((m) => {
        const w = textWidth(m.name, 13);
        const x0 = m.label.anchor === 'start' ? m.label.x : m.label.anchor === 'end' ? m.label.x - w : m.label.x - w / 2;
        return { id: m.id, x0, x1: x0 + w, y0: m.label.y - 13 * 0.8, y1: m.label.y + 13 * 0.25 };
      });
      for (const b of boxes) {
        expect(b.x0, b.id).toBeGreaterThanOrEqual(0);
        expect(b.x1, b.id).toBeLessThanOrEqual(map.width);
        expect(b.y0, b.id).toBeGreaterThanOrEqual(0);
        expect(b.y1, b.id).toBeLessThanOrEqual(map.height);
        for (const o of boxes) if (o !== b) expect(boxesOverlap(b, o), `${b.id} / ${o.id}`).toBe(false);
      }
    });
  });
}

it('the narrow frame shows the east, where the places cluster, and points west beyond it', () => {
  const map = placesMap(places, { width: 340, frame: EAST });
  const off = map.markers.filter((m) => m.off).map((m) => m.id);
  expect(off).toEqual(expect.arrayContaining(['france', 'brussels', 'london', 'washington', 'russia']));
  expect(off).not.toContain('kyiv');
});
