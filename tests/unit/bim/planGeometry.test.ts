/**
 * The geometry behind the plan checks, on synthetic buildings whose answers are known: an L-shaped footprint's
 * area (which a convex hull would get wrong), setbacks against a point–segment distance computed here, the inset
 * band, and storeys, ground and gross floor area of a building with a basement, a stairwell and a roof level.
 */
import { describe, expect, it } from 'vitest';
import { manualPlacement } from '../../../src/bim/georef';
import { ecefOf } from '../../../src/bim/georef/ecefFrame';
import { checkPlan, closestBoundaryPoints, inset, parsePlan, polygonsArea, unionOfTriangles } from '../../../src/bim/plan';
import type { PlanModel, PlaneXY, Wgs84Position } from '../../../src/bim/plan';
import { WGS84_ELLIPSOID, createTransform, geocentricToGeodetic } from '../../../src/geo';
import type { Box } from './planFixtures';
import { SITE_ID, boxModel, demoParcelPlan, demoParcelPlanJson, demoSubmission } from './planFixtures';

const toGrid = createTransform('EPSG:4326', 'EPSG:5897');
const toWgs84 = createTransform('EPSG:5897', 'EPSG:4326');
const parcelGrid = demoSubmission.parcel.epsg5897.slice(0, -1);

