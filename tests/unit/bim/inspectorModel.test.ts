/**
 * The inspector on a real model, AC20-FZK-Haus read by the app's own loader in Node: the tree's storey counts equal
 * the header's elements per storey and the file's own containment; the face-area tool on the slabs' top faces gives
 * the areas the file states in its BaseQuantities; an X section and picking agree with the geometry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { closeIfcModel, readIfcModel } from '../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import type { IfcGeometryChunk, IfcModelHeader, SpatialNode } from '../../../src/bim/types';
import { buildModelTree, elementIdsUnder } from '../../../src/bim/inspector/modelTree';
import { planarFaceRegion } from '../../../src/bim/inspector/measure';
import { clipPlaneOf } from '../../../src/bim/inspector/sectionPlanes';
import { elementBoxes, pickSurface, type PickableChunk } from '../../../src/bim/inspector/surfacePick';
import { SHARED_DATA, readStep, stepPropertyValue, stepRefs, stepText, type StepInstance } from './inspectorFixtures';

const FILE = join(SHARED_DATA, 'ifc/web-ifc/AC20-FZK-Haus.ifc');

let header: IfcModelHeader;
let chunks: PickableChunk[];
let entities: Map<number, StepInstance>;

beforeAll(async () => {
  const bytes = readFileSync(FILE);
  entities = readStep(bytes.toString('latin1'));
  const api = await createNodeIfcApi();
  const received: IfcGeometryChunk[] = [];
  const { modelId } = readIfcModel(api, new Uint8Array(bytes), 'AC20-FZK-Haus.ifc', {
    progress() {},
    header: (h) => (header = h),
    chunk: (c) => received.push(c),
  });
  closeIfcModel(api, modelId);
  chunks = received.map((c) => ({ ...c, boxes: elementBoxes(c.positions, c.indices, c.elementRanges) }));
}, 120_000);

function entityNamed(type: string, name: string): StepInstance {
  return [...entities.values()].find((e) => e.ifcClass === type && stepText(e.attributes[2]) === name)!;
}

/** The element's upward-facing triangle highest in the model: a seed on its top face. */
function topTriangle(expressId: number): { chunk: PickableChunk; range: { firstIndex: number; indexCount: number }; triangle: number } {
  let best: { chunk: PickableChunk; range: { firstIndex: number; indexCount: number }; triangle: number; z: number } | null = null;
  for (const chunk of chunks) {
    const { positions: p, indices, elementRanges } = chunk;
    for (let r = 0; r < elementRanges.length; r += 3) {
      if (elementRanges[r] !== expressId) continue;
      const range = { firstIndex: elementRanges[r + 1]!, indexCount: elementRanges[r + 2]! };
      for (let t = range.firstIndex; t < range.firstIndex + range.indexCount; t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => 3 * indices[t + k]!) as [number, number, number];
        const nz = (p[b]! - p[a]!) * (p[c + 1]! - p[a + 1]!) - (p[b + 1]! - p[a + 1]!) * (p[c]! - p[a]!);
        const z = (p[a + 2]! + p[b + 2]! + p[c + 2]!) / 3;
        if (nz > 1e-6 && (!best || z > best.z + 1e-6)) best = { chunk, range, triangle: t, z };
      }
    }
  }
  return best!;
}

