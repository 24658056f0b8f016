/**
 * The demo submission (AC20-FZK-Haus georeferenced to VN-2000 on the Mipec Xuân Thủy plot) against the sample
 * plan, as a planner reviews it: it passes; a tightened plan fails on height with the measured value; moved by
 * hand half off its parcel it fails containment. Expected figures come from the STEP text, not from web-ifc's
 * geometry: the ridge from the roof slabs' bounding boxes and placements, the storeys from their elevations, the
 * gross floor area from the floor slabs' BaseQuantities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findInstances } from '../../../scripts/ifc/stepText';
import type { StepInstance } from '../../../scripts/ifc/stepText';
import { manualPlacement, resolvePlacement } from '../../../src/bim/georef';
import { readIfcModel } from '../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { checkPlan, parsePlan, parsePlanText } from '../../../src/bim/plan';
import type { PlanModel, PlanReport } from '../../../src/bim/plan';
import type { IfcGeometryChunk, IfcModelHeader } from '../../../src/bim/types';
import { createTransform, setEpsgDefinitionSource } from '../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../src/geo/epsg/nodeDefinitionSource';
import { ASSETS_DIR, DATA_DIR } from '../demo/demoFiles';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

const IFC = join(ASSETS_DIR, 'bim/AC20-FZK-Haus.vn2000.ifc');
const PLAN_TEXT = readFileSync(join(ASSETS_DIR, 'plan/sample-plan.geojson'), 'utf8');
const step = readFileSync(IFC, 'latin1');

// ── Expected values from the STEP text ─────────────────────────────────────────────────────────────────────────
const CLASSES = ['IFCLOCALPLACEMENT', 'IFCAXIS2PLACEMENT3D', 'IFCCARTESIANPOINT', 'IFCDIRECTION', 'IFCSLAB', 'IFCPRODUCTDEFINITIONSHAPE', 'IFCSHAPEREPRESENTATION', 'IFCBOUNDINGBOX', 'IFCBUILDINGSTOREY', 'IFCRELDEFINESBYPROPERTIES', 'IFCELEMENTQUANTITY', 'IFCQUANTITYAREA'];
const byId = new Map(findInstances(step, CLASSES).map((instance) => [instance.id, instance]));
const at = (ref: string): StepInstance => byId.get(Number(ref.replace('#', '')))!;
const refs = (list: string): string[] => list.replace(/[()]/g, '').split(',');
const numbers = (list: string): number[] => refs(list).map(Number);

/** The height of an IfcLocalPlacement's origin: the sum of its chain's z offsets, every axis pointing up. */
function placementZ(ref: string): number {
  const [parent, relative] = at(ref).attributes;
  const [location, axis] = at(relative!).attributes;
  if (axis !== '$') expect(numbers(at(axis!).attributes[0]!)).toEqual([0, 0, 1]);
  const z = numbers(at(location!).attributes[0]!)[2] ?? 0;
  return z + (parent === '$' ? 0 : placementZ(parent!));
}

/** The top of a product's 'Box' representation (IfcBoundingBox: Corner z + ZDim, in its placement). */
function boxTop(product: StepInstance): number {
  const representations = refs(at(product.attributes[6]!).attributes[2]!).map(at);
  const box = at(representations.find((r) => r.attributes[1] === "'Box'")!.attributes[3]!.replace(/[()]/g, ''));
  const [corner, , , zDim] = box.attributes;
  return placementZ(product.attributes[5]!) + numbers(at(corner!).attributes[0]!)[2]! + Number(zDim);
}

const slabs = [...byId.values()].filter((i) => i.ifcClass === 'IFCSLAB');
const storeyElevations = [...byId.values()].filter((i) => i.ifcClass === 'IFCBUILDINGSTOREY').map((s) => Number(s.attributes[9]));
const groundElevation = storeyElevations.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
const ridge = Math.max(...slabs.filter((s) => s.attributes[8] === '.ROOF.').map(boxTop));

/** BaseQuantities GrossArea of the floor slabs (FLOOR, BASESLAB): the author's own gross floor area. */
function floorSlabGrossArea(): number {
  const floors = new Set(slabs.filter((s) => ['.FLOOR.', '.BASESLAB.'].includes(s.attributes[8]!)).map((s) => `#${s.id}`));
  let sum = 0;
  for (const rel of byId.values()) {
    if (rel.ifcClass !== 'IFCRELDEFINESBYPROPERTIES' || !refs(rel.attributes[4]!).some((r) => floors.has(r))) continue;
    const set = at(rel.attributes[5]!);
    if (set?.ifcClass !== 'IFCELEMENTQUANTITY' || set.attributes[2] !== "'BaseQuantities'") continue;
    const gross = refs(set.attributes[5]!).map(at).find((q) => q?.ifcClass === 'IFCQUANTITYAREA' && q.attributes[0] === "'GrossArea'");
    sum += Number(gross!.attributes[3]);
  }
  return sum;
}

