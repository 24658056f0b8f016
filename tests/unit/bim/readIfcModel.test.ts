/**
 * readIfcModel on real files, checked the way a planner or a renderer would: the geometry stands where IFC puts
 * it (z up, metres), every product with a representation is in the element index (counted independently from
 * the STEP text), the spatial tree names the storeys, chunks are consistent and ready to transfer, and the
 * inspector's properties come with their units applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IfcAPI } from 'web-ifc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIfcModel, readElementProperties } from '../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import type { IfcGeometryChunk, IfcPropertySetInfo, SpatialNode } from '../../../src/bim/types';
import { DATA_DIR } from '../demo/demoFiles';
import { loadSample, sampleFiles } from './ifcSamples';
import type { LoadedSample } from './ifcSamples';
import { findInstances } from '../../../scripts/ifc/stepText';

const UTM = 'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc';
const HAUS = 'ifc/web-ifc/AC20-FZK-Haus.ifc';

/** IFC's spatial structure and voids (IfcSpatialElement, IfcFeatureElementSubtraction in IFC2X3…IFC4X3). */
const NOT_ELEMENTS = new Set([
  'IFCSITE', 'IFCBUILDING', 'IFCBUILDINGSTOREY', 'IFCSPACE', 'IFCEXTERNALSPATIALELEMENT', 'IFCSPATIALZONE',
  'IFCFACILITY', 'IFCFACILITYPART', 'IFCFACILITYPARTCOMMON', 'IFCBRIDGE', 'IFCBRIDGEPART', 'IFCROAD', 'IFCROADPART',
  'IFCRAILWAY', 'IFCRAILWAYPART', 'IFCMARINEFACILITY', 'IFCMARINEPART',
  'IFCOPENINGELEMENT', 'IFCOPENINGSTANDARDCASE', 'IFCVOIDINGFEATURE',
]);

