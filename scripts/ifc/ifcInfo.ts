/**
 * `ifc info`: what a planner asks of a file first — its schema, how many elements and triangles, and where its
 * georeferencing puts it on Earth — from the same code the app's IFC worker runs (`readIfcModel`, then
 * `resolvePlacement`). The CLI prints it; tests call it directly.
 */
import { setEpsgDefinitionSource } from '../../src/geo';
import type { LocalizedText } from '../../src/geo';
import { nodeEpsgDefinitionSource } from '../../src/geo/epsg/nodeDefinitionSource';
import { resolvePlacement } from '../../src/bim/georef';
import { createNodeIfcApi } from '../../src/bim/ifc/node';
import { closeIfcModel, readIfcModel } from '../../src/bim/ifc/readIfcModel';
import type { GeorefMethod, IfcModelHeader, PlacementTrust, SpatialNode } from '../../src/bim/types';

// Any EPSG code a file names is resolved from the bundled definition set, read from node_modules here.
setEpsgDefinitionSource(nodeEpsgDefinitionSource);

export interface IfcGeorefInfo {
  /** What the file states, in order of trust (issue 3 §2). */
  method: GeorefMethod;
  variant: 'IfcMapConversionScaled' | 'IfcRigidOperation' | null;
  crs: string | null;
  crsName: string | null;
  eastings: number | null;
  northings: number | null;
  orthogonalHeight: number | null;
  xAxisAbscissa: number | null;
  xAxisOrdinate: number | null;
  scale: number | null;
  refLatitude: number | null;
  refLongitude: number | null;
  refElevation: number | null;
  /**
   * Where the project origin lands: longitude, latitude (degrees), ellipsoidal height (null: the datum height is
   * not turned into one). Null when nothing in the file places the model.
   */
  originWgs84: [number, number, number | null] | null;
  /** What actually placed the model: the method, or a fallback when the method's CRS could not be used. */
  placedBy: GeorefMethod;
  trust: PlacementTrust;
  headingDegrees: number;
  datumHeight: number | null;
  reasons: LocalizedText[];
}

export interface IfcInfo {
  file: string;
  bytes: number;
  schema: IfcModelHeader['schema'];
  schemaIdentifier: string;
  projectName: string | null;
  elements: number;
  elementsWithGeometry: number;
  triangles: number;
  vertices: number;
  /** Spatial structure nodes by class: IfcSite, IfcBuilding, IfcBuildingStorey, IfcSpace … */
  spatial: Record<string, number>;
  georef: IfcGeorefInfo;
  /** Added to chunk positions to get project coordinates: non-zero for models drawn in map coordinates. */
  geometryOffset: [number, number, number];
  timings: { parseMs: number; firstGeometryMs: number | null; totalMs: number; placementMs: number };
}

/** Loads the file completely (geometry included: `triangles` counts what the app would draw). */
export async function readIfcInfo(bytes: Uint8Array, fileName: string): Promise<IfcInfo> {
  const api = await createNodeIfcApi();
  const headers: IfcModelHeader[] = [];
  const { modelId, stats } = readIfcModel(api, bytes, fileName, {
    progress: () => {},
    header: (header) => headers.push(header),
    chunk: () => {},
  });
  closeIfcModel(api, modelId);
  // readIfcModel posts the header before it returns (with the first geometry, or at the end when there is none).
  const header = headers[0]!;
  const { georeference, geometryOffset } = header;
  const placementStarted = performance.now();
  const placement = await resolvePlacement(georeference, { anchor: geometryOffset });
  const placementMs = performance.now() - placementStarted;
  const { method, variant, crs, crsName, eastings, northings, orthogonalHeight, xAxisAbscissa, xAxisOrdinate, scale, refLatitude, refLongitude, refElevation } = georeference;
  const placed = placement.source !== 'none';
  return {
    file: fileName,
    bytes: bytes.length,
    schema: header.schema,
    schemaIdentifier: header.schemaIdentifier,
    projectName: header.projectName,
    elements: stats.elements,
    elementsWithGeometry: stats.elementsWithGeometry,
    triangles: stats.triangles,
    vertices: stats.vertices,
    spatial: countSpatial(header.spatialTree),
    georef: {
      method, variant, crs, crsName, eastings, northings, orthogonalHeight, xAxisAbscissa, xAxisOrdinate, scale,
      refLatitude, refLongitude, refElevation,
      originWgs84: placed ? placement.originWgs84 : null,
      placedBy: placement.source === 'manual' ? 'none' : placement.source,
      trust: placement.trust,
      headingDegrees: placement.headingDegrees,
      datumHeight: placement.datumHeight,
      reasons: placement.reasons,
    },
    geometryOffset,
    timings: { parseMs: stats.parseMs, firstGeometryMs: stats.firstGeometryMs, totalMs: stats.totalMs, placementMs },
  };
}

function countSpatial(root: SpatialNode): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (node: SpatialNode): void => {
    counts[node.ifcClass] = (counts[node.ifcClass] ?? 0) + 1;
    node.children.forEach(visit);
  };
  visit(root);
  return counts;
}