// ── The model, loaded once ──────────────────────────────────────────────────────────────────────────────────────
/** The chunks as the IFC reader posts them (the checks read only some of their arrays; this test reads more). */
type LoadedModel = PlanModel & { chunks: IfcGeometryChunk[] };
let model: LoadedModel;
let report: PlanReport;

/** A file read as the IFC worker reads it, placed by its own georeferencing. */
async function placedModel(path: string): Promise<LoadedModel> {
  const api = await createNodeIfcApi();
  let header: IfcModelHeader | null = null;
  const chunks: IfcGeometryChunk[] = [];
  readIfcModel(api, new Uint8Array(readFileSync(path)), path, { progress: () => {}, header: (h) => (header = h), chunk: (c) => chunks.push(c) });
  const placement = await resolvePlacement(header!.georeference, { anchor: header!.geometryOffset });
  return { header: header!, chunks, placement };
}

beforeAll(async () => {
  model = await placedModel(IFC);
  report = await checkPlan(model, parsePlanText(PLAN_TEXT));
}, 120_000);

const checkOf = (r: PlanReport, id: string) => r.checks.find((c) => c.id === id)!;

describe('the demo submission against the sample plan', () => {
  it('stands on its parcel, XT-ODT-01 (OSM way 906733536), and passes every sample limit', () => {
    expect(report.parcel.id).toBe('XT-ODT-01');
    expect(report.plan.sample).toBe(true);
    expect(report.plane.crs).toBe('EPSG:5897');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['height', 'pass'], ['storeys', 'pass'], ['containment', 'pass'], ['setback', 'pass'], ['siteCoverage', 'pass'], ['floorAreaRatio', 'pass'],
    ]);
    expect(report.passed).toBe(true);
  });

  it('measures its height above the ground floor as the ridge the STEP text gives (roof slab boxes + placements)', () => {
    expect(ridge).toBeCloseTo(6.3177, 4);
    expect(report.measurements.groundFrom).toBe('groundFloorStorey');
    expect(report.measurements.groundM).toBeCloseTo(groundElevation, 6);
    expect(Math.abs(checkOf(report, 'height').measured - (ridge - groundElevation))).toBeLessThan(0.001);
    expect(report.measurements.lowestM).toBeCloseTo(-0.2, 3); // under the base slab: not ground
  });

  it('counts the storeys at or above ±0.00, as their elevations say: Erdgeschoss and Dachgeschoss', () => {
    expect(checkOf(report, 'storeys').measured).toBe(storeyElevations.filter((e) => e >= 0).length);
    expect(report.measurements.storeys.map((s) => [s.name, s.counted])).toEqual([['Erdgeschoss', true], ['Dachgeschoss', true]]);
  });

  it('measures the gross floor area as the floor slabs’ BaseQuantities GrossArea, stairwell included', () => {
    const expected = floorSlabGrossArea();
    expect(expected).toBeCloseTo(235.64, 2);
    expect(Math.abs(report.measurements.grossFloorAreaM2 - expected)).toBeLessThan(0.05);
    expect(checkOf(report, 'floorAreaRatio').measured).toBeCloseTo(report.measurements.grossFloorAreaM2 / report.parcel.areaM2, 12);
  });

  it('outlines the footprint with the eaves: the extent of the house’s vertices, 13 × 11 m', () => {
    const elements = new Set(model.header.elements.map((e) => e.expressId));
    const [x, y] = [[Infinity, -Infinity], [Infinity, -Infinity]];
    for (const chunk of model.chunks) {
      chunk.vertexElementIds.forEach((id, v) => {
        if (!elements.has(id)) return; // the IfcSite's own terrain box
        for (const [axis, range] of [x, y].entries()) {
          range[0] = Math.min(range[0]!, chunk.positions[3 * v + axis]!);
          range[1] = Math.max(range[1]!, chunk.positions[3 * v + axis]!);
        }
      });
    }
    const extent = (x[1]! - x[0]!) * (y[1]! - y[0]!);
    expect(extent).toBeCloseTo(143, 3);
    expect(Math.abs(report.measurements.footprintAreaM2 - extent)).toBeLessThan(0.02); // grid scale and 1 mm outline
    expect(report.measurements.footprint).toHaveLength(1);
    expect(checkOf(report, 'siteCoverage').measured).toBeCloseTo(report.measurements.footprintAreaM2 / report.parcel.areaM2, 12);
  });

  it('gives the parcel its area in the grid, and draws the checks in WGS 84 on it', () => {
    const grid = JSON.parse(readFileSync(join(ASSETS_DIR, 'bim/submission.json'), 'utf8')).parcel.epsg5897 as number[][];
    const area = Math.abs(grid.slice(1).reduce((sum, [x, y], i) => sum + grid[i]![0]! * y! - x! * grid[i]![1]!, 0)) / 2;
    expect(report.parcel.areaM2).toBeCloseTo(area, 0);
    const { visuals, measurements } = report;
    expect(visuals.heightLimitPlane!.flat().every(([, , h]) => Math.abs(h - (measurements.groundEllipsoidalM + 25)) < 0.001)).toBe(true);
    expect(visuals.setbackBand).toHaveLength(1);
    const toGrid = createTransform('EPSG:4326', 'EPSG:5897');
    const footprint = visuals.footprint[0]![0]!.map(([lon, lat]) => toGrid(lon, lat));
    const inside = ([px, py]: number[]) => grid.slice(1).reduce((odd, [xi, yi], i) => {
      const [xj, yj] = grid[i]!;
      return yi! > py! !== yj! > py! && px! < ((xj! - xi!) * (py! - yi!)) / (yj! - yi!) + xi! ? !odd : odd;
    }, false);
    expect(footprint.every(inside)).toBe(true);
  });
});