/** Distance from p to segment ab, written out here so the test does not lean on the code under test. */
function pointToSegment([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const [dx, dy] = [bx! - ax!, by! - ay!];
  const t = Math.max(0, Math.min(1, ((px! - ax!) * dx + (py! - ay!) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px! - ax! - t * dx, py! - ay! - t * dy);
}

const edges = (ring: number[][]) => ring.map((p, i) => [p, ring[(i + 1) % ring.length]!] as const);

function pointToOutline(p: number[], ring: number[][]): number {
  return Math.min(...edges(ring).map(([s, e]) => pointToSegment(p, s, e)));
}

/** Least distance between two closed outlines that do not cross: vertex of one to edge of the other, both ways. */
function outlineDistance(a: number[][], b: number[][]): number {
  return Math.min(...a.map((p) => pointToOutline(p, b)), ...b.map((p) => pointToOutline(p, a)));
}

/** Shoelace area of a ring. */
const shoelace = (ring: number[][]) => Math.abs(ring.reduce((sum, [x, y], i) => sum + x! * ring[(i + 1) % ring.length]![1]! - ring[(i + 1) % ring.length]![0]! * y!, 0)) / 2;

/** A project point of a placed model → EPSG:5897, through the placement matrix and the geodesy module. */
function projectToGrid(model: PlanModel, [x, y, z]: number[]): number[] {
  const m = model.placement.projectToEcef;
  const ecef = [0, 1, 2].map((i) => m[i]! * x! + m[4 + i]! * y! + m[8 + i]! * z! + m[12 + i]!);
  const [lambda, phi] = geocentricToGeodetic(WGS84_ELLIPSOID, ecef[0]!, ecef[1]!, ecef[2]!, [0, 0, 0]);
  return toGrid((lambda * 180) / Math.PI, (phi * 180) / Math.PI).slice(0, 2);
}

/** A model whose project origin stands at grid point (e, n), +y to true north. */
function placedAt(boxes: Box[], storeys: Parameters<typeof boxModel>[1], [e, n]: [number, number], headingDegrees = 0): PlanModel {
  const [lon, lat] = toWgs84(e, n);
  return { ...boxModel(boxes, storeys), placement: manualPlacement({ lon, lat, headingDegrees, elevation: 0 }) };
}

const box = (id: number, ifcClass: string, container: number, min: Box['min'], max: Box['max']): Box => ({ id, ifcClass, container, min, max });

/** The plane triangles of boxes' faces, z dropped: tops, bottoms (opposite winding) and edge-on walls. */
function groundTriangles(boxes: Box[]): Float64Array {
  const { chunks } = boxModel(boxes, [{ id: 11, name: 'GF', elevation: 0 }]);
  const { positions, indices } = chunks[0]!;
  return Float64Array.from([...indices].flatMap((v) => [positions[3 * v]!, positions[3 * v + 1]!]));
}

describe('plan geometry', () => {
  // An L: 10 × 4 along x, and 4 × 8 along y, overlapping in the corner square.
  const lShape = [box(1, 'IfcWall', 11, [0, 0, 0], [10, 4, 3]), box(2, 'IfcWall', 11, [0, 0, 0], [4, 8, 6])];

  it('the footprint of an L-shaped building is the L, exactly: 10 × 4 + 4 × 4 = 56 m², six corners', () => {
    const footprint = unionOfTriangles(groundTriangles(lShape), 1);
    expect(footprint).toHaveLength(1);
    expect(footprint[0]!.outer).toHaveLength(6);
    expect(footprint[0]!.holes).toEqual([]);
    expect(polygonsArea(footprint)).toBe(56);
    // A convex hull would add the triangle (4, 8), (4, 4), (10, 4): 12 m².
    expect(polygonsArea(footprint)).toBeLessThan(68 - 11);
  });

  it('keeps a courtyard open to the sky, fills a gap under 1 m²', () => {
    const ring = [box(1, 'IfcWall', 11, [0, 0, 0], [12, 3, 3]), box(2, 'IfcWall', 11, [0, 9, 0], [12, 12, 3]), box(3, 'IfcWall', 11, [0, 3, 0], [3, 9, 3]), box(4, 'IfcWall', 11, [9, 3, 0], [12, 9, 3])];
    const courtyard = unionOfTriangles(groundTriangles(ring), 1);
    expect(courtyard[0]!.holes).toHaveLength(1);
    expect(polygonsArea(courtyard)).toBe(144 - 36);
    const gap = [box(1, 'IfcWall', 11, [0, 0, 0], [2, 1, 3]), box(2, 'IfcWall', 11, [2.5, 0, 0], [4, 1, 3]), box(3, 'IfcSlab', 11, [0, 1, 0], [4, 2, 1]), box(4, 'IfcSlab', 11, [0, -1, 0], [4, 0, 1])];
    expect(polygonsArea(unionOfTriangles(groundTriangles(gap), 1))).toBe(12);
  });

  it('the least distance between outlines equals a point–segment distance computed independently', () => {
    const square: PlaneXY[] = [[0, 0], [4, 0], [4, 4], [0, 4]];
    const triangle: PlaneXY[] = [[7, -3], [13, 9], [6, 2.5]];
    const closest = closestBoundaryPoints([square], [triangle]);
    expect(closest.distance).toBeCloseTo(outlineDistance(square, triangle), 12);
    expect(Math.hypot(closest.to[0] - closest.from[0], closest.to[1] - closest.from[1])).toBeCloseTo(closest.distance, 12);
    expect(closestBoundaryPoints([square], [[[2, 2], [9, 2], [9, 3]]]).distance).toBe(0); // crossing
  });

  it('insets a parcel by the setback: a 20 × 10 m lot less 2 m all round leaves 16 × 6 m', () => {
    const lot = { outer: [[0, 0], [20, 0], [20, 10], [0, 10]] as PlaneXY[], holes: [] };
    expect(polygonsArea(inset(lot, 2))).toBe(96);
    expect(inset(lot, 5.5)).toEqual([]);
  });

  it('the setback of a square building on the demo parcel is the distance to the nearest parcel edge, measured independently', async () => {
    const model = placedAt([box(1, 'IfcWall', 11, [0, 0, 0], [10, 10, 6])], [{ id: 11, name: 'GF', elevation: 0 }], [581520, 2327340], 17);
    const report = await checkPlan(model, demoParcelPlan({ minSetbackM: 6 }));
    const corners = [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0]].map((p) => projectToGrid(model, p));
    const expected = outlineDistance(corners, parcelGrid);
    expect(expected).toBeGreaterThan(6);
    expect(expected).toBeLessThan(20);
    const setback = report.checks.find((c) => c.id === 'setback')!;
    expect(Math.abs(setback.measured - expected)).toBeLessThan(0.002);
    expect(setback).toMatchObject({ status: 'pass', limit: 6 });
    // The line the scene draws joins a footprint corner to the parcel edge, as long as the setback.
    const [from, to] = report.visuals.setbackLine!.map(([lon, lat]) => toGrid(lon, lat));
    expect(Math.hypot(to![0] - from![0], to![1] - from![1])).toBeCloseTo(setback.measured, 3);
    expect(Math.min(...corners.map((c) => Math.hypot(c[0]! - from![0], c[1]! - from![1])))).toBeLessThan(0.002);
  });

  it('measures the same in a plan written in grid coordinates, and on the tangent plane of a plan without a grid', async () => {
    const model = placedAt([box(1, 'IfcWall', 11, [0, 0, 0], [10, 10, 6])], [{ id: 11, name: 'GF', elevation: 0 }], [581520, 2327340], 17);
    const inWgs84 = await checkPlan(model, demoParcelPlan({ minSetbackM: 6 }));
    const inGrid = await checkPlan(model, parsePlan({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5897' } },
      features: [{ type: 'Feature', properties: { id: 'P', name: 'Thửa P', landUse: 'ODT', source: 'test', minSetbackM: 6 }, geometry: { type: 'Polygon', coordinates: [demoSubmission.parcel.epsg5897] } }],
    }));
    expect(inGrid.plane.crs).toBe('EPSG:5897');
    // submission.json rounds the grid ring to the millimetre: ±0.5 mm along an 800 m boundary moves 0.4 m² at most.
    expect(Math.abs(inGrid.parcel.areaM2 - inWgs84.parcel.areaM2)).toBeLessThan(0.4);
    expect(Math.abs(inGrid.checks[3]!.measured - inWgs84.checks[3]!.measured)).toBeLessThan(0.002);
    const plain = parsePlan({ ...JSON.parse(JSON.stringify(demoParcelPlanJson({ minSetbackM: 6 }))), gridCrs: undefined });
    const tangent = await checkPlan(model, plain);
    expect(tangent.plane.crs).toBeNull();
    expect(tangent.plane.label.en).toMatch(/^the plane tangent to the ellipsoid at \(21\.03/);
    // Ground, not grid: the grid's scale k here is a chord on the ellipsoid against its grid length (≈ 0.99998).
    const [a, b] = [demoSubmission.parcel.wgs84[0]!, demoSubmission.parcel.wgs84[2]!];
    const chord = Math.hypot(...[0, 1, 2].map((i) => ecefOf(a[0], a[1], 0)[i]! - ecefOf(b[0], b[1], 0)[i]!));
    const k = Math.hypot(...[0, 1].map((i) => toGrid(a[0], a[1])[i]! - toGrid(b[0], b[1])[i]!)) / chord;
    expect(k).toBeCloseTo(0.99998, 5);
    expect(tangent.parcel.areaM2 / inWgs84.parcel.areaM2).toBeCloseTo(1 / k ** 2, 6);
    expect(Math.abs(tangent.checks[3]!.measured - inWgs84.checks[3]!.measured / k)).toBeLessThan(0.002);
    expect(tangent.measurements.footprintAreaM2).toBeCloseTo(100, 2);
  });

  it('draws the setback band 6 m wide and the height-limit plane at ground + the limit', async () => {
    const model = placedAt([box(1, 'IfcWall', 11, [0, 0, 0], [10, 10, 6])], [{ id: 11, name: 'GF', elevation: 0 }], [581587, 2327342]);
    const report = await checkPlan(model, demoParcelPlan({ minSetbackM: 6, maxHeightM: 12 }));
    const band = report.visuals.setbackBand!;
    expect(band).toHaveLength(1);
    const [outer, inner] = band[0]!.map((ring) => ring.map(([lon, lat]) => toGrid(lon, lat)));
    expect(outlineDistance(outer!.slice(0, -1), parcelGrid)).toBeLessThan(0.002);
    for (const vertex of inner!) expect(Math.abs(pointToOutline(vertex, parcelGrid) - 6)).toBeLessThan(0.003);
    const heights = (rings: Wgs84Position[][]) => new Set(rings.flat().map(([, , h]) => h));
    expect(heights(report.visuals.heightLimitPlane!)).toEqual(new Set([Number((report.measurements.groundEllipsoidalM + 12).toFixed(3))]));
    expect(heights(report.visuals.parcel)).toEqual(new Set([Number(report.measurements.groundEllipsoidalM.toFixed(3))]));
  });

  it('an L-shaped building placed on the parcel has the grid area of its six corners', async () => {
    const model = placedAt(lShape, [{ id: 11, name: 'GF', elevation: 0 }], [581587, 2327342], 40);
    const report = await checkPlan(model, demoParcelPlan({}));
    const corners = [[0, 0, 0], [10, 0, 0], [10, 4, 0], [4, 4, 0], [4, 8, 0], [0, 8, 0]].map((p) => projectToGrid(model, p));
    // 56 m² on the ground is 56 k² in the grid: k ≈ 0.99998 at the demo district (TM-3 zone 105°, k₀ = 0.9999).
    expect(shoelace(corners) / 56).toBeCloseTo(0.99996, 5);
    // Outlines are true to 1 mm (vertices on 0.1 mm, a 1 mm closing); here within 0.2 mm on average along the perimeter.
    expect(Math.abs(report.measurements.footprintAreaM2 - shoelace(corners))).toBeLessThan(36 * 2e-4);
    expect(report.measurements.footprint[0]!.outer).toHaveLength(6);
  });

  it('counts storeys above ground, takes the ground floor as ground, and sums floor plates with the stairwell', async () => {
    const storeys = [{ id: 10, name: 'B1', elevation: -3 }, { id: 11, name: 'GF', elevation: 0 }, { id: 12, name: 'F1', elevation: 3 }, { id: 13, name: 'Roof', elevation: 6 }];
    const boxes = [
      box(20, 'IfcWall', 10, [0, 0, -3], [10, 10, -0.2]),
      box(21, 'IfcSlab', 11, [0, 0, -0.2], [10, 10, 0]),
      box(22, 'IfcWall', 11, [0, 0, 0], [10, 10, 2.8]),
      // The first floor's slab around a 2 × 2 m stairwell, filed under the ground floor as some tools do.
      box(31, 'IfcSlab', 11, [0, 0, 2.8], [10, 4, 3]),
      box(32, 'IfcSlab', 11, [0, 6, 2.8], [10, 10, 3]),
      box(33, 'IfcSlab', 11, [0, 4, 2.8], [4, 6, 3]),
      box(34, 'IfcSlab', 11, [6, 4, 2.8], [10, 6, 3]),
      box(35, 'IfcWall', 12, [0, 0, 3], [10, 10, 5.8]),
      box(41, 'IfcSlab', 13, [0, 0, 5.8], [10, 10, 6]),
      box(42, 'IfcWall', 13, [0, 0, 6], [10, 0.2, 7]),
      // On the site, not in the building: a fence and the terrain.
      box(50, 'IfcWall', SITE_ID, [20, 0, 0], [30, 0.2, 2]),
      box(51, 'IfcGeographicElement', 11, [-5, -5, -1], [15, 15, 0]),
    ];
    const model = placedAt(boxes, storeys, [581587, 2327342]);
    const report = await checkPlan(model, demoParcelPlan({ maxStoreys: 2, maxHeightM: 6.99 }));
    const square = shoelace([[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0]].map((p) => projectToGrid(model, p)));
    const m = report.measurements;
    expect(m.groundFrom).toBe('groundFloorStorey');
    expect(m.groundM).toBeCloseTo(0, 6);
    expect(m.lowestM).toBeCloseTo(-3, 5);
    expect(m.heightM).toBeCloseTo(7, 4); // ellipsoidal: the parapet's far end, 10 m out, stands 8 µm higher
    expect(m.storeys.map((s) => [s.name, s.counted])).toEqual([['B1', false], ['GF', true], ['F1', true], ['Roof', false]]);
    expect(m.storeys[0]!.reason.en).toMatch(/basement/);
    expect(m.storeys[3]!.reason.en).toMatch(/rise only 1\.00 m .* a roof level/);
    expect(m.storeys.filter((s) => s.counted).map((s) => s.floorAreaFrom)).toEqual(['slabs', 'slabs']);
    expect(Math.abs(m.grossFloorAreaM2 - 2 * square)).toBeLessThan(2 * 40 * 2e-4);
    expect(Math.abs(m.footprintAreaM2 - square)).toBeLessThan(40 * 2e-4);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['height', 'fail'], ['storeys', 'pass'], ['containment', 'pass'], ['setback', 'notApplicable'], ['siteCoverage', 'notApplicable'], ['floorAreaRatio', 'notApplicable'],
    ]);
    expect(report.checks[0]!.detail.en).toBe('Highest point 7.00 m above ground; the plan allows ≤ 6.99 m.');
  });
});
