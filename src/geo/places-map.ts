// The places map: the part of Europe the texts range over, the countries they
// name shaded, a labelled marker for every place, and an arrow at the edge for
// each place beyond the frame. Drawn at build time in two frames: a wide one,
// and a narrower one for phones, so that no label is ever cut by a scroll.
import { geoConicEqualArea, geoPath } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import { countriesNear, countryOf, type Atlas } from './atlas.ts';
import { layers, round, type Place } from './geo.ts';

// ---------------------------------------------------------------- labels

export interface Label {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Advance widths (em) of DejaVu Sans Bold, the widest of the faces the labels'
// system-ui stack falls back to: a label placed by them fits in any of the others.
const EM = Object.fromEntries(
  Object.entries({
    0.34: 'ijl', 0.35: ' ', 0.37: 'IJ', 0.38: '’.', 0.42: '-', 0.44: 'f', 0.48: 't', 0.49: 'r', 0.58: 'z', 0.6: 's', 0.59: 'c',
    0.65: 'vxy', 0.67: 'ak', 0.68: 'eETF', 0.69: 'o', 0.71: 'hnu', 0.72: 'bdgpqSY', 0.73: 'CPZ', 0.64: 'L',
    0.76: 'B', 0.77: 'AKRVX', 0.81: 'U', 0.82: 'G', 0.83: 'D', 0.84: 'HN', 0.85: 'OQ', 0.92: 'w', 1: 'M', 1.04: 'm', 1.1: 'W',
  }).flatMap(([w, chars]) => [...chars].map((c) => [c, Number(w)])),
);
/** The width of a label at a size, in the widest face it may be drawn in. */
export const textWidth = (text: string, size: number) => [...text].reduce((w, c) => w + (EM[c] ?? 0.75), 0) * size;

type Placed = Label & { box: Box };

/**
 * Put each point's label beside it where it overlaps no other label or point
 * and stays inside the frame: greedy, over 24 positions around the dot.
 * Greedy depends on the order, so a few orders are tried (as given, most
 * crowded first, west to east and back, north to south and back) and the
 * least overlap wins;
 * labels that still overlap are then moved one at a time while that helps.
 */
export function placeLabels(points: readonly { x: number; y: number; text: string }[], width: number, height: number, size = 13, gap = 7): Placed[] {
  const dots: Box[] = points.map((p) => ({ x0: p.x - 4, y0: p.y - 4, x1: p.x + 4, y1: p.y + 4 }));
  const outside = (b: Box) => (b.x0 < 0 || b.y0 < 0 || b.x1 > width || b.y1 > height ? 1e6 : 0);
  // A label over a dot hides the place and takes its taps: far worse than two labels touching.
  const onDots = (b: Box) => dots.reduce((n, d) => n + overlap(b, d) * 100, 0);
  // Eight places around the dot, then the same eight further out, twice, for a crowded spot.
  const ring = (g: number): [number, number, Label['anchor']][] => [
    [g, size * 0.35, 'start'],
    [-g, size * 0.35, 'end'],
    [0, -g - 1, 'middle'],
    [0, g + size * 0.8, 'middle'],
    [g * 0.7, -g * 0.7, 'start'],
    [g * 0.7, g * 0.7 + size * 0.7, 'start'],
    [-g * 0.7, -g * 0.7, 'end'],
    [-g * 0.7, g * 0.7 + size * 0.7, 'end'],
  ];
  const candidates = points.map((p) => {
    const w = textWidth(p.text, size);
    return [...ring(gap), ...ring(gap * 2.2), ...ring(gap * 3.4)].map(([dx, dy, anchor]): Placed => {
      const x = round(p.x + dx);
      const y = round(p.y + dy);
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      return { x, y, anchor, box: { x0, y0: y - size * 0.8, x1: x0 + w, y1: y + size * 0.25 } };
    });
  });
  const greedy = (order: number[]) => {
    const out: Placed[] = new Array(points.length);
    const placed: Box[] = [];
    let total = 0;
    for (const i of order) {
      const cost = (b: Box) => placed.reduce((n, o) => n + overlap(b, o), 0) + onDots(b) + outside(b);
      const best = candidates[i].reduce((a, c) => (cost(c.box) < cost(a.box) ? c : a));
      total += cost(best.box);
      placed.push(best.box);
      out[i] = best;
    }
    return { out, total };
  };
  const index = points.map((_, i) => i);
  const crowd = (i: number) => points.filter((q) => Math.hypot(q.x - points[i].x, q.y - points[i].y) < 80).length;
  const by = (key: (i: number) => number) => [...index].sort((a, b) => key(a) - key(b));
  const orders = [index, by((i) => -crowd(i)), by((i) => points[i].x), by((i) => -points[i].x), by((i) => points[i].y), by((i) => -points[i].y)];
  const out = orders.map(greedy).reduce((a, b) => (b.total < a.total ? b : a)).out;
  // Then repair: move any label that still overlaps to its least crowded place, given the rest.
  for (let round = 0; round < 10; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      const others = out.filter((_, j) => j !== i).map((l) => l.box);
      const cost = (b: Box) => others.reduce((n, o) => n + overlap(b, o), 0) + onDots(b) + outside(b);
      if (cost(out[i].box) === 0) continue;
      const best = candidates[i].reduce((a, c) => (cost(c.box) < cost(a.box) ? c : a));
      if (cost(best.box) < cost(out[i].box)) [out[i], moved] = [best, true];
    }
    if (!moved) break;
  }
  return out;
}

/** Dots of radius 4.5 with a 3 px gap: the least distance between two markers' centres. */
export const DOT_SPACING = 12;

