/**
 * A real office building against the plan: Office_A (web-ifc's sample, 49,923 triangles over about 50 × 37 m,
 * not georeferenced) placed by hand on parcel XT-ODT-01 of the sample plan. Its footprint's union used to fill
 * any heap (clipper2-ts looped on a flat spike, see `sweepable`); here it is measured in vitest's default heap
 * and checked against measures taken without Clipper: a raster of the same ground triangles and their convex hull.
 */
import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64 } from 'clipper2-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { manualPlacement } from '../../../src/bim/georef';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { checkPlan, createWorkingPlane, modelAnchor, parsePlanText, polygonsArea, unionOfTriangles } from '../../../src/bim/plan';
import type { PlanModel, PlanReport, PlaneXY } from '../../../src/bim/plan';
import { readBuildingGeometry } from '../../../src/bim/plan/buildingGeometry';
import { sweepable } from '../../../src/bim/plan/polygonClipping';
import { setEpsgDefinitionSource } from '../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../src/geo/epsg/nodeDefinitionSource';
import { readAsset } from '../demo/demoFiles';
import { loadSample } from './ifcSamples';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

const PARCEL = 'XT-ODT-01';
/** Office_A's project origin (its north-west corner) where a reviewer put it by hand, inside the parcel. */
const BY_HAND = { lon: 105.7868609, lat: 21.0378337, headingDegrees: 0, elevation: 0 };
/** Raster cell, metres: its boundary cells (the raster's error bound) come to some 2 % of Office_A's area. */
const CELL = 0.05;

const path = (xy: number[]): Path64 => xy.flatMap((_, i) => (i % 2 === 0 ? [{ x: xy[i]!, y: xy[i + 1]! }] : []));
const flatEdges = (ring: Path64): number => ring.filter((p, i) => p.y === ring[(i + 1) % ring.length]!.y && ring[(i + 1) % ring.length]!.y === ring[(i + 2) % ring.length]!.y).length;

describe('sweepable: rings clipper2-ts 2.0.1 can sweep', () => {
  // One of Office_A's batch outlines (0.1 mm units), a sliver 0.1 mm high: along y = −145497 it runs left to
  // x = 481787 and back right (a flat spike). Clipper.union([spiked]) as it is never returns and fills the heap.
  const spiked = path([481787, -145497, 481791, -145497, 481977, -145497, 482000, -145496, 481888, -145497, 481874, -145497, 481825, -145497]);

  it('drops the inner vertices of flat runs, keeping the area, so no two horizontal edges follow each other', () => {
    expect(flatEdges(spiked)).toBeGreaterThan(0);
    const swept = sweepable(spiked);
    expect(flatEdges(swept)).toBe(0);
    expect(Clipper.area(swept)).toBe(Clipper.area(spiked));
    expect(swept.every((p) => spiked.some((q) => q.x === p.x && q.y === p.y))).toBe(true);
    expect(sweepable(path([0, 5, 10, 5, 3, 5]))).toEqual([]); // all flat: encloses nothing
    const square = path([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(sweepable(square)).toEqual(square);
  });

  it('lets the union that filled the heap finish, with the ring’s area', () => {
    const union = Clipper.union([sweepable(spiked)], FillRule.NonZero);
    expect(union.reduce((sum, ring) => sum + Math.abs(Clipper.area(ring)), 0)).toBe(Math.abs(Clipper.area(spiked)));
  });
});

/** Cells of `CELL` whose centre lies in some triangle: the union's area, independent of Clipper. */
function raster(triangles: Float64Array): { areaM2: number; boundaryM2: number } {
  const [x0, y0, x1, y1] = extent(triangles);
  const [w, h] = [Math.ceil((x1 - x0) / CELL) + 1, Math.ceil((y1 - y0) / CELL) + 1];
  const cells = new Uint8Array(w * h);
  for (let t = 0; t < triangles.length; t += 6) {
    const [ax, ay, bx, by, cx, cy] = triangles.subarray(t, t + 6);
    const twiceArea = (bx! - ax!) * (cy! - ay!) - (cx! - ax!) * (by! - ay!);
    if (twiceArea === 0) continue;
    const side = Math.sign(twiceArea);
    const [i0, i1] = [Math.floor((Math.min(ax!, bx!, cx!) - x0) / CELL), Math.ceil((Math.max(ax!, bx!, cx!) - x0) / CELL)];
    const [j0, j1] = [Math.floor((Math.min(ay!, by!, cy!) - y0) / CELL), Math.ceil((Math.max(ay!, by!, cy!) - y0) / CELL)];
    for (let j = j0; j <= j1; j++) {
      const py = y0 + (j + 0.5) * CELL;
      for (let i = i0; i <= i1; i++) {
        const px = x0 + (i + 0.5) * CELL;
        const e1 = side * ((bx! - ax!) * (py - ay!) - (by! - ay!) * (px - ax!));
        const e2 = side * ((cx! - bx!) * (py - by!) - (cy! - by!) * (px - bx!));
        const e3 = side * ((ax! - cx!) * (py - cy!) - (ay! - cy!) * (px - cx!));
        if (e1 >= 0 && e2 >= 0 && e3 >= 0) cells[j * w + i] = 1;
      }
    }
  }
  let [inside, boundary] = [0, 0];
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const filled = cells[j * w + i] === 1;
      inside += filled ? 1 : 0;
      const neighbours = [i > 0 ? cells[j * w + i - 1] : 0, i < w - 1 ? cells[j * w + i + 1] : 0, j > 0 ? cells[(j - 1) * w + i] : 0, j < h - 1 ? cells[(j + 1) * w + i] : 0];
      if (neighbours.some((n) => (n === 1) !== filled)) boundary++;
    }
  }
  return { areaM2: inside * CELL ** 2, boundaryM2: boundary * CELL ** 2 };
}