/** Products with a representation, from the text: GlobalId first, a placement [5] and a shape [6] by reference. */
function productsWithRepresentation(file: string): number {
  const isGuid = (arg: string | undefined) => /^'[0-9A-Za-z_$]{22}'$/.test(arg ?? '');
  const isReference = (arg: string | undefined) => /^#\d+$/.test(arg ?? '');
  const text = readFileSync(join(DATA_DIR, file), 'latin1');
  const classes = new Set([...text.matchAll(/#\d+\s*=\s*([A-Za-z0-9_]+)\s*\(/g)].map((match) => match[1]!.toUpperCase()));
  return findInstances(text, [...classes]).filter(
    (instance) =>
      !instance.ifcClass.startsWith('IFCREL') &&
      !NOT_ELEMENTS.has(instance.ifcClass) &&
      isGuid(instance.attributes[0]) &&
      isReference(instance.attributes[5]) &&
      isReference(instance.attributes[6]),
  ).length;
}

function bounds(chunks: IfcGeometryChunk[], offset: readonly number[]) {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.positions.length; i++) {
      const value = chunk.positions[i]! + offset[i % 3]!;
      min[i % 3] = Math.min(min[i % 3]!, value);
      max[i % 3] = Math.max(max[i % 3]!, value);
    }
  }
  return { min, max };
}

let api: IfcAPI;
const loaded = new Map<string, LoadedSample>();
const load = (file: string) => {
  let sample = loaded.get(file);
  if (!sample) loaded.set(file, (sample = loadSample(api, file)));
  return sample;
};

beforeAll(async () => {
  api = await createNodeIfcApi();
});
afterAll(() => {
  for (const sample of loaded.values()) closeIfcModel(api, sample.modelId);
});

describe('geometry in the project frame', () => {
  it('geographic-referencing-utm: the proxy tetrahedron spans x, y ∈ [−0.5, 0.5] m and z ∈ [0, 4] m (mm applied, z up)', () => {
    const { chunks, header } = load(UTM);
    const { min, max } = bounds(chunks, header.geometryOffset);
    for (let axis = 0; axis < 2; axis++) {
      expect(min[axis]).toBeCloseTo(-0.5, 6);
      expect(max[axis]).toBeCloseTo(0.5, 6);
    }
    expect(min[2]).toBeCloseTo(0, 6);
    expect(max[2]).toBeCloseTo(4, 6);
  });

  it('AC20-FZK-Haus: storeys at 0 and 2.7 m, over 6 m tall, triangle winding agrees with the normals', () => {
    const { chunks, header } = load(HAUS);
    const { min, max } = bounds(chunks, header.geometryOffset);
    expect(max[2]! - min[2]!).toBeGreaterThan(6);
    const storeyElevations = header.spatialTree.children.flatMap(function walk(node: SpatialNode): number[] {
      return [...(node.elevation === null ? [] : [node.elevation]), ...node.children.flatMap(walk)];
    });
    expect(storeyElevations.sort()).toEqual([0, 2.7]);
    // Each triangle's winding agrees with its vertex normals (a mirrored or y-up mix-up would break this).
    let agree = 0;
    let total = 0;
    for (const chunk of chunks) {
      for (let t = 0; t < chunk.indices.length; t += 3) {
        const [a, b, c] = [chunk.indices[t]!, chunk.indices[t + 1]!, chunk.indices[t + 2]!];
        const p = (i: number, k: number) => chunk.positions[3 * i + k]!;
        const u = [p(b, 0) - p(a, 0), p(b, 1) - p(a, 1), p(b, 2) - p(a, 2)];
        const v = [p(c, 0) - p(a, 0), p(c, 1) - p(a, 1), p(c, 2) - p(a, 2)];
        const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
        if (Math.hypot(n[0]!, n[1]!, n[2]!) < 1e-6) continue;
        total++;
        if (n[0]! * chunk.normals[3 * a]! + n[1]! * chunk.normals[3 * a + 1]! + n[2]! * chunk.normals[3 * a + 2]! > 0) agree++;
      }
    }
    expect(agree / total).toBeGreaterThan(0.95);
  });

  it('a model drawn in map coordinates gets a geometry offset that keeps millimetres in float32', () => {
    const { chunks, header } = load('ifc/georef/bsi-ifc4.3-sample-models/linear-placement-of-signal/linear-placement-of-signal.ifc');
    expect(Math.hypot(...header.geometryOffset)).toBeGreaterThan(100_000);
    const { min, max } = bounds(chunks, [0, 0, 0]);
    for (let axis = 0; axis < 3; axis++) expect(Math.max(Math.abs(min[axis]!), Math.abs(max[axis]!))).toBeLessThan(4096);
  });
});

describe('the element index and the spatial tree', () => {
  it.each(sampleFiles().map((file) => [file]))('%s: one element per product with a representation in the STEP text', (file) => {
    const { header, stats } = load(file);
    expect(header.elements.length).toBe(productsWithRepresentation(file));
    expect(stats.elements).toBe(header.elements.length);
    expect(new Set(header.elements.map((element) => element.expressId)).size).toBe(header.elements.length);
  });

  it('AC20-FZK-Haus: Projekt-FZK-Haus / Gelaende / FZK-Haus / Erdgeschoss, Dachgeschoss, with their elements', () => {
    const { header } = load(HAUS);
    const tree = header.spatialTree;
    expect(tree).toMatchObject({ ifcClass: 'IfcProject', name: 'Projekt-FZK-Haus' });
    const site = tree.children[0]!;
    expect(site).toMatchObject({ ifcClass: 'IfcSite', name: 'Gelaende' });
    const building = site.children[0]!;
    expect(building).toMatchObject({ ifcClass: 'IfcBuilding', name: 'FZK-Haus' });
    expect(building.children.map((storey) => storey.name)).toEqual(['Erdgeschoss', 'Dachgeschoss']);
    const wall = header.elements.find((element) => element.name === 'Wand-Ext-ERDG-1')!;
    expect(wall).toMatchObject({ ifcClass: 'IfcWallStandardCase', globalId: '3rPX_Juz59peXXY6wDJl18' });
    const groundFloor = building.children[0]!;
    expect(wall.containerId).toBe(groundFloor.expressId);
    expect(groundFloor.elementIds).toContain(wall.expressId);
    // Every element listed under a node names that node as its container.
    const byId = new Map(header.elements.map((element) => [element.expressId, element]));
    (function check(node: SpatialNode) {
      for (const id of node.elementIds) expect(byId.get(id)?.containerId).toBe(node.expressId);
      node.children.forEach(check);
    })(tree);
  });

  it('the header comes before the first chunk', () => {
    expect(load(HAUS).events[0]).toBe('header');
  });
});

describe('chunks', () => {
  it.each([[HAUS], ['ifc/web-ifc/Office_A_20110811.ifc']])('%s: consistent buffers, element ranges covering every index, each on its own buffer', (file) => {
    const { chunks, stats } = load(file);
    expect(chunks.length).toBe(stats.chunks);
    expect(chunks[0]!.indices.length / 3).toBeLessThan(stats.triangles);
    let triangles = 0;
    for (const [index, chunk] of chunks.entries()) {
      const vertices = chunk.vertexElementIds.length;
      expect(chunk.chunkIndex).toBe(index);
      expect(chunk.positions.length).toBe(3 * vertices);
      expect(chunk.normals.length).toBe(3 * vertices);
      expect(chunk.colors.length).toBe(4 * vertices);
      expect(chunk.indices.reduce((max, index) => Math.max(max, index), 0)).toBeLessThan(vertices);
      let covered = 0;
      let foreign = 0;
      for (let r = 0; r < chunk.elementRanges.length; r += 3) {
        const [id, first, count] = [chunk.elementRanges[r]!, chunk.elementRanges[r + 1]!, chunk.elementRanges[r + 2]!];
        expect(first).toBe(covered);
        covered += count;
        for (let i = first; i < first + count; i++) if (chunk.vertexElementIds[chunk.indices[i]!] !== id) foreign++;
      }
      expect(covered).toBe(chunk.indices.length);
      expect(foreign, 'indices pointing at another element’s vertices').toBe(0);
      triangles += chunk.indices.length / 3;
      // Transferable without copying: each array owns its whole buffer.
      for (const array of [chunk.positions, chunk.normals, chunk.colors, chunk.vertexElementIds, chunk.indices, chunk.elementRanges]) {
        expect(array.byteOffset).toBe(0);
        expect(array.buffer.byteLength).toBe(array.byteLength);
      }
    }
    expect(triangles).toBe(stats.triangles);
  });

  it('colours come from the IFC styles (Office_A has more than one), alpha included', () => {
    const { chunks } = load('ifc/web-ifc/Office_A_20110811.ifc');
    const colours = new Set<number>();
    for (const chunk of chunks) for (let i = 0; i < chunk.colors.length; i += 4) colours.add(new DataView(chunk.colors.buffer).getUint32(i));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('later chunks are bounded: ISSUE_021 (261k triangles) comes in several', () => {
    const { chunks } = load('ifc/web-ifc/ISSUE_021_Mini Project.ifc');
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.indices.length / 3).toBeLessThan(200_000);
  });
});

describe('properties on demand', () => {
  const set = (sets: IfcPropertySetInfo[], name: string) => sets.find((candidate) => candidate.name === name);
  const value = (sets: IfcPropertySetInfo[], setName: string, property: string) =>
    set(sets, setName)?.properties.find((candidate) => candidate.name === property)?.value;

  it('AC20-FZK-Haus Wand-Ext-ERDG-1: attributes, Pset_WallCommon, base quantities with units, type and material', () => {
    const { header, modelId } = load(HAUS);
    const wall = header.elements.find((element) => element.name === 'Wand-Ext-ERDG-1')!;
    const sets = readElementProperties(api, modelId, wall.expressId);
    expect(sets[0]).toMatchObject({ kind: 'attributes' });
    expect(value(sets, 'Attributes', 'GlobalId')).toBe('3rPX_Juz59peXXY6wDJl18');
    expect(value(sets, 'Attributes', 'Class')).toBe('IfcWallStandardCase');
    expect(value(sets, 'Pset_WallCommon', 'ThermalTransmittance')).toBe('0.4 W/(m²·K)');
    expect(set(sets, 'BaseQuantities')?.kind).toBe('qto');
    expect(value(sets, 'BaseQuantities', 'Length')).toBe('9.7 m');
    expect(value(sets, 'BaseQuantities', 'Height')).toBe('2.7 m');
    expect(value(sets, 'BaseQuantities', 'GrossSideArea')).toBe('25.59 m²');
    expect(value(sets, 'BaseQuantities', 'NetVolume')).toBe('5.808 m³');
    // IFC's \X2\ encoding decoded: 'H\X2\00F6\X0\he' is Höhe.
    expect(value(sets, 'ArchiCADQuantities', 'Höhe')).toBe('2.7 m');
    expect(value(sets, 'Attributes', 'Material')).toMatch(/\S/);
  });

  it('lengths in a millimetre model are shown in metres (ISSUE_021: IFCLENGTHMEASURE(100.) in mm)', () => {
    const { header, modelId } = load('ifc/web-ifc/ISSUE_021_Mini Project.ifc');
    const found = header.elements
      .map((element) => readElementProperties(api, modelId, element.expressId))
      .find((sets) => set(sets, 'Tekla Quantity')?.properties.some((p) => p.name === 'Length' && p.value === '0.1 m'));
    expect(found).toBeDefined();
    expect(set(found!, 'Tekla Quantity')!.properties.find((p) => p.name === 'Length')!.type).toBe('IfcLengthMeasure');
  });
});
