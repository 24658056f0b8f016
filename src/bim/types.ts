/**
 * The typed domain model of an IFC model as Sao holds it: what the IFC worker produces (workers/ifc/protocol.ts),
 * what the CLI prints and what the stores, the Cesium view and the three.js inspector read. No web-ifc, no
 * renderer types here: a model loaded in a worker, in Node or in a test looks the same.
 *
 * Coordinates: every geometry chunk is in the model's *project* frame (IFC's, z up, metres after the file's
 * length unit is applied), minus `IfcModelHeader.geometryOffset` so that float32 keeps millimetres even in
 * files that model in map coordinates. A project point p is `chunk position + geometryOffset`.
 */
import type { LocalizedText } from '../geo';

export type IfcSchemaName = 'IFC2X3' | 'IFC4' | 'IFC4X3';

/** Where the model's georeferencing came from, in order of trust (issue 3 §2). */
export type GeorefMethod = 'IfcMapConversion' | 'ePSet_MapConversion' | 'IfcSite' | 'none';

/** How far a placement can be trusted, shown to the planner next to the method. */
export type PlacementTrust = 'high' | 'medium' | 'low' | 'unverified';

/**
 * The georeferencing a file states, as read (no transformation applied). Fields a method does not carry are null,
 * except the IfcSite fields (refLatitude … trueNorthDegrees), kept whenever the file has them: the fallback when
 * the method's CRS cannot be resolved. For IfcMapConversion the values are those of the entity; `variant` names
 * the IFC4.3 forms (IfcMapConversionScaled, IfcRigidOperation with an IfcGeographicCRS).
 */
export interface ModelGeoreference {
  method: GeorefMethod;
  variant: 'IfcMapConversionScaled' | 'IfcRigidOperation' | null;
  /** `EPSG:nnnn`, or null when the file names no EPSG code (then `crsDefinition` may hold WKT or a PROJ string). */
  crs: string | null;
  crsName: string | null;
  /** A WKT or PROJ string the file gives instead of (or besides) an EPSG code. */
  crsDefinition: string | null;
  /** Whether the target is an IfcProjectedCRS or an IfcGeographicCRS (IFC4.3 IfcRigidOperation); null otherwise. */
  crsKind?: 'projected' | 'geographic' | null;
  eastings: number | null;
  northings: number | null;
  orthogonalHeight: number | null;
  xAxisAbscissa: number | null;
  xAxisOrdinate: number | null;
  /** Metres per map unit from IfcProjectedCRS.MapUnit; null when the file leaves it to the CRS (usually metres). */
  mapUnitMetres?: number | null;
  /** The Scale attribute as written (null when absent, which IFC reads as 1). */
  scale: number | null;
  /** IfcMapConversionScaled FactorX/Y/Z. */
  factors: [number, number, number] | null;
  /** IfcSite RefLatitude / RefLongitude (decimal degrees) and RefElevation (metres). */
  refLatitude: number | null;
  refLongitude: number | null;
  refElevation: number | null;
  /** True north as an angle from the project's +y axis, degrees counter-clockwise; null when not stated. */
  trueNorthDegrees: number | null;
  /** Metres per project length unit (0.001 for a model in millimetres). */
  lengthUnitMetres: number;
}

/**
 * Where and how the model stands on Earth: the result of resolving a `ModelGeoreference` (or of the user placing
 * it by hand). `projectToEcef` maps project coordinates (metres, z up) to Earth-centred Earth-fixed metres.
 */
export interface ModelPlacement {
  source: GeorefMethod | 'manual';
  trust: PlacementTrust;
  /** Why this trust level: e.g. "EPSG:25832 with IfcMapConversion; scale 1000 read as the mm → m unit change". */
  reasons: LocalizedText[];
  /** Where the project origin lands: longitude, latitude (degrees), ellipsoidal height (null when unknown). */
  originWgs84: [number, number, number | null];
  /**
   * Height of the project origin in the CRS's vertical datum (OrthogonalHeight, RefElevation or the user's
   * elevation), shown to the planner. The scene has no terrain model, so `projectToEcef` stands the origin on the
   * ellipsoid (the scene's ground) and this value is information, not placement.
   */
  datumHeight: number | null;
  /** Clockwise angle from true north to the project's +y axis, degrees (for display and manual placement). */
  headingDegrees: number;
  /** Column-major 4×4, project metres → ECEF metres. */
  projectToEcef: number[];
}

