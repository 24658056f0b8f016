/**
 * IFC → 3D Tiles 1.1: the model read by the app's IFC kernel (`readIfcModel`), placed by its georeferencing
 * (`resolvePlacement`) or by hand, its elements distributed over a tile tree under a triangle budget, one glb per
 * tile with content (features and metadata per element), and tileset.json. Pure: the caller passes the web-ifc
 * API (Node or browser build) and writes the files it gets back — no file system, no DOM, so it runs in a worker.
 *
 * Frames: tile content is in the loader's chunk frame (project metres minus `geometryOffset`, z up). The root
 * transform is `projectToEcef · translate(geometryOffset)`, so a project point p lands at projectToEcef · p, the
 * placement's own mapping; glTF's y-up is handled as 3D Tiles prescribes (see elementGlb.ts).
 */
import type { IfcAPI } from 'web-ifc';
import type { IfcLoadPhase } from '../../../workers/ifc/protocol';
import { manualPlacement, resolvePlacement } from '../../bim/georef';
import type { ManualPlacementInput } from '../../bim/georef';
import { closeIfcModel, readElementProperties, readIfcModel } from '../../bim/ifc';
import type { IfcGeometryChunk, IfcModelHeader, ModelPlacement } from '../../bim/types';
import { TilesError } from '../TilesError';
import { diagonal } from '../tileset/bounds';
import { buildTileTree, flattenTree, treeDepth } from '../tileset/tileTree';
import { layoutTiles } from '../tileset/tilesetJson';
import type { TilesetJson } from '../tileset/tilesetJson';
import { collectElementGeometry } from './elementGeometry';
import { elementGlb, GENERATOR } from './elementGlb';
import { readElementRecords } from './elementRecords';
import { IFC_MODEL_CLASS, IFC_TILES_SCHEMA } from './ifcTilesSchema';

/** A tile's content above this many triangles is split (CesiumJS draws ~100k-triangle glbs without a stall). */
export const DEFAULT_MAX_TRIANGLES = 100_000;

export type IfcTilesPhase = IfcLoadPhase | 'properties' | 'content';

export interface IfcTilesOptions {
  /** A placement made by hand: used instead of the file's georeferencing, and marked unverified. */
  placeByHand?: ManualPlacementInput;
  /** Triangle budget of one tile's content (default {@link DEFAULT_MAX_TRIANGLES}). */
  maxTriangles?: number;
  progress?: (phase: IfcTilesPhase, done: number, total: number) => void;
}

/** A file of the tileset, its path relative to the output folder ('tileset.json', 'content/0.glb' …). */
export interface TileFile {
  path: string;
  bytes: Uint8Array;
}

export interface IfcTilesSummary {
  file: string;
  schema: string;
  /** Tiles in tileset.json, and those of them with a glb. */
  tiles: number;
  glbs: number;
  /** Bytes of every file, tileset.json included. */
  bytes: number;
  triangles: number;
  /** One feature per IFC element with geometry. */
  features: number;
  depth: number;
  maxTriangles: number;
  placement: { source: ModelPlacement['source']; trust: ModelPlacement['trust']; verified: boolean };
  timings: { readMs: number; propertiesMs: number; tilesMs: number; totalMs: number };
}

export interface IfcTiles {
  /** tileset.json first, then the glbs. */
  files: TileFile[];
  tileset: TilesetJson;
  placement: ModelPlacement;
  summary: IfcTilesSummary;
}

export async function convertIfcToTiles(api: IfcAPI, bytes: Uint8Array, fileName: string, options: IfcTilesOptions = {}): Promise<IfcTiles> {
  const started = performance.now();
  const maxTriangles = checkBudget(options.maxTriangles ?? DEFAULT_MAX_TRIANGLES);
  const progress = options.progress ?? (() => {});
  const sha256 = await sha256Hex(bytes);
  const { header, chunks, modelId } = readModel(api, bytes, fileName, progress);
  const readMs = performance.now() - started;
  const geometry = collectElementGeometry(chunks);
  let records;
  let placement: ModelPlacement;
  try {
    placement = await placeModel(header, options.placeByHand);
    progress('properties', 0, geometry.length);
    records = readElementRecords(header, geometry.map((element) => element.expressId), (id) => readElementProperties(api, modelId, id));
    progress('properties', geometry.length, geometry.length);
  } finally {
    closeIfcModel(api, modelId);
  }
  const propertiesMs = performance.now() - started - readMs;

  // Geometry of a product the header does not list (none in the samples) has no identity to carry: left out.
  const elements = geometry.filter((element) => records.has(element.expressId));
  if (elements.length === 0) {
    throw new TilesError('NO_GEOMETRY', {
      vi: `${fileName} không có cấu kiện nào có hình học: không có gì để chuyển thành 3D Tiles.`,
      en: `${fileName} has no element with geometry: there is nothing to turn into 3D Tiles.`,
    });
  }
  const tree = buildTileTree(elements, maxTriangles);
  const layout = layoutTiles(tree, (index) => `content/${index}.glb`);
  const glbs = layout.contents.map(({ uri, node }, index) => {
    progress('content', index, layout.contents.length);
    return { path: uri, bytes: elementGlb(node.content, records) };
  });
  progress('content', glbs.length, glbs.length);
  const tileset: TilesetJson = {
    asset: { version: '1.1', tilesetVersion: sha256.slice(0, 16), extras: { sao: assetExtras(placement) } },
    schema: IFC_TILES_SCHEMA,
    metadata: { class: IFC_MODEL_CLASS, properties: modelMetadata(header, fileName, sha256, placement, elements.length) },
    geometricError: Math.max(diagonal(tree.bounds), layout.root.geometricError),
    root: { transform: rootTransform(placement.projectToEcef, header.geometryOffset), ...layout.root },
  };
  const files = [{ path: 'tileset.json', bytes: new TextEncoder().encode(`${JSON.stringify(tileset, null, 1)}\n`) }, ...glbs];
  const totalMs = performance.now() - started;
  return {
    files,
    tileset,
    placement,
    summary: {
      file: fileName,
      schema: header.schemaIdentifier,
      tiles: flattenTree(tree).length,
      glbs: glbs.length,
      bytes: files.reduce((sum, file) => sum + file.bytes.length, 0),
      triangles: elements.reduce((sum, element) => sum + element.triangles, 0),
      features: elements.length,
      depth: treeDepth(tree),
      maxTriangles,
      placement: { source: placement.source, trust: placement.trust, verified: placement.trust !== 'unverified' },
      timings: { readMs, propertiesMs, tilesMs: totalMs - readMs - propertiesMs, totalMs },
    },
  };
}

