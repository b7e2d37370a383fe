// Maps drawn at build time: Natural Earth countries (the world-atlas package)
// projected with d3-geo into a few small SVG paths. No tiles, no client code.
import { geoDistance, geoCircle, geoContains, geoOrthographic, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import type { Geometry, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'topojson-specification';
import { countriesNear, countryAt, countryGeometry, countryOf, type Atlases, type Topo } from './atlas.ts';

export interface Place {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Name and aliases, to find the place among the atlas's countries. */
  names?: readonly string[];
}

/**
 * A projection whose output drops points closer than `tolerance` pixels to
 * the last one kept, and rings smaller than that: at locator scale Natural
 * Earth's detail is invisible, and it is most of the bytes.
 */
export function simplify(projection: GeoProjection, tolerance = 1): { stream: GeoProjection['stream'] } {
  const t2 = tolerance * tolerance;
  return {
    stream(output) {
      let line: [number, number][] = [];
      // The last point dropped: a line keeps its end even when it falls close.
      let pending: [number, number] | undefined;
      let inPolygon = false;
      const sink = {
        point(x: number, y: number) {
          const last = line.at(-1);
          if (!last || (x - last[0]) ** 2 + (y - last[1]) ** 2 >= t2) {
            line.push([x, y]);
            pending = undefined;
          } else pending = [x, y];
        },
        lineStart() {
          line = [];
          pending = undefined;
        },
        lineEnd() {
          if (pending) line.push(pending);
          line = douglasPeucker(line, tolerance);
          const xs = line.map((p) => p[0]);
          const ys = line.map((p) => p[1]);
          const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
          if (line.length < 2 || (inPolygon && (line.length < 4 || extent < tolerance * 2))) return;
          output.lineStart();
          for (const [x, y] of line) output.point(x, y);
          output.lineEnd();
        },
        polygonStart() {
          inPolygon = true;
          output.polygonStart();
        },
        polygonEnd() {
          inPolygon = false;
          output.polygonEnd();
        },
        sphere() {
          output.sphere?.();
        },
      };
      return projection.stream(sink as unknown as GeoStream);
    },
  };
}

/**
 * A d3 path context writing relative commands ("m12.3 4.5l1-2.1z") rounded to
 * tenths of a pixel; rounding the absolute positions keeps errors from adding up.
 */
export class RelativePath {
  private out = '';
  private x = 0;
  private y = 0;
  private start: [number, number] = [0, 0];
  private tenths = (n: number) => Math.round(n * 10);
  private num = (t: number, first: boolean) => {
    const s = String(t / 10).replace(/^(-?)0\./, '$1.');
    return first || s.startsWith('-') ? s : ` ${s}`;
  };
  private step(cmd: string, px: number, py: number) {
    const x = this.tenths(px);
    const y = this.tenths(py);
    if (cmd === 'l' && x === this.x && y === this.y) return;
    this.out += cmd + this.num(x - this.x, true) + this.num(y - this.y, false);
    this.x = x;
    this.y = y;
  }
  moveTo(x: number, y: number) {
    this.step('m', x, y);
    this.start = [this.x, this.y];
  }
  lineTo(x: number, y: number) {
    this.step('l', x, y);
  }
  closePath() {
    // After "z" the pen is back at the subpath's start.
    this.out += 'z';
    [this.x, this.y] = this.start;
  }
  arc() {
    throw new Error('RelativePath: points are drawn as markers, not by the path');
  }
  beginPath() {}
  result(): string {
    const r = this.out;
    this.out = '';
    this.x = this.y = 0;
    this.start = [0, 0];
    return r;
  }
}

/** Douglas–Peucker: drop the points that lie within `epsilon` of the line through their neighbours. */
export function douglasPeucker(points: [number, number][], epsilon: number): [number, number][] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay);
    let far = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      // Distance to the segment's line, or to its end when the two ends meet (closed rings).
      const d = len ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len : Math.hypot(px - ax, py - ay);
      if (d > far) [far, index] = [d, i];
    }
    if (far > epsilon) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function pathFor(projection: GeoProjection, tolerance = 1) {
  const context = new RelativePath();
  const path = geoPath(simplify(projection, tolerance), context as never);
  return (object: Parameters<typeof path>[0]): string => {
    path(object);
    return context.result();
  };
}
export const round = (n: number) => Math.round(n * 10) / 10;

