import { geoContains } from 'd3-geo';
import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { countryAt, countryOf, loadAtlas, loadAtlases } from '../../src/geo/atlas.ts';
import { coordinatesText, douglasPeucker, locator, RelativePath, type Place } from '../../src/geo/geo.ts';
import { boxesOverlap, compassWord, EUROPE, offFrameText, placeLabels, placesMap, spreadPoints } from '../../src/geo/places-map.ts';
import { PLACES } from '../fixtures/places.ts';

const places = PLACES;
const atlases = loadAtlases();
const CRIMEA: [number, number] = [34.1, 44.95];

/** Absolute points of a path written by RelativePath ("m", "l", "z" only). */
function absolutePoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([mlz])([^mlz]*)/g)) {
    if (cmd === 'z') {
      [x, y] = start;
      continue;
    }
    const [dx, dy] = args.match(/-?(?:\d+\.?\d*|\.\d+)/g)!.map(Number);
    x = Math.round((x + dx) * 10) / 10;
    y = Math.round((y + dy) * 10) / 10;
    if (cmd === 'm') start = [x, y];
    out.push([x, y]);
  }
  return out;
}

describe('the atlas', () => {
  it('draws Crimea as part of Ukraine, not Russia, at both resolutions', () => {
    for (const res of ['50m', '110m'] as const) {
      const { topo } = loadAtlas(res);
      const country = (id: string) => feature(topo, topo.objects.countries.geometries.find((g) => g.id === id)!) as Feature;
      expect(geoContains(country('804'), CRIMEA), res).toBe(true);
      expect(geoContains(country('643'), CRIMEA), res).toBe(false);
      expect(countryAt(CRIMEA, topo)).toBe('804');
    }
  });

  it('finds countries by name or alias, and not cities', () => {
    const topo = atlases['110m'].topo;
    const byId = (id: string) => places.find((p) => p.id === id)!;
    expect(countryOf(byId('united-states'), topo)).toBe('840');
    expect(countryOf(byId('czech-republic'), topo)).toBe('203');
    expect(countryOf(byId('kyiv'), topo)).toBeUndefined();
  });
});

describe('placesMap', () => {
  const map = placesMap(places, atlases['50m']);
  const inFrame = (p: Place) => p.lon > EUROPE.west && p.lon < EUROPE.east && p.lat > EUROPE.south && p.lat < EUROPE.north;

  it('has a marker for every place, inside the frame, at the edge only for places beyond it', () => {
    expect(map.markers.map((m) => m.id).sort()).toEqual(places.map((p) => p.id).sort());
    for (const m of map.markers) {
      expect(m.x, m.id).toBeGreaterThanOrEqual(0);
      expect(m.x, m.id).toBeLessThanOrEqual(map.width);
      expect(m.y, m.id).toBeGreaterThanOrEqual(0);
      expect(m.y, m.id).toBeLessThanOrEqual(map.height);
      expect(Boolean(m.off), m.id).toBe(!inFrame(places.find((p) => p.id === m.id)!));
    }
    expect(map.markers.filter((m) => m.off).map((m) => m.id).sort()).toEqual(['russia', 'united-states', 'washington']);
  });

  it('keeps geography: Berlin west of Kyiv, Stockholm north of Kyiv, Washington to the west', () => {
    const at = (id: string) => map.markers.find((m) => m.id === id)!;
    expect(at('berlin').x).toBeLessThan(at('kyiv').x);
    expect(at('stockholm').y).toBeLessThan(at('kyiv').y);
    expect(at('washington').x).toBeLessThan(at('france').x);
    expect(at('russia').x).toBeGreaterThan(at('moscow').x);
  });

  it('shades the countries the glossary names, Ukraine among them', () => {
    expect(map.countries.map((c) => c.place).sort()).toEqual(
      ['czech-republic', 'finland', 'france', 'germany', 'poland', 'russia', 'sweden', 'ukraine'],
    );
  });

  it('stays small: paths rounded to tenths, under 30 kB in all', () => {
    const paths = [map.land, map.borders, ...map.countries.map((c) => c.d)];
    for (const d of paths) expect(d).not.toMatch(/\d\.\d{2}/);
    expect(paths.join('').length).toBeLessThan(30_000);
  });
});