/**
 * Push apart points closer than `spacing`, each pair half the shortfall
 * either way along the line between them (straight up and down when they
 * coincide): a region and a city in it ("Eastern Europe", "western Ukraine")
 * stay two dots. A few rounds settle a cluster; the order is the input's.
 */
export function spreadPoints<T extends { x: number; y: number }>(points: readonly T[], spacing = DOT_SPACING, rounds = 20): T[] {
  const out = points.map((p) => ({ ...p }));
  for (let pass = 0; pass < rounds; pass++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const [a, b] = [out[i], out[j]];
        const d = Math.hypot(b.x - a.x, b.y - a.y);
        if (d >= spacing - 0.05) continue;
        const [ux, uy] = d > 0.01 ? [(b.x - a.x) / d, (b.y - a.y) / d] : [0, 1];
        const push = (spacing - d) / 2 + 0.05;
        a.x = round(a.x - ux * push);
        a.y = round(a.y - uy * push);
        b.x = round(b.x + ux * push);
        b.y = round(b.y + uy * push);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
export const boxesOverlap = (a: Box, b: Box) => overlap(a, b) > 0;

// ---------------------------------------------------------------- the map

/** A frame in degrees: the part of the world a map shows. */
export interface Frame {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The part of the world the places map shows (degrees). */
export const EUROPE: Frame = { west: -6, east: 44, south: 40, north: 67 };
/** The phone frame: the east, where most places are, at a scale where labels need no scroll. */
export const EAST: Frame = { west: 10, east: 42, south: 42, north: 62 };

export interface Marker {
  id: string;
  name: string;
  lat: number;
  lon: number;
  x: number;
  y: number;
  /** Off the frame: the marker stands at the edge, pointing towards the place. */
  off?: { angle: number };
  label: Label;
}

export interface PlacesMap {
  width: number;
  height: number;
  land: string;
  borders: string;
  countries: { id: string; place: string; d: string }[];
  markers: Marker[];
}

function frameOutline(f: Frame): MultiPoint {
  const pts: [number, number][] = [];
  for (let lon = f.west; lon <= f.east; lon += 5) pts.push([lon, f.south], [lon, f.north]);
  for (let lat = f.south; lat <= f.north; lat += 5) pts.push([f.west, lat], [f.east, lat]);
  return { type: 'MultiPoint', coordinates: pts };
}

/** The places map of a frame, `width` units wide, with labels of `size`, drawn on the 50m atlas. */
export function placesMap(places: readonly Place[], atlas: Atlas, { width = 600, size = 13, frame = EUROPE }: { width?: number; size?: number; frame?: Frame } = {}): PlacesMap {
  const { topo } = atlas;
  const projection = geoConicEqualArea()
    .parallels([45, 62])
    .rotate([-(frame.west + frame.east) / 2, 0])
    .fitWidth(width, frameOutline(frame));
  const height = Math.round(geoPath(projection).bounds(frameOutline(frame))[1][1]);
  projection.clipExtent([[0, 0], [width, height]]);

  const named = places.map((p) => ({ place: p.id, id: countryOf(p, topo) })).filter((c): c is { place: string; id: string } => Boolean(c.id));
  const near = countriesNear(atlas, [[frame.west - 20, frame.south - 10], [frame.east + 20, frame.north + 10]]);
  const { land, borders, countries } = layers(topo, projection, named.map((c) => c.id), near);
  const inset = 10;
  const cx = width / 2;
  const cy = height / 2;
  const projected = places.map((p) => {
    const [px, py] = projection([p.lon, p.lat]) ?? [Number.NaN, Number.NaN];
    if (px >= inset && px <= width - inset && py >= inset && py <= height - inset) return { p, x: round(px), y: round(py) };
    // Off the frame: walk from the centre towards the place and stop at the edge.
    const [dx, dy] = Number.isFinite(px) ? [px - cx, py - cy] : [Math.sign(p.lon - (frame.west + frame.east) / 2), 0];
    const t = Math.min(Math.abs((cx - inset) / (dx || 1e-9)), Math.abs((cy - inset) / (dy || 1e-9)));
    return { p, x: round(cx + dx * t), y: round(cy + dy * t), off: { angle: Math.round((Math.atan2(dy, dx) * 180) / Math.PI) } };
  });
  const points = spreadPoints(projected);
  const labels = placeLabels(points.map((m) => ({ x: m.x, y: m.y, text: m.p.name })), width, height, size);
  return {
    width,
    height,
    land,
    borders,
    countries: countries.map((c) => ({ ...c, place: named.find((n) => n.id === c.id)!.place })),
    markers: points.map((m, i) => ({ id: m.p.id, name: m.p.name, lat: m.p.lat, lon: m.p.lon, x: m.x, y: m.y, off: m.off, label: { x: labels[i].x, y: labels[i].y, anchor: labels[i].anchor } })),
  };
}


const COMPASS = ['east', 'south-east', 'south', 'south-west', 'west', 'north-west', 'north', 'north-east'];
/** The compass word for a direction on the map, in degrees clockwise from east (screen y points down). */
export const compassWord = (angle: number) => COMPASS[((Math.round(angle / 45) % 8) + 8) % 8];

/**
 * The places beyond the frame, grouped by the edge their arrows stand on:
 * "Russia to the north-east; United States and Washington to the west".
 */
export function offFrameText(markers: readonly Pick<Marker, 'name' | 'off'>[]): string {
  const by = new Map<string, string[]>();
  for (const m of markers) if (m.off) by.set(compassWord(m.off.angle), [...(by.get(compassWord(m.off.angle)) ?? []), m.name]);
  const names = (list: string[]) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list[0]);
  return [...by].map(([dir, list]) => `${names(list)} to the ${dir}`).join('; ');
}