function extent(xy: ArrayLike<number>): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < xy.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, xy[i]!), Math.min(y0, xy[i + 1]!), Math.max(x1, xy[i]!), Math.max(y1, xy[i + 1]!)];
  return [x0, y0, x1, y1];
}

/** Area of the convex hull of the points (Andrew's monotone chain, then the shoelace). */
function hullArea(xy: Float64Array): number {
  const points: PlaneXY[] = [];
  for (let i = 0; i < xy.length; i += 2) points.push([xy[i]!, xy[i + 1]!]);
  points.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const cross = (o: PlaneXY, a: PlaneXY, b: PlaneXY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const chain = (ordered: PlaneXY[]): PlaneXY[] => {
    const hull: PlaneXY[] = [];
    for (const p of ordered) {
      while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) <= 0) hull.pop();
      hull.push(p);
    }
    return hull.slice(0, -1);
  };
  const ring = [...chain(points), ...chain([...points].reverse())];
  return Math.abs(ring.reduce((sum, [x, y], i) => sum + x * ring[(i + 1) % ring.length]![1] - ring[(i + 1) % ring.length]![0] * y, 0)) / 2;
}

describe(`Office_A placed by hand on parcel ${PARCEL}`, () => {
  const plan = parsePlanText(readAsset('plan/sample-plan.geojson').toString('utf8'));
  let model: PlanModel;
  let report: PlanReport;
  let ground: Float64Array;

  beforeAll(async () => {
    const { header, chunks } = loadSample(await createNodeIfcApi(), 'ifc/web-ifc/Office_A_20110811.ifc');
    model = { header, chunks, placement: manualPlacement(BY_HAND) };
    report = await checkPlan(model, plan);
    ground = readBuildingGeometry(model, await createWorkingPlane(plan, modelAnchor(model))).groundTriangles;
  }, 120_000);

  it('is checked against the parcel it stands on, every check measured', () => {
    expect(report.parcel.id).toBe(PARCEL);
    expect(report.measurements.triangleCount).toBe(ground.length / 6);
    expect(report.checks.map((c) => c.id)).toEqual(['height', 'storeys', 'containment', 'setback', 'siteCoverage', 'floorAreaRatio']);
    for (const check of report.checks) expect(Number.isFinite(check.measured), check.id).toBe(true);
    expect(report.checks.find((c) => c.id === 'containment')?.status).toBe('pass');
  });

  it('has the footprint of its triangles: within the raster of them, at most their convex hull, the same extent', () => {
    const { footprint, footprintAreaM2 } = report.measurements;
    const { areaM2, boundaryM2 } = raster(ground);
    // Holes all left open, as the raster leaves them: the two differ by at most the cells along an edge.
    const open = polygonsArea(unionOfTriangles(ground, 0));
    expect(Math.abs(open - areaM2)).toBeLessThanOrEqual(boundaryM2);
    expect(boundaryM2).toBeLessThan(0.05 * areaM2); // a bound that says something
    // The report's footprint fills gaps under 1 m² only.
    expect(footprintAreaM2).toBeGreaterThanOrEqual(open);
    expect(footprintAreaM2).toBeLessThanOrEqual(hullArea(ground));
    const [x0, y0, x1, y1] = extent(footprint.flatMap((p) => p.outer.flat()));
    extent(ground).forEach((bound, i) => expect(Math.abs(bound - [x0, y0, x1, y1][i]!)).toBeLessThan(0.005));
    expect((x1 - x0) * (y1 - y0)).toBeGreaterThan(40 * 30); // the 50 × 37 m building, not a fragment of it
  });
});