describe('spreadPoints', () => {
  it('pushes close points apart to the spacing, each half the way, and leaves the rest', () => {
    const [a, b, c] = spreadPoints([{ x: 100, y: 100 }, { x: 104, y: 100 }, { x: 300, y: 50 }], 12);
    expect(b.x - a.x).toBeGreaterThanOrEqual(11.9);
    expect(a.x + b.x).toBeCloseTo(204, 0);
    expect([a.y, b.y]).toEqual([100, 100]);
    expect(c).toEqual({ x: 300, y: 50 });
  });

  it('separates points that coincide, and settles a cluster', () => {
    const out = spreadPoints([0, 1, 2, 3].map(() => ({ x: 50, y: 50 })), 12);
    for (const a of out) for (const b of out) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(11.9);
  });
});

describe('placeLabels', () => {
  it('moves a label off a neighbour’s label', () => {
    const [a, b] = placeLabels([{ x: 100, y: 100, text: 'Stockholm' }, { x: 102, y: 96, text: 'Sweden' }], 400, 300);
    expect(a.anchor).toBe('start');
    expect(boxesOverlap(a.box, b.box)).toBe(false);
  });

  it('keeps a label inside the frame at its right edge', () => {
    const [a] = placeLabels([{ x: 395, y: 100, text: 'Russia' }], 400, 300);
    expect(a.box.x1).toBeLessThanOrEqual(400);
  });
});

describe('locator', () => {
  it('centres the place in a disc and shades the country it names or lies in', () => {
    for (const id of ['kyiv', 'finland', 'united-states', 'crimea', 'black-sea']) {
      const l = locator(places.find((p) => p.id === id)!, atlases);
      expect(Math.hypot(l.x - l.disc.cx, l.y - l.disc.cy), id).toBeLessThan(1);
      expect(l.disc.r, id).toBeLessThanOrEqual(l.size / 2);
      expect(l.land.length, id).toBeGreaterThan(100);
      expect(Boolean(l.country), id).toBe(id !== 'black-sea');
    }
  });

  // A locator for each place: several seconds on a loaded machine.
  it('stays under 8 kB of path data for every place', { timeout: 30_000 }, () => {
    for (const p of places) {
      const l = locator(p, atlases);
      expect((l.land + l.borders + (l.country ?? '')).length, p.id).toBeLessThan(8_000);
    }
  });
});

describe('path helpers', () => {
  it('Douglas–Peucker drops points on a straight line and keeps corners', () => {
    const line: [number, number][] = [[0, 0], [1, 0.01], [2, 0], [3, 0], [3, 3]];
    expect(douglasPeucker(line, 0.5)).toEqual([[0, 0], [3, 0], [3, 3]]);
  });

  it('RelativePath writes relative steps that add up to the rounded absolute points', () => {
    const ctx = new RelativePath();
    ctx.moveTo(10.04, 20);
    ctx.lineTo(15.55, 18.26);
    ctx.lineTo(15.56, 18.24);
    ctx.closePath();
    ctx.moveTo(30, 30);
    ctx.lineTo(29.5, 31);
    const d = ctx.result();
    expect(d).toMatch(/^m10 20l/);
    expect(absolutePoints(d)).toEqual([[10, 20], [15.6, 18.3], [15.6, 18.2], [30, 30], [29.5, 31]]);
    expect(ctx.result()).toBe('');
  });

  it('writes coordinates with hemispheres', () => {
    expect(coordinatesText({ lat: 38.9, lon: -77.04 })).toBe('38.9° N, 77.04° W');
    expect(coordinatesText({ lat: -33.9, lon: 18.4 })).toBe('33.9° S, 18.4° E');
  });
});

describe('places beyond the frame', () => {
  it('names each edge in compass words, screen y pointing down', () => {
    expect([0, 45, 90, 135, 180, -180, -135, -90, -45, -30].map(compassWord)).toEqual([
      'east', 'south-east', 'south', 'south-west', 'west', 'west', 'north-west', 'north', 'north-east', 'north-east',
    ]);
  });

  it('groups the places by the edge their arrows stand on', () => {
    const text = offFrameText([
      { name: 'Russia', off: { angle: -40 } },
      { name: 'Paris', off: undefined },
      { name: 'United States', off: { angle: 178 } },
      { name: 'Washington', off: { angle: -179 } },
    ]);
    expect(text).toBe('Russia to the north-east; United States and Washington to the west');
  });
});