describe('the demo submission, changed', () => {
  it('fails the height check of a tightened plan (5 m) and shows the measured height', async () => {
    const tightened = JSON.parse(PLAN_TEXT);
    tightened.features[0].properties.maxHeightM = 5;
    const result = await checkPlan(model, parsePlan(tightened));
    const height = checkOf(result, 'height');
    expect(height).toMatchObject({ status: 'fail', limit: 5 });
    expect(height.measured).toBeCloseTo(ridge - groundElevation, 3);
    expect(height.detail.en).toBe(`Highest point ${(ridge - groundElevation).toFixed(2)} m above ground; the plan allows ≤ 5.00 m.`);
    expect(height.detail.vi).toBe(`Điểm cao nhất ${(ridge - groundElevation).toFixed(2)} m trên mặt đất; quy hoạch cho phép ≤ 5.00 m.`);
    expect(result.passed).toBe(false);
    expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['height']);
  });

  it('fails containment and setback when placed by hand half across the parcel’s west edge', async () => {
    // 2 m inside the west edge, project +x pointing west: the 13 m house reaches ~10 m beyond it.
    const [lon, lat] = createTransform('EPSG:5897', 'EPSG:4326')(581512.3, 2327340);
    const moved = { ...model, placement: manualPlacement({ lon, lat, headingDegrees: 180, elevation: 0 }) };
    const result = await checkPlan(moved, parsePlanText(PLAN_TEXT), { parcelId: 'XT-ODT-01' });
    const containment = checkOf(result, 'containment');
    expect(containment.status).toBe('fail');
    expect(containment.measured).toBeGreaterThan(8);
    expect(containment.measured).toBeLessThan(12);
    expect(containment.detail.en).toMatch(/^\d+\.\d m² of the footprint lies outside the parcel, up to \d+\.\d\d m beyond its boundary\.$/);
    expect(checkOf(result, 'setback')).toMatchObject({ status: 'fail', measured: 0 });
    expect(result.passed).toBe(false);
  });

  it('refuses a parcel id the plan does not have, naming those it has', async () => {
    await expect(checkPlan(model, parsePlanText(PLAN_TEXT), { parcelId: 'XT-99' })).rejects.toThrow(/no parcel "XT-99" \(it has: XT-ODT-01, XT-CQP-01/);
  });
});

describe('any placement', () => {
  it('checks the Duplex, placed in Luxembourg by ePSet_MapConversion (EPSG:9897), on a WGS 84 plan without a grid', { timeout: 120_000 }, async () => {
    const duplex = await placedModel(join(DATA_DIR, 'ifc/georef/Duplex_A_20110907_georeferenced.ifc'));
    expect(duplex.placement.source).toBe('ePSet_MapConversion');
    const [lon, lat] = duplex.placement.originWgs84;
    const square = [[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]].map(([dx, dy]) => [lon + dx! * 0.0005, lat + dy! * 0.0005]);
    const luxembourg = parsePlan({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'LU-1', name: 'Lô LU-1', landUse: 'ODT', source: 'test', maxStoreys: 2, minSetbackM: 5 }, geometry: { type: 'Polygon', coordinates: [square] } }] });
    const result = await checkPlan(duplex, luxembourg);
    expect(result.plane.crs).toBeNull(); // the tangent plane at the model
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['height', 'notApplicable'], ['storeys', 'pass'], ['containment', 'pass'], ['setback', 'pass'], ['siteCoverage', 'notApplicable'], ['floorAreaRatio', 'notApplicable'],
    ]);
    // Its foundation level lies below ground and its roof level holds only the roof: two storeys.
    expect(result.measurements.storeys.map((s) => [s.name, s.counted])).toEqual([['T/FDN', false], ['Level 1', true], ['Level 2', true], ['Roof', false]]);
    expect(result.measurements.footprintAreaM2).toBeGreaterThan(150);
  });
});