describe('the inspector on AC20-FZK-Haus', () => {
  test('each storey counts the header elements it contains, which are the file\'s contained products', () => {
    const tree = buildModelTree(header);
    const parentOf = new Map<number, number>();
    const walk = (node: SpatialNode) => node.children.forEach((child) => (parentOf.set(child.expressId, node.expressId), walk(child)));
    walk(header.spatialTree);
    const under = (id: number | null, storey: number): boolean => id !== null && (id === storey || under(parentOf.get(id) ?? null, storey));
    expect(tree.storeys.map((s) => s.name)).toEqual(['Erdgeschoss', 'Dachgeschoss']);
    for (const storey of tree.storeys) {
      const fromHeader = header.elements.filter((e) => under(e.containerId, storey.expressId!)).map((e) => e.expressId).sort((a, b) => a - b);
      expect(elementIdsUnder(storey).sort((a, b) => a - b)).toEqual(fromHeader);
      const fromFile = [...entities.values()]
        .filter((rel) => rel.ifcClass === 'IFCRELCONTAINEDINSPATIALSTRUCTURE' && stepRefs(rel.attributes[5])[0] === storey.expressId)
        .flatMap((rel) => stepRefs(rel.attributes[4]))
        .filter((id) => entities.get(id)?.attributes[6] !== '$');
      expect(storey.count, storey.name ?? '').toBe(fromFile.length);
    }
  });

  test('the base slab\'s top face measures the file\'s GrossArea, and width × depth of its own corners', () => {
    const slab = entityNamed('IFCSLAB', 'Bodenplatte');
    const grossArea = Number(stepPropertyValue(entities, slab.id, 'BaseQuantities', 'GrossArea'));
    const { chunk, range, triangle } = topTriangle(slab.id);
    const region = planarFaceRegion(chunk.positions, chunk.indices, range, triangle);
    const corners = region.triangles.flatMap((t) => [0, 1, 2].map((k) => chunk.indices[t + k]!));
    const extent = (axis: number) => {
      const values = corners.map((v) => chunk.positions[3 * v + axis]!);
      return Math.max(...values) - Math.min(...values);
    };
    expect(region.area).toBeCloseTo(grossArea, 2);
    expect(region.area).toBeCloseTo(extent(0) * extent(1), 3);
  });

  test('the upper floor slab\'s top face measures the file\'s NetArea: the stair opening is not counted', () => {
    const slab = entityNamed('IFCSLAB', 'Slab-033');
    const netArea = Number(stepPropertyValue(entities, slab.id, 'BaseQuantities', 'NetArea'));
    const grossArea = Number(stepPropertyValue(entities, slab.id, 'BaseQuantities', 'GrossArea'));
    const { chunk, range, triangle } = topTriangle(slab.id);
    const region = planarFaceRegion(chunk.positions, chunk.indices, range, triangle);
    expect(netArea).toBeLessThan(grossArea - 1);
    expect(Math.abs(region.area - netArea) / netArea).toBeLessThan(0.005);
  });

  test('a ray down through the middle hits the roof; an X section through the middle keeps only what lies before it', () => {
    const boxes = chunks.flatMap((c) => [...Array(c.elementRanges.length / 3).keys()].map((r) => c.boxes.subarray(6 * r, 6 * r + 6)));
    const min = [0, 1, 2].map((a) => Math.min(...boxes.map((b) => b[a]!)));
    const max = [0, 1, 2].map((a) => Math.max(...boxes.map((b) => b[3 + a]!)));
    const middle = [(min[0]! + max[0]!) / 2, (min[1]! + max[1]!) / 2] as const;
    const down = { origin: [middle[0], middle[1] + 0.3, max[2]! + 10] as const, direction: [0, 0, -1] as const };
    const hit = pickSurface(chunks, down, () => true, [])!;
    expect(header.elements.find((e) => e.expressId === hit.expressId)?.ifcClass).toMatch(/IfcSlab|IfcRoof/);
    const cut = clipPlaneOf({ id: 1, kind: 'axis', axis: 'x', position: middle[0], flipped: false });
    const sideways = { origin: [max[0]! + 10, middle[1], 1.2] as const, direction: [-1, 0, 0] as const };
    const throughCut = pickSurface(chunks, sideways, () => true, [cut])!;
    expect(throughCut.point[0]).toBeLessThanOrEqual(middle[0] + 1e-6);
    expect(pickSurface(chunks, sideways, () => true, [])!.point[0]).toBeGreaterThan(middle[0]);
  });
});