/**
 * The root tile's transform: project metres → ECEF is `projectToEcef` (column-major); tile content is in project
 * metres minus `geometryOffset`, so the offset is applied first.
 */
export function rootTransform(projectToEcef: readonly number[], geometryOffset: readonly [number, number, number]): number[] {
  const m = projectToEcef;
  const [ox, oy, oz] = geometryOffset;
  const translation = [0, 1, 2].map((row) => m[row]! * ox + m[4 + row]! * oy + m[8 + row]! * oz + m[12 + row]!);
  return [...m.slice(0, 12), ...translation, 1];
}

function readModel(api: IfcAPI, bytes: Uint8Array, fileName: string, progress: NonNullable<IfcTilesOptions['progress']>) {
  let header: IfcModelHeader | null = null;
  const chunks: IfcGeometryChunk[] = [];
  const { modelId } = readIfcModel(api, bytes, fileName, {
    progress,
    header: (value) => (header = value),
    chunk: (chunk) => chunks.push(chunk),
  });
  // readIfcModel posts the header before it returns (with the first geometry, or at the end when there is none).
  return { header: header as unknown as IfcModelHeader, chunks, modelId };
}

/** The file's placement, or the planner's when given; a file that states no georeferencing needs the planner's. */
async function placeModel(header: IfcModelHeader, byHand: ManualPlacementInput | undefined): Promise<ModelPlacement> {
  if (byHand) {
    const { lon, lat, headingDegrees, elevation } = byHand;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number.isFinite(headingDegrees) && Number.isFinite(elevation))) {
      throw new TilesError('BAD_OPTION', {
        vi: `Vị trí đặt thủ công không hợp lệ: kinh độ ${lon} (−180…180), vĩ độ ${lat} (−90…90), hướng ${headingDegrees}°, cao độ ${elevation} m.`,
        en: `The placement by hand is not valid: longitude ${lon} (−180…180), latitude ${lat} (−90…90), heading ${headingDegrees}°, elevation ${elevation} m.`,
      });
    }
    return manualPlacement(byHand);
  }
  const placement = await resolvePlacement(header.georeference, { anchor: header.geometryOffset });
  if (placement.source !== 'none') return placement;
  // The last reason is the generic "waits until placed by hand"; those before it say what failed (a CRS …).
  const why = placement.reasons.slice(0, -1);
  throw new TilesError('NOT_GEOREFERENCED', {
    vi: `${header.fileName} không được định vị (không có IfcMapConversion, ePSet_MapConversion hay điểm tham chiếu IfcSite dùng được).${why.map((reason) => ` ${reason.vi}`).join('')} Hãy đặt mô hình thủ công (kinh độ, vĩ độ, hướng).`,
    en: `${header.fileName} is not georeferenced (no usable IfcMapConversion, ePSet_MapConversion or IfcSite reference point).${why.map((reason) => ` ${reason.en}`).join('')} Place it by hand (longitude, latitude, heading).`,
  });
}

function modelMetadata(header: IfcModelHeader, fileName: string, sha256: string, placement: ModelPlacement, elementCount: number) {
  const project = header.spatialTree;
  return {
    sourceFile: fileName,
    sourceSha256: sha256,
    ifcSchema: header.schemaIdentifier,
    projectGlobalId: project.ifcClass === 'IfcProject' ? project.globalId : '',
    projectName: header.projectName ?? '',
    placementMethod: placement.source,
    placementTrust: placement.trust,
    placementVerified: placement.trust !== 'unverified',
    crs: placement.source === 'manual' ? '' : (header.georeference.crs ?? ''),
    originLongitude: placement.originWgs84[0],
    originLatitude: placement.originWgs84[1],
    headingDegrees: placement.headingDegrees,
    elementCount,
    converter: GENERATOR,
  };
}

/** What a reader of tileset.json alone should know about where the model stands and why. */
function assetExtras(placement: ModelPlacement) {
  return {
    converter: GENERATOR,
    placement: {
      source: placement.source,
      trust: placement.trust,
      ...(placement.trust === 'unverified' ? { unverified: true } : {}),
      originWgs84: placement.originWgs84,
      datumHeight: placement.datumHeight,
      headingDegrees: placement.headingDegrees,
      reasons: placement.reasons,
    },
  };
}

function checkBudget(maxTriangles: number): number {
  if (Number.isInteger(maxTriangles) && maxTriangles >= 1) return maxTriangles;
  throw new TilesError('BAD_OPTION', {
    vi: `Ngân sách tam giác mỗi tile phải là số nguyên dương, nhận ${maxTriangles}.`,
    en: `The triangle budget per tile must be a positive integer, got ${maxTriangles}.`,
  });
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
