// What a map of places must never have: a dot over another, a label cut by
// the frame or over another label. For the map tests on fixtures and on the content.
import { boxesOverlap, DOT_SPACING, textWidth, type placesMap } from '../../src/geo/places-map.ts';

type PlacesMap = ReturnType<typeof placesMap>;

export function dotsTooClose(map: PlacesMap): string[] {
  const near: string[] = [];
  for (const a of map.markers) {
    for (const b of map.markers) if (a.id < b.id && Math.hypot(a.x - b.x, a.y - b.y) < DOT_SPACING - 0.1) near.push(`${a.id} / ${b.id}`);
  }
  return near;
}

/** Labels not whole inside the map, or over another label or a dot (their own included). */
export function labelProblems(map: PlacesMap): string[] {
  const boxes = map.markers.map((m) => {
    const w = textWidth(m.name, 13);
    const x0 = m.label.anchor === 'start' ? m.label.x : m.label.anchor === 'end' ? m.label.x - w : m.label.x - w / 2;
    return { id: m.id, x0, x1: x0 + w, y0: m.label.y - 13 * 0.8, y1: m.label.y + 13 * 0.25 };
  });
  const problems: string[] = [];
  const dots = map.markers.map((m) => ({ id: m.id, x0: m.x - 4, x1: m.x + 4, y0: m.y - 4, y1: m.y + 4 }));
  for (const b of boxes) {
    if (b.x0 < 0 || b.x1 > map.width || b.y0 < 0 || b.y1 > map.height) problems.push(`${b.id}: not whole inside the map`);
    for (const d of dots) if (boxesOverlap(b, d)) problems.push(`${b.id}: over the dot of ${d.id}`);
    for (const o of boxes) if (o.id > b.id && boxesOverlap(b, o)) problems.push(`${b.id} / ${o.id}`);
  }
  return problems;
}