/** Land, borders and named countries as path data for one projection. */
export function layers(topo: Topo, projection: GeoProjection, highlight: readonly string[], polys = topo.objects.countries.geometries as (Polygon | MultiPolygon)[]) {
  const path = pathFor(projection);
  return {
    // Land without the highlighted countries, so no coastline is drawn twice.
    land: path(merge(topo, polys.filter((g) => !highlight.includes(g.id as string)))) ?? '',
    borders: path(mesh(topo, { type: 'GeometryCollection', geometries: polys }, (a, b) => a !== b)) ?? '',
    countries: highlight.map((id) => ({ id, d: path(countryGeometry(topo, id)) ?? '' })).filter((c) => c.d),
  };
}

// ---------------------------------------------------------------- locators

export interface Locator {
  size: number;
  /** The visible disc (an orthographic view clipped to a circle). */
  disc: { cx: number; cy: number; r: number };
  land: string;
  borders: string;
  /** The place itself when it is a country, else the country it lies in. */
  country?: string;
  x: number;
  y: number;
}

/** Every [lon, lat] of a geometry. */
function* vertices(g: Geometry): Generator<[number, number]> {
  if (g.type === 'Polygon') for (const ring of (g as GeoPolygon).coordinates) yield* ring as [number, number][];
  else if (g.type === 'MultiPolygon') for (const poly of (g as GeoMultiPolygon).coordinates) for (const ring of poly) yield* ring as [number, number][];
}

/**
 * A small globe-cap locator centred on a place: wide enough to show a whole
 * country when the place is one, else about a thousand kilometres around it.
 */
export function locator(place: Place, atlases: Atlases, { size = 160, radius = 9 }: { size?: number; radius?: number } = {}): Locator {
  const center: [number, number] = [place.lon, place.lat];
  const coarse = atlases['110m'].topo;
  const country = countryOf(place, coarse);
  let r = radius;
  if (country) {
    // Measure the part the place stands in: France without Guiana, the US without Alaska.
    const whole = countryGeometry(coarse, country);
    const parts: Geometry[] = whole.type === 'MultiPolygon' ? (whole as GeoMultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [whole];
    const home = parts.find((g) => geoContains(g, center)) ?? whole;
    let far = 0;
    for (const v of vertices(home)) far = Math.max(far, geoDistance(center, v));
    r = Math.min(70, Math.max(radius, ((far * 180) / Math.PI) * 1.1));
  }
  const atlas = atlases[r < 20 ? '50m' : '110m'];
  const projection = geoOrthographic()
    .rotate([-place.lon, -place.lat])
    .clipAngle(r)
    .fitExtent([[1, 1], [size - 1, size - 1]], geoCircle().center(center).radius(r)());
  // A city or region is shown inside the country that holds it.
  const shaded = country ?? countryAt(center, coarse);
  // Wide caps reach round the globe; narrow ones need only their neighbourhood.
  const dLon = r / Math.max(Math.cos(((Math.abs(place.lat) + r) * Math.PI) / 180), 0.05);
  const near = r >= 30 ? undefined : countriesNear(atlas, [[place.lon - dLon, place.lat - r], [place.lon + dLon, place.lat + r]]);
  const { land, borders, countries } = layers(atlas.topo, projection, shaded ? [shaded] : [], near);
  const [x, y] = projection(center)!;
  const [cx, cy] = projection.translate();
  const disc = { cx: round(cx), cy: round(cy), r: round(projection.scale() * Math.sin((r * Math.PI) / 180)) };
  return { size, disc, land, borders, country: countries[0]?.d, x: round(x), y: round(y) };
}

/** "50.45° N, 30.52° E". */
export function coordinatesText({ lat, lon }: { lat: number; lon: number }): string {
  return `${Math.abs(lat)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon)}° ${lon < 0 ? 'W' : 'E'}`;
}

/** A glossary entry as a place on the maps, if it has coordinates. */
export function placeOf(e: { id: string; data: { name: string; aliases: readonly string[]; coordinates?: { lat: number; lon: number } } }): Place | undefined {
  const c = e.data.coordinates;
  return c && { id: e.id, name: e.data.name, lat: c.lat, lon: c.lon, names: e.data.aliases };
}
