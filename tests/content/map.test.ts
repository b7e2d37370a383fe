// The map of the glossary's places as they are: every place apart from the
// others and labelled inside the map (the layout itself is tested on fixtures
// in tests/unit/geo.test.ts).
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/schema/glossary-source.ts';
import { loadAtlas } from '../../src/geo/atlas.ts';
import { EAST, EUROPE, placesMap } from '../../src/geo/places-map.ts';
import { dotsTooClose, labelProblems } from '../support/map-checks.ts';

describe('the map of the glossary’s places', () => {
  const places = [...loadGlossary('content/glossary').values()]
    .filter((e) => e.kind === 'place')
    .map((e) => ({ id: e.id, name: e.name, lat: e.coordinates!.lat, lon: e.coordinates!.lon, names: e.aliases }));
  const atlas = loadAtlas('50m');

  for (const [name, frame, width] of [['wide', EUROPE, 600], ['narrow', EAST, 340]] as const) {
    describe(`in the ${name} frame`, () => {
      const map = placesMap(places, atlas, { width, frame });

      it('has a marker for every place', () => {
        expect(map.markers.map((m) => m.id).sort()).toEqual(places.map((p) => p.id).sort());
      });

      it('draws no dot over another', () => {
        expect(dotsTooClose(map)).toEqual([]);
      });

      it('keeps every label whole inside the map, clear of every other label', () => {
        expect(labelProblems(map)).toEqual([]);
      });
    });
  }
});
