/**
 * Small models built by hand for the inspector's pure logic: a spatial structure with storeys, a space and
 * uncontained elements, and box-shaped elements triangulated the way web-ifc does (vertices repeated per face).
 */
import type { IfcElementInfo, IfcGeometryChunk, IfcModelHeader, SpatialNode } from '../../../src/bim/types';
import { findInstances, type StepInstance } from '../../../scripts/ifc/stepText';

export type { StepInstance };

export function spatial(expressId: number, ifcClass: string, children: SpatialNode[] = [], elementIds: number[] = [], elevation: number | null = null): SpatialNode {
  return { expressId, globalId: `G${expressId}`, ifcClass, name: `${ifcClass} ${expressId}`, elevation, children, elementIds };
}

export function element(expressId: number, ifcClass: string, containerId: number | null, name: string | null = `${ifcClass} ${expressId}`): IfcElementInfo {
  return { expressId, globalId: `0${expressId.toString(36).padStart(21, 'x')}`, ifcClass, name, containerId, hasGeometry: true };
}

export function header(spatialTree: SpatialNode, elements: IfcElementInfo[]): IfcModelHeader {
  return {
    schema: 'IFC4', schemaIdentifier: 'IFC4', fileName: 'test.ifc', fileBytes: 0, projectName: 'Test', spatialTree, elements,
    georeference: {
      method: 'none', variant: null, crs: null, crsName: null, crsDefinition: null, eastings: null, northings: null,
      orthogonalHeight: null, xAxisAbscissa: null, xAxisOrdinate: null, scale: null, factors: null, refLatitude: null,
      refLongitude: null, refElevation: null, trueNorthDegrees: null, lengthUnitMetres: 1,
    },
    geometryOffset: [0, 0, 0],
  };
}

export interface Box {
  expressId: number;
  min: [number, number, number];
  max: [number, number, number];
  alpha?: number;
}

/** Corners of each face of a box, counter-clockwise seen from outside. */
const FACES: [number, number, number][][] = [
  [[0, 0, 0], [0, 1, 0], [1, 1, 0], [1, 0, 0]], // bottom (-z)
  [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]], // top (+z)
  [[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]], // front (-y)
  [[0, 1, 0], [0, 1, 1], [1, 1, 1], [1, 1, 0]], // back (+y)
  [[0, 0, 0], [0, 0, 1], [0, 1, 1], [0, 1, 0]], // left (-x)
  [[1, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 1]], // right (+x)
];

/** One chunk holding the boxes in order, 12 triangles each: faces bottom, top, front, back, left, right. */
export function boxChunk(boxes: Box[], chunkIndex = 0): IfcGeometryChunk {
  const positions: number[] = [];
  const indices: number[] = [];
  const ids: number[] = [];
  const colors: number[] = [];
  const ranges: number[] = [];
  for (const box of boxes) {
    ranges.push(box.expressId, indices.length, 36);
    for (const face of FACES) {
      const base = positions.length / 3;
      for (const corner of face) {
        positions.push(...corner.map((t, axis) => (t ? box.max[axis]! : box.min[axis]!)));
        ids.push(box.expressId);
        colors.push(200, 200, 200, box.alpha ?? 255);
      }
      indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
  }
  return {
    chunkIndex,
    positions: Float32Array.from(positions),
    normals: new Float32Array(positions.length),
    colors: Uint8Array.from(colors),
    vertexElementIds: Uint32Array.from(ids),
    indices: Uint32Array.from(indices),
    elementRanges: Uint32Array.from(ranges),
  };
}

/** `../shared/data` beside the repository, or `$SAO_SHARED_DATA`. */
export const SHARED_DATA = process.env.SAO_SHARED_DATA ?? new URL('../../../../shared/data', import.meta.url).pathname;

/** Every entity instance of an IFC file's STEP text by id, read by the STEP reader of scripts/ifc (not web-ifc). */
export function readStep(text: string): Map<number, StepInstance> {
  const classes = new Set([...text.matchAll(/#\d+\s*=\s*(\w+)\s*\(/g)].map((match) => match[1]!.toUpperCase()));
  return new Map(findInstances(text, [...classes]).map((instance) => [instance.id, instance]));
}

export function stepRefs(arg: string | undefined): number[] {
  return [...(arg ?? '').matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
}

export function stepText(arg: string | undefined): string | null {
  return arg?.startsWith("'") ? arg.slice(1, -1) : null;
}

/** The value of a property or quantity of an element, as written (e.g. `4.17`, `IFCLABEL('Wand')`). */
export function stepPropertyValue(entities: Map<number, StepInstance>, elementId: number, setName: string, name: string): string | null {
  for (const rel of entities.values()) {
    if (rel.ifcClass !== 'IFCRELDEFINESBYPROPERTIES' || !stepRefs(rel.attributes[4]).includes(elementId)) continue;
    const set = entities.get(stepRefs(rel.attributes[5])[0]!);
    if (!set || stepText(set.attributes[2]) !== setName) continue;
    const list = set.ifcClass === 'IFCELEMENTQUANTITY' ? set.attributes[5] : set.attributes[4];
    for (const id of stepRefs(list)) {
      const property = entities.get(id);
      if (property && stepText(property.attributes[0]) === name) {
        return property.ifcClass === 'IFCPROPERTYSINGLEVALUE' ? property.attributes[2]! : property.attributes[3]!;
      }
    }
  }
  return null;
}
