// The map of the glossary's places as they are: every place apart from the
// others and labelled inside the map (the layout itself is tested on fixtures
// in tests/unit/geo.test.ts).
import { describe, expect, it } from 'vitest';
import { placesMap } from '../../src/lib/geo.ts';
import { loadGlossary } from '../../src/lib/glossary-source.ts';
import { dotsTooClose, labelProblems } from '../support/map-checks.ts';

describe('the map of the glossary’s places', () => {
  const places = [...loadGlossary('content/glossary').values()]
    .filter((e) => e.kind === 'place')
    .map((e) => ({ id: e.id, name: e.name, lat: e.coordinates!.lat, lon: e.coordinates!.lon, names: e.aliases }));
  const map = placesMap(places);

  it('has a marker for every place', () => {
    expect(map.markers.map((m) => m.id).sort()).toEqual(places.map((p) => p.id).sort());
  });

  it('draws no dot over another', () => {
    expect(dotsTooClose(map)).toEqual([]);
  });

  it('places labels without overlaps, inside the map', () => {
    expect(labelProblems(map)).toEqual([]);
  });
});
