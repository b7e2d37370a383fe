// The places map in both frames it is drawn in: every place has a marker,
// no dot covers another, and every label stands whole inside its frame, so
// that nothing is cut on a phone (the narrow frame is drawn to a phone's width).
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/geo/atlas.ts';
import type { Place } from '../../src/geo/geo.ts';
import { EAST, EUROPE, placesMap, type Frame } from '../../src/geo/places-map.ts';
import { PLACES } from '../fixtures/places.ts';
import { dotsTooClose, labelProblems } from '../support/map-checks.ts';

// A fixture, not the glossary: the places the texts name, with a city inside
// its country, a region on top of another, and places beyond both frames.
const places = PLACES;
const atlas = loadAtlas('50m');

const inside = (f: Frame, p: Place) => p.lon > f.west && p.lon < f.east && p.lat > f.south && p.lat < f.north;
// The frame is a curved band (a conic projection) in a rectangle: places just
// beyond its sides may still fit the rectangle; places well beyond may not.
const farOutside = (f: Frame, p: Place) => p.lon < f.west - 10 || p.lon > f.east + 10 || p.lat < f.south - 5 || p.lat > f.north + 5;

for (const [name, frame, width] of [['wide', EUROPE, 600], ['narrow', EAST, 340]] as const) {
  describe(`the ${name} frame`, () => {
    const map = placesMap(places, atlas, { width, frame });

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
      expect(dotsTooClose(map)).toEqual([]);
    });

    it('keeps every label whole inside the frame, clear of every other label', () => {
      expect(labelProblems(map)).toEqual([]);
    });
  });
}

it('the narrow frame shows the east, where the places cluster, and points west beyond it', () => {
  const map = placesMap(places, atlas, { width: 340, frame: EAST });
  const off = map.markers.filter((m) => m.off).map((m) => m.id);
  expect(off).toEqual(expect.arrayContaining(['france', 'brussels', 'london', 'washington', 'russia']));
  expect(off).not.toContain('kyiv');
});
