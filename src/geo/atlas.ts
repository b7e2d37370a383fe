// The world the maps are drawn on: Natural Earth's countries (the world-atlas
// package) at two resolutions, Crimea moved into Ukraine, each country's
// lon/lat box measured. Read once per route that draws maps (the glossary
// pages' getStaticPaths, the map page) and passed to every map it draws.
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import atlas50 from 'world-atlas/countries-50m.json';
import atlas110 from 'world-atlas/countries-110m.json';
import type { Place } from './geo.ts';

type Countries = GeometryCollection<{ name: string }>;
/** Natural Earth's countries at one resolution, as TopoJSON. */
export type Topo = Topology<{ countries: Countries; land: GeometryCollection }>;
/** [[west, south], [east, north]] in degrees. */
export type Box2 = [[number, number], [number, number]];

/** One resolution of the atlas, with each country's lon/lat box. */
export interface Atlas {
  topo: Topo;
  boxes: ReadonlyMap<GeometryObject, Box2>;
}

/** Both resolutions: 50m for close views and the places map, 110m for wide views and to name countries. */
export interface Atlases {
  '50m': Atlas;
  '110m': Atlas;
}

// Natural Earth's default view draws Crimea inside Russia. The edition follows
// UN General Assembly resolution 68/262 (see the Crimea entry): it is Ukraine.
const CRIMEA: [number, number] = [34.1, 44.95];
const RUSSIA = '643';
const UKRAINE = '804';

/** Move the part of country `from` that contains `point` into country `to`. Returns a new topology. */
export function movePart(topo: Topo, from: string, to: string, point: [number, number]): Topo {
  const geoms = topo.objects.countries.geometries;
  const src = geoms.find((g) => g.id === from);
  const dst = geoms.find((g) => g.id === to);
  if (!src || !dst) throw new Error(`movePart: no country ${src ? to : from} in the atlas`);
  const polys = (g: GeometryObject): number[][][] => (g.type === 'Polygon' ? [(g as Polygon).arcs] : g.type === 'MultiPolygon' ? (g as MultiPolygon).arcs : []);
  const part = polys(src).find((arcs) => geoContains(feature(topo, { type: 'Polygon', arcs } as Polygon) as Feature, point));
  if (!part) return topo;
  const rest = polys(src).filter((p) => p !== part);
  const moved = (g: GeometryObject, arcs: number[][][]) => ({ ...g, type: 'MultiPolygon', arcs }) as MultiPolygon;
  const countries: Countries = {
    ...topo.objects.countries,
    geometries: geoms.map((g) => (g === src ? moved(g, rest) : g === dst ? moved(g, [...polys(g), part]) : g)) as Countries['geometries'],
  };
  return { ...topo, objects: { ...topo.objects, countries } };
}

/** The atlas at a resolution, with Crimea drawn as part of Ukraine. */
export function loadAtlas(res: '50m' | '110m'): Atlas {
  const topo = movePart((res === '50m' ? atlas50 : atlas110) as unknown as Topo, RUSSIA, UKRAINE, CRIMEA);
  const boxes = new Map(topo.objects.countries.geometries.map((g) => [g, geoBounds(feature(topo, g) as Feature) as Box2]));
  return { topo, boxes };
}

export const loadAtlases = (): Atlases => ({ '50m': loadAtlas('50m'), '110m': loadAtlas('110m') });

/** The atlas country whose land contains a point, if any. */
export function countryAt(point: [number, number], topo: Topo): string | undefined {
  return topo.objects.countries.geometries.find((g) => geoContains(feature(topo, g) as Feature, point))?.id as string | undefined;
}

/** The atlas country a place names (by name or alias), if it is a country. */
export function countryOf(place: Pick<Place, 'name' | 'names'>, topo: Topo): string | undefined {
  const names = new Set([place.name, ...(place.names ?? [])].map((n) => n.toLowerCase()));
  return topo.objects.countries.geometries.find((g) => names.has(String((g.properties as { name?: string } | undefined)?.name).toLowerCase()))?.id as string | undefined;
}

export function countryGeometry(topo: Topo, id: string): Geometry {
  return merge(topo, topo.objects.countries.geometries.filter((g) => g.id === id) as (Polygon | MultiPolygon)[]);
}

/**
 * The countries whose box meets a lon/lat box: projecting and clipping the
 * whole world for every locator is most of the build's map time.
 */
export function countriesNear({ topo, boxes }: Atlas, [[w, s], [e, n]]: Box2): (Polygon | MultiPolygon)[] {
  return topo.objects.countries.geometries.filter((g) => {
    const [[gw, gs], [ge, gn]] = boxes.get(g)!;
    // A box across the antimeridian (Russia, Fiji) is kept rather than reasoned about.
    return gw > ge || (gw <= e && ge >= w && gs <= n && gn >= s);
  }) as (Polygon | MultiPolygon)[];
}