/** A node of the spatial structure: Project / Site / Building / Storey / Space. */
export interface SpatialNode {
  expressId: number;
  globalId: string;
  ifcClass: string;
  name: string | null;
  /** IfcBuildingStorey.Elevation in metres, when the node is a storey that states one. */
  elevation: number | null;
  children: SpatialNode[];
  /** Elements contained in this node (IfcRelContainedInSpatialStructure), not in its children. */
  elementIds: number[];
}

/** One product of the model: a wall, a slab, a door, a proxy … */
export interface IfcElementInfo {
  expressId: number;
  globalId: string;
  ifcClass: string;
  name: string | null;
  /** expressId of the storey (or other spatial node) that contains it, null when none. */
  containerId: number | null;
  /**
   * Whether web-ifc produced any geometry for it. The header goes out before the geometry, so it says false
   * there; the registry sets it as chunks arrive (`IfcModelRegistry.addChunk`).
   */
  hasGeometry: boolean;
}

/** What is known once the file is parsed, before any geometry: posted once, then chunks follow. */
export interface IfcModelHeader {
  schema: IfcSchemaName;
  /** The FILE_SCHEMA as written, e.g. `IFC4X3_ADD2`. */
  schemaIdentifier: string;
  fileName: string;
  fileBytes: number;
  projectName: string | null;
  spatialTree: SpatialNode;
  elements: IfcElementInfo[];
  georeference: ModelGeoreference;
  /** Added to every chunk position to get project coordinates (metres). */
  geometryOffset: [number, number, number];
}

/**
 * A batch of triangles, everything transferable. Triangles of one element are contiguous in `indices`;
 * `elementRanges` lists them as (expressId, firstIndex, indexCount) triples so renderers can hide, isolate and
 * highlight elements by index range without scanning vertices.
 */
export interface IfcGeometryChunk {
  chunkIndex: number;
  /** xyz per vertex, project metres minus `geometryOffset`. */
  positions: Float32Array;
  normals: Float32Array;
  /** rgba per vertex, 0–255 (IFC surface style colour, alpha from transparency). */
  colors: Uint8Array;
  /** The element (expressId) each vertex belongs to: the feature id for picking. */
  vertexElementIds: Uint32Array;
  indices: Uint32Array;
  elementRanges: Uint32Array;
}

/** One property or quantity as shown in the inspector. */
export interface IfcPropertyValue {
  name: string;
  /** The value as text, units applied where IFC states them ("3.2 m", "TRUE", "Concrete"). */
  value: string;
  /** The IFC measure type, e.g. IfcLengthMeasure, IfcLabel. */
  type: string | null;
}

export interface IfcPropertySetInfo {
  name: string;
  kind: 'pset' | 'qto' | 'type' | 'attributes';
  properties: IfcPropertyValue[];
}

/** Counts measured at the end of a load (the CLI's `elements` and `triangles`). */
export interface IfcLoadStats {
  elements: number;
  elementsWithGeometry: number;
  triangles: number;
  vertices: number;
  chunks: number;
  parseMs: number;
  firstGeometryMs: number | null;
  totalMs: number;
}

/** Why a file could not be loaded. Each code has its own message in both languages. */
export type IfcLoadErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_IFC'
  | 'TRUNCATED'
  | 'UNSUPPORTED_SCHEMA'
  | 'TOO_LARGE'
  | 'PARSE_FAILED'
  | 'GEOMETRY_FAILED'
  | 'WORKER_UNRESPONSIVE'
  | 'WORKER_CRASHED';

export interface IfcLoadFailure {
  code: IfcLoadErrorCode;
  message: LocalizedText;
}
