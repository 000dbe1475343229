/**
 * The municipality map, computed at build time: the outline of the (European) Netherlands as one
 * small SVG path, and a projection that puts a case's lat/lon on it. Pure: no DOM, no client code.
 *
 * Outline: Natural Earth 1:10m via world-atlas (countries-10m.json, id "528"), read with
 * topojson-client. That feature also holds the Caribbean Netherlands; only the polygons inside the
 * European extent are kept. Projection: d3-geo's oblique stereographic centred on Amersfoort, the
 * same kind of projection as the Dutch national grid (RD), so the country looks the way Dutch
 * readers know it. The path is simplified (Douglas–Peucker, in projected units) and quantised to
 * 0.1 unit with relative commands, which keeps it a few kilobytes.
 */
import { geoStereographic, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** ISO 3166-1 numeric code of the Netherlands in world-atlas. */
export const NETHERLANDS_ID = '528';

/** world-atlas's 1:10m countries, read from disk (faster than a JSON import through Vite). */
export function loadCountries(): Topology {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology;
}

/** The European Netherlands lie inside this lon/lat box; everything outside (Caribbean) is dropped. */
export const EUROPEAN_EXTENT = { west: 2.5, south: 50.5, east: 7.5, north: 54 } as const;

/** Centre of the projection: Amersfoort, origin of the Dutch national grid (RD). */
const AMERSFOORT: [number, number] = [5.387206, 52.155172];

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface MapPoint {
  x: number;
  y: number;
}

export interface NetherlandsMap {
  width: number;
  height: number;
  /** "0 0 width height". */
  viewBox: string;
  /** SVG path data of the outline (mainland and islands). */
  outline: string;
  /** Bounding box of the outline in map units: [[left, top], [right, bottom]]. */
  bounds: [[number, number], [number, number]];
  /** Map position of a lat/lon, rounded to 0.1 unit. */
  project(point: GeoPoint): MapPoint;
}

export interface MapOptions {
  /** Width of the map in SVG units; the height follows from the country's shape. */
  width?: number;
  /** Empty margin around the outline, in SVG units (room for points and labels at the edge). */
  padding?: number;
  /** Simplification tolerance in SVG units (0 keeps every point). */
  tolerance?: number;
}

const inEurope = ([lon, lat]: Position) =>
  lon! >= EUROPEAN_EXTENT.west &&
  lon! <= EUROPEAN_EXTENT.east &&
  lat! >= EUROPEAN_EXTENT.south &&
  lat! <= EUROPEAN_EXTENT.north;

/** The Netherlands in Europe as a GeoJSON MultiPolygon (Caribbean parts dropped). */
export function europeanNetherlands(topology: Topology = loadCountries()): Feature<MultiPolygon> {
  const collection = topology.objects.countries as GeometryCollection;
  const geometry = collection.geometries.find((g) => String(g.id) === NETHERLANDS_ID);
  if (!geometry) throw new Error(`world-atlas has no country with id "${NETHERLANDS_ID}" (the Netherlands)`);
  const nl = feature(topology, geometry) as Feature<Polygon | MultiPolygon>;
  const polygons = nl.geometry.type === 'Polygon' ? [nl.geometry.coordinates] : nl.geometry.coordinates;
  const european = polygons.filter((polygon) => polygon.every((ring) => ring.every(inEurope)));
  if (european.length === 0) throw new Error('No part of the Netherlands found inside the European extent');
  return {
    type: 'Feature',
    properties: { name: 'Netherlands' },
    geometry: { type: 'MultiPolygon', coordinates: european },
  };
}

/** Douglas–Peucker on an open polyline of projected points. */
function simplifyLine(points: MapPoint[], tolerance: number): MapPoint[] {
  if (points.length <= 2 || tolerance <= 0) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const a = points[first]!;
    const b = points[last]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const p = points[i]!;
      let d: number;
      if (len2 === 0) d = (p.x - a.x) ** 2 + (p.y - a.y) ** 2;
      else {
        const cross = dx * (p.y - a.y) - dy * (p.x - a.x);
        d = (cross * cross) / len2;
      }
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (maxD > t2 && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Simplify a closed ring: split it at its farthest point from the start so both halves keep their ends. */
export function simplifyRing(ring: MapPoint[], tolerance: number): MapPoint[] {
  const open =
    ring.length > 1 && ring[0]!.x === ring.at(-1)!.x && ring[0]!.y === ring.at(-1)!.y ? ring.slice(0, -1) : ring;
  if (open.length <= 4 || tolerance <= 0) return open;
  const start = open[0]!;
  let far = 1;
  let farD = -1;
  open.forEach((p, i) => {
    const d = (p.x - start.x) ** 2 + (p.y - start.y) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  });
  const first = simplifyLine(open.slice(0, far + 1), tolerance);
  const second = simplifyLine([...open.slice(far), start], tolerance);
  return [...first, ...second.slice(1, -1)];
}

/** Path data for closed rings in tenths of a unit: absolute moveto, then relative linetos. */
export function ringsToPath(rings: MapPoint[][]): string {
  const num = (tenths: number) => {
    const s = (tenths / 10).toString();
    return s.replace(/^(-?)0\./, '$1.');
  };
  const join = (values: string[]) =>
    values.reduce((out, v) => (out === '' ? v : out + (v.startsWith('-') ? '' : ' ') + v), '');
  let d = '';
  for (const ring of rings) {
    const tenths = ring.map((p) => [Math.round(p.x * 10), Math.round(p.y * 10)] as const);
    const points = tenths.filter((p, i) => i === 0 || p[0] !== tenths[i - 1]![0] || p[1] !== tenths[i - 1]![1]);
    if (points.length < 3) continue;
    const [x0, y0] = points[0]!;
    const steps: string[] = [];
    for (let i = 1; i < points.length; i++) {
      steps.push(num(points[i]![0] - points[i - 1]![0]), num(points[i]![1] - points[i - 1]![1]));
    }
    d += `M${join([num(x0), num(y0)])}l${join(steps)}z`;
  }
  return d;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildNetherlandsMap(options: MapOptions = {}): NetherlandsMap {
  const width = options.width ?? 400;
  const padding = options.padding ?? 16;
  const tolerance = options.tolerance ?? 0.4;
  const nl = europeanNetherlands();

  // Fit the width first, then let the height follow the country's proportions.
  const projection: GeoProjection = geoStereographic().rotate([-AMERSFOORT[0], -AMERSFOORT[1]]);
  projection.fitWidth(width - 2 * padding, nl);
  const probe = projection.translate();
  const rings = nl.geometry.coordinates.flatMap((polygon) => polygon);
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      const [x, y] = projection([lon!, lat!])!;
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      minX = Math.min(minX, x);
    }
  }
  projection.translate([probe[0] + padding - minX, probe[1] + padding - minY]);
  const height = Math.ceil(maxY - minY + 2 * padding);

  const projectRaw = ([lon, lat]: Position): MapPoint => {
    const [x, y] = projection([lon!, lat!])!;
    return { x, y };
  };
  const projected = rings.map((ring) => simplifyRing(ring.map(projectRaw), tolerance));
  const outline = ringsToPath(projected);

  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (const p of projected.flat()) {
    bx0 = Math.min(bx0, p.x);
    by0 = Math.min(by0, p.y);
    bx1 = Math.max(bx1, p.x);
    by1 = Math.max(by1, p.y);
  }

  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    outline,
    bounds: [
      [round1(bx0), round1(by0)],
      [round1(bx1), round1(by1)],
    ],
    project: ({ lat, lon }) => {
      const { x, y } = projectRaw([lon, lat]);
      return { x: round1(x), y: round1(y) };
    },
  };
}

let defaultMap: NetherlandsMap | undefined;

/** The map every page uses (built once per build). */
export function netherlandsMap(): NetherlandsMap {
  defaultMap ??= buildNetherlandsMap();
  return defaultMap;
}

export interface LabelledPoint extends MapPoint {
  label: string;
}

export interface PlacedLabel {
  /** Anchor of the text in map units. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** False when no position fits without covering another label or point: the label is left out. */
  visible: boolean;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Place a text label next to each point, greedily: right, left, above, below, the first position that
 * stays inside the map and clear of earlier labels and of all points. `gap` keeps the text clear of
 * the focus ring (radius 10 + stroke). Text width is estimated from the number of characters (the
 * font is the site's, unknown here), generously.
 */
export function placeLabels(
  points: LabelledPoint[],
  map: { width: number; height: number },
  { fontSize = 16, gap = 14, pointRadius = 7, charWidth = 0.6 } = {},
): PlacedLabel[] {
  const r = pointRadius;
  const pointBoxes: Box[] = points.map((p) => ({ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r }));
  const taken: Box[] = [];
  // Place from north to south, west to east, so the result does not depend on the input order.
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.y - points[b]!.y || points[a]!.x - points[b]!.x);
  const placed: PlacedLabel[] = new Array(points.length);
  for (const i of order) {
    const p = points[i]!;
    const w = p.label.length * fontSize * charWidth;
    const ascent = fontSize * 0.75;
    const descent = fontSize * 0.25;
    const candidates: (PlacedLabel & { box: Box })[] = [
      {
        x: p.x + gap,
        y: p.y + ascent / 2,
        anchor: 'start',
        visible: true,
        box: { x0: p.x + gap, y0: p.y - ascent / 2, x1: p.x + gap + w, y1: p.y + ascent / 2 + descent },
      },
      {
        x: p.x - gap,
        y: p.y + ascent / 2,
        anchor: 'end',
        visible: true,
        box: { x0: p.x - gap - w, y0: p.y - ascent / 2, x1: p.x - gap, y1: p.y + ascent / 2 + descent },
      },
      {
        x: p.x,
        y: p.y - gap,
        anchor: 'middle',
        visible: true,
        box: { x0: p.x - w / 2, y0: p.y - gap - ascent, x1: p.x + w / 2, y1: p.y - gap + descent },
      },
      {
        x: p.x,
        y: p.y + gap + ascent,
        anchor: 'middle',
        visible: true,
        box: { x0: p.x - w / 2, y0: p.y + gap, x1: p.x + w / 2, y1: p.y + gap + ascent + descent },
      },
    ];
    const fits = candidates.find(
      (c) =>
        c.box.x0 >= 0 &&
        c.box.y0 >= 0 &&
        c.box.x1 <= map.width &&
        c.box.y1 <= map.height &&
        !taken.some((t) => overlaps(t, c.box)) &&
        !pointBoxes.some((b, j) => j !== i && overlaps(b, c.box)),
    );
    if (fits) {
      taken.push(fits.box);
      placed[i] = { x: round1(fits.x), y: round1(fits.y), anchor: fits.anchor, visible: true };
    } else {
      placed[i] = { x: p.x, y: p.y, anchor: 'start', visible: false };
    }
  }
  return placed;
}

export interface MapCase extends GeoPoint {
  name: string;
  href: string;
}

export interface PlottedCase<C extends MapCase = MapCase> {
  case: C;
  x: number;
  y: number;
  label: PlacedLabel;
}

/** Project cases onto a map and place their labels; order is kept (it is the keyboard order). */
export function plotCases<C extends MapCase>(
  cases: readonly C[],
  map: NetherlandsMap = netherlandsMap(),
): PlottedCase<C>[] {
  const points = cases.map((c) => ({ ...map.project(c), label: c.name }));
  const labels = placeLabels(points, map);
  return cases.map((c, i) => ({ case: c, x: points[i]!.x, y: points[i]!.y, label: labels[i]! }));
}
