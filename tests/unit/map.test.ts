import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import {
  buildNetherlandsMap,
  europeanNetherlands,
  netherlandsMap,
  placeLabels,
  plotCases,
  ringsToPath,
  simplifyRing,
} from '../../src/lib/map.ts';

/** Town halls, rounded (public coordinates). */
const places = {
  rotterdam: { lat: 51.9225, lon: 4.4792 },
  almere: { lat: 52.3508, lon: 5.2647 },
  haarlem: { lat: 52.3874, lon: 4.6462 },
  denHaag: { lat: 52.0705, lon: 4.3007 },
  groningen: { lat: 53.2194, lon: 6.5665 },
  maastricht: { lat: 50.8514, lon: 5.691 },
  vlissingen: { lat: 51.4425, lon: 3.5736 },
  enschede: { lat: 52.2215, lon: 6.8937 },
};

describe('europeanNetherlands', () => {
  const nl = europeanNetherlands();

  it('keeps the mainland and the islands, and drops the Caribbean parts', () => {
    const lons = nl.geometry.coordinates.flat(2).map(([lon]) => lon!);
    const lats = nl.geometry.coordinates.flat(2).map(([, lat]) => lat!);
    expect(Math.min(...lons)).toBeGreaterThan(3);
    expect(Math.max(...lons)).toBeLessThan(7.5);
    expect(Math.min(...lats)).toBeGreaterThan(50.5);
    expect(Math.max(...lats)).toBeLessThan(54);
    expect(nl.geometry.coordinates.length).toBeGreaterThanOrEqual(5); // mainland, Zeeland, Wadden islands
  });

  it('contains the pilot cities and inland places (not coastal ones: the 1:10m coast is coarse)', () => {
    const inland = ['rotterdam', 'almere', 'haarlem', 'denHaag', 'groningen', 'maastricht', 'enschede'] as const;
    for (const name of inland) expect(geoContains(nl, [places[name].lon, places[name].lat]), name).toBe(true);
  });

  it('is not fooled by a point outside the country', () => {
    for (const [name, p] of Object.entries({
      brussels: { lon: 4.35, lat: 50.85 },
      northSea: { lon: 3.5, lat: 52.5 },
    })) {
      expect(geoContains(nl, [p.lon, p.lat]), name).toBe(false);
    }
  });
});

describe('netherlandsMap', () => {
  const map = netherlandsMap();

  it('is a small outline in a portrait viewBox', () => {
    expect(map.viewBox).toBe(`0 0 ${map.width} ${map.height}`);
    expect(map.height).toBeGreaterThan(map.width);
    expect(map.outline).toMatch(/^M[\d.]+[ -][\d.]+l/);
    expect(map.outline.length).toBeLessThan(8_000);
    expect(map.outline.match(/M/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the outline inside the viewBox', () => {
    const [[x0, y0], [x1, y1]] = map.bounds;
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(map.width);
    expect(y1).toBeLessThanOrEqual(map.height);
  });

  it('projects every place inside the outline’s bounding box', () => {
    const [[x0, y0], [x1, y1]] = map.bounds;
    for (const [name, p] of Object.entries(places)) {
      const { x, y } = map.project(p);
      expect(x, name).toBeGreaterThan(x0);
      expect(x, name).toBeLessThan(x1);
      expect(y, name).toBeGreaterThan(y0);
      expect(y, name).toBeLessThan(y1);
    }
  });

  it('puts Rotterdam south-west of Almere, and Groningen north-east of Maastricht', () => {
    const rotterdam = map.project(places.rotterdam);
    const almere = map.project(places.almere);
    expect(rotterdam.x).toBeLessThan(almere.x);
    expect(rotterdam.y).toBeGreaterThan(almere.y);
    const groningen = map.project(places.groningen);
    const maastricht = map.project(places.maastricht);
    expect(groningen.x).toBeGreaterThan(maastricht.x);
    expect(groningen.y).toBeLessThan(maastricht.y);
  });

  it('keeps the proportions of the country (Vlissingen–Enschede about 230 km, Groningen–Maastricht about 265 km)', () => {
    const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    const we = dist(map.project(places.vlissingen), map.project(places.enschede));
    const ns = dist(map.project(places.groningen), map.project(places.maastricht));
    expect(we / ns).toBeCloseTo(230 / 265, 1);
  });

  it('is the same every time (the build is reproducible)', () => {
    expect(buildNetherlandsMap().outline).toBe(map.outline);
  });

  it('gets smaller with a larger simplification tolerance, and is exact with none', () => {
    const exact = buildNetherlandsMap({ tolerance: 0 }).outline.length;
    const rough = buildNetherlandsMap({ tolerance: 2 }).outline.length;
    expect(map.outline.length).toBeLessThan(exact);
    expect(rough).toBeLessThan(map.outline.length);
  });
});

describe('path helpers', () => {
  it('writes closed rings with relative steps in tenths', () => {
    expect(
      ringsToPath([
        [
          { x: 1, y: 1 },
          { x: 11.04, y: 1 },
          { x: 11, y: 0.5 },
          { x: 1, y: 1 },
        ],
      ]),
    ).toBe('M1 1l10 0 0-.5-10 .5z');
  });

  it('drops rings that collapse to fewer than three points', () => {
    expect(
      ringsToPath([
        [
          { x: 1, y: 1 },
          { x: 1.01, y: 1 },
          { x: 1, y: 1.02 },
        ],
      ]),
    ).toBe('');
  });

  it('simplifies a ring but keeps its corners', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 5, y: 0.1 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 5, y: 9.9 },
      { x: 0, y: 10 },
      { x: 0, y: 0 },
    ];
    expect(simplifyRing(square, 0.5)).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ]);
  });
});

describe('placeLabels and plotCases', () => {
  it('places a label right of its point when there is room, left near the east edge', () => {
    const [a, b] = placeLabels(
      [
        { x: 50, y: 100, label: 'Haarlem' },
        { x: 390, y: 300, label: 'Enschede' },
      ],
      { width: 400, height: 470 },
    );
    expect(a).toMatchObject({ anchor: 'start', visible: true });
    expect(a!.x).toBeGreaterThan(50);
    expect(b).toMatchObject({ anchor: 'end', visible: true });
    expect(b!.x).toBeLessThan(390);
  });

  it('keeps labels of nearby points from overlapping', () => {
    const labels = placeLabels(
      [
        { x: 110, y: 248, label: 'Den Haag' },
        { x: 127, y: 271, label: 'Rotterdam' },
        { x: 144, y: 199, label: 'Haarlem' },
      ],
      { width: 400, height: 470 },
    );
    const boxes = labels.map((l, i) => {
      const w = ['Den Haag', 'Rotterdam', 'Haarlem'][i]!.length * 16 * 0.6;
      const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
      return { x0, x1: x0 + w, y0: l.y - 12, y1: l.y + 4 };
    });
    expect(labels.every((l) => l.visible)).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `labels ${i} and ${j} overlap`).toBe(false);
      }
  });

  it('plots cases in their given order with their link', () => {
    const plotted = plotCases([
      { name: 'Rotterdam', href: '/gemeenten/rotterdam/', ...places.rotterdam },
      { name: 'Almere', href: '/gemeenten/almere/', ...places.almere },
    ]);
    expect(plotted.map((p) => p.case.href)).toEqual(['/gemeenten/rotterdam/', '/gemeenten/almere/']);
    expect(plotted[0]!.x).toBeLessThan(plotted[1]!.x);
  });
});
