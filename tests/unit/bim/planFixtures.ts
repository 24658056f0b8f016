/**
 * Synthetic buildings for the plan checks: boxes as the IFC reader would post them (a header with a spatial tree,
 * one chunk of triangles with normals and element ranges), and the demo parcel as a one-parcel plan.
 */
import type { IfcGeometryChunk, IfcModelHeader, SpatialNode } from '../../../src/bim/types';
import { parsePlan } from '../../../src/bim/plan';
import type { ParcelLimits, ZoningPlan } from '../../../src/bim/plan';
import { readAssetJson } from '../demo/demoFiles';

export interface Box {
  id: number;
  ifcClass: string;
  /** The spatial node that contains it (a storey's or the site's expressId). */
  container: number;
  min: [number, number, number];
  max: [number, number, number];
}

export interface Storey {
  id: number;
  name: string;
  elevation: number | null;
}

export const SITE_ID = 2;
const BUILDING_ID = 3;

function node(expressId: number, ifcClass: string, name: string | null, elevation: number | null, children: SpatialNode[] = []): SpatialNode {
  return { expressId, globalId: `G${expressId}`, ifcClass, name, elevation, children, elementIds: [] };
}

/** The 12 triangles of a box, outward normals, faces with their own vertices (as web-ifc writes them). */
function boxFaces({ min: [x0, y0, z0], max: [x1, y1, z1] }: Box): { corners: number[][]; normal: number[] }[] {
  const p = (x: number, y: number, z: number) => [x, y, z];
  return [
    { corners: [p(x0, y0, z1), p(x1, y0, z1), p(x1, y1, z1), p(x0, y1, z1)], normal: [0, 0, 1] },
    { corners: [p(x0, y0, z0), p(x0, y1, z0), p(x1, y1, z0), p(x1, y0, z0)], normal: [0, 0, -1] },
    { corners: [p(x0, y0, z0), p(x1, y0, z0), p(x1, y0, z1), p(x0, y0, z1)], normal: [0, -1, 0] },
    { corners: [p(x1, y1, z0), p(x0, y1, z0), p(x0, y1, z1), p(x1, y1, z1)], normal: [0, 1, 0] },
    { corners: [p(x0, y1, z0), p(x0, y0, z0), p(x0, y0, z1), p(x0, y1, z1)], normal: [-1, 0, 0] },
    { corners: [p(x1, y0, z0), p(x1, y1, z0), p(x1, y1, z1), p(x1, y0, z1)], normal: [1, 0, 0] },
  ];
}

/** A model of boxes: an IfcBuilding with the storeys, on an IfcSite that may hold boxes of its own. */
export function boxModel(boxes: Box[], storeys: Storey[]): { header: IfcModelHeader; chunks: IfcGeometryChunk[] } {
  const storeyNodes = storeys.map((s) => node(s.id, 'IfcBuildingStorey', s.name, s.elevation));
  const site = node(SITE_ID, 'IfcSite', 'Site', null, [node(BUILDING_ID, 'IfcBuilding', 'Building', null, storeyNodes)]);
  const nodes = new Map([site, site.children[0]!, ...storeyNodes].map((n) => [n.expressId, n]));
  const positions: number[] = [];
  const normals: number[] = [];
  const ids: number[] = [];
  const indices: number[] = [];
  const ranges: number[] = [];
  for (const box of boxes) {
    nodes.get(box.container)!.elementIds.push(box.id);
    const first = indices.length;
    for (const { corners, normal } of boxFaces(box)) {
      const base = positions.length / 3;
      for (const corner of corners) {
        positions.push(...corner);
        normals.push(...normal);
        ids.push(box.id);
      }
      indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
    ranges.push(box.id, first, indices.length - first);
  }
  const header: IfcModelHeader = {
    schema: 'IFC4',
    schemaIdentifier: 'IFC4',
    fileName: 'boxes.ifc',
    fileBytes: 0,
    projectName: 'Boxes',
    spatialTree: node(1, 'IfcProject', 'Boxes', null, [site]),
    elements: boxes.map((b) => ({ expressId: b.id, globalId: `G${b.id}`, ifcClass: b.ifcClass, name: `${b.ifcClass} ${b.id}`, containerId: b.container, hasGeometry: true })),
    georeference: {
      method: 'none', variant: null, crs: null, crsName: null, crsDefinition: null, eastings: null, northings: null, orthogonalHeight: null,
      xAxisAbscissa: null, xAxisOrdinate: null, scale: null, factors: null, refLatitude: null, refLongitude: null, refElevation: null,
      trueNorthDegrees: null, lengthUnitMetres: 1,
    },
    geometryOffset: [0, 0, 0],
  };
  const chunk: IfcGeometryChunk = {
    chunkIndex: 0,
    positions: new Float32Array(positions),
    normals: new Float32Array(normals),
    colors: new Uint8Array((positions.length / 3) * 4).fill(200),
    vertexElementIds: new Uint32Array(ids),
    indices: new Uint32Array(indices),
    elementRanges: new Uint32Array(ranges),
  };
  return { header, chunks: [chunk] };
}

interface Submission {
  parcel: { wgs84: [number, number][]; epsg5897: [number, number][] };
  georeference: { originWgs84: [number, number] };
}

export const demoSubmission = readAssetJson<Submission>('bim/submission.json');

/** The demo parcel (OSM way 906733536) as a one-parcel plan file measured in EPSG:5897. */
export function demoParcelPlanJson(limits: Partial<ParcelLimits>): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    gridCrs: 'EPSG:5897',
    features: [{ type: 'Feature', properties: { id: 'P', name: 'Thửa P', landUse: 'ODT', source: 'test', ...limits }, geometry: { type: 'Polygon', coordinates: [demoSubmission.parcel.wgs84] } }],
  };
}

export function demoParcelPlan(limits: Partial<ParcelLimits>): ZoningPlan {
  return parsePlan(demoParcelPlanJson(limits));
}
