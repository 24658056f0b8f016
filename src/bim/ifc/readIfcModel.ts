/**
 * Reads an IFC file with web-ifc: sniff → parse → spatial structure, elements and georeferencing (the header) →
 * geometry in chunks. One function for the IFC worker, the CLI, the benchmark and the tests; no DOM, no Node.
 *
 *   sniffIfcFile ─ fails fast: EMPTY_FILE, TOO_LARGE, NOT_IFC, UNSUPPORTED_SCHEMA, TRUNCATED
 *   OpenModelFromCallback ─ web-ifc pulls the file in 256 KiB pieces: each one is a 'parse' progress report
 *   header ─ posted with the first geometry, whose position fixes `geometryOffset`
 *   StreamAllMeshes ─ chunks: the first small, then ~150k triangles (or one second's worth)
 *
 * The caller owns the returned model: `readElementProperties` while it is shown, then `closeIfcModel`.
 */
import type { IfcAPI, FlatMesh } from 'web-ifc';
import type { IfcLoadPhase } from '../../../workers/ifc/protocol';
import { readGeoreference } from '../georef/readGeoreference';
import type { IfcGeometryChunk, IfcLoadStats, IfcModelHeader } from '../types';
import { GeometryChunker } from './GeometryChunker';
import { IfcLoadError } from './IfcLoadError';
import { releaseElementProperties } from './readElementProperties';
import { sniffIfcFile } from './sniffIfcFile';
import { readSpatialStructure } from './spatialStructure';
import { webIfcSchemaReader } from './webIfcSchemaReader';

export interface IfcReadSink {
  progress(phase: IfcLoadPhase, done: number, total: number): void;
  header(header: IfcModelHeader): void;
  chunk(chunk: IfcGeometryChunk): void;
}

export interface IfcReadOptions {
  /** Files above this many bytes fail with TOO_LARGE (default `MAX_IFC_BYTES`). */
  maxBytes?: number;
  firstChunkTriangles?: number;
  chunkTriangles?: number;
  /** A chunk also closes when it has been filling this long, so slow geometry still shows progressively. */
  chunkMilliseconds?: number;
}

/** Bytes web-ifc pulls per callback: small enough for fine parse progress, large enough to cost nothing. */
const PARSE_PIECE = 256 * 1024;
/** Progress reports at most this often: the app's watchdog needs a pulse, not a flood of messages. */
const PROGRESS_INTERVAL_MS = 100;
/** The first chunk goes out once it has waited this long for more, so the first geometry shows early. */
const FIRST_CHUNK_MS = 50;
/** Coordinates within this distance of the origin keep 0.5 mm in float32 (2¹² m · 2⁻²³ ≈ 0.49 mm). */
const SAFE_FLOAT32_METRES = 4096;

export function readIfcModel(
  api: IfcAPI,
  bytes: Uint8Array,
  fileName: string,
  sink: IfcReadSink,
  options: IfcReadOptions = {},
): { modelId: number; stats: IfcLoadStats } {
  const started = performance.now();
  const sniff = sniffIfcFile(bytes, options.maxBytes);
  const report = throttledProgress(sink);
  const modelId = openModel(api, bytes, sniff.schemaIdentifier, report);
  const parseMs = performance.now() - started;
  try {
    report('structure', 0, 1, true);
    const structure = readStructure(api, modelId, containsAscii(bytes, 'ePSet_MapConversion'));
    report('structure', 1, 1, true);
    const header: Omit<IfcModelHeader, 'geometryOffset'> = {
      schema: sniff.schema,
      schemaIdentifier: sniff.schemaIdentifier,
      fileName,
      fileBytes: bytes.length,
      ...structure,
    };
    const geometry = streamGeometry(api, modelId, header, sink, report, options, started);
    return {
      modelId,
      stats: {
        elements: header.elements.length,
        elementsWithGeometry: geometry.elementsWithGeometry,
        triangles: geometry.triangles,
        vertices: geometry.vertices,
        chunks: geometry.chunks,
        parseMs,
        firstGeometryMs: geometry.firstGeometryMs,
        totalMs: performance.now() - started,
      },
    };
  } catch (error) {
    closeIfcModel(api, modelId);
    throw error;
  }
}

/** Frees the web-ifc model and what was cached for it. */
export function closeIfcModel(api: IfcAPI, modelId: number): void {
  releaseElementProperties(api, modelId);
  if (api.IsModelOpen(modelId)) api.CloseModel(modelId);
}

type Report = (phase: IfcLoadPhase, done: number, total: number, force?: boolean) => void;

function throttledProgress(sink: IfcReadSink): Report {
  let last = -Infinity;
  return (phase, done, total, force = false) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    sink.progress(phase, done, total);
  };
}

function openModel(api: IfcAPI, bytes: Uint8Array, schemaIdentifier: string, report: Report): number {
  const read = webIfcSchemaReader(bytes, schemaIdentifier);
  // web-ifc reads the file twice (header, then data): progress counts both passes.
  let pass = 0;
  let lastOffset = -1;
  let modelId: number;
  try {
    modelId = api.OpenModelFromCallback((offset, size) => {
      if (offset <= lastOffset) pass++;
      lastOffset = offset;
      report('parse', Math.min(bytes.length * 2, pass * bytes.length + offset), bytes.length * 2);
      return read(offset, Math.min(size, PARSE_PIECE));
    });
  } catch (cause) {
    throw parseFailed(cause);
  }
  if (modelId < 0) throw parseFailed(null);
  report('parse', 1, 1, true);
  return modelId;
}

function readStructure(api: IfcAPI, modelId: number, propertySetConvention: boolean): Pick<IfcModelHeader, 'projectName' | 'spatialTree' | 'elements' | 'georeference'> {
  try {
    const georeference = readGeoreference(api, modelId, { propertySetConvention });
    return { ...readSpatialStructure(api, modelId, georeference.lengthUnitMetres), georeference };
  } catch (cause) {
    throw parseFailed(cause);
  }
}

interface GeometryTotals {
  triangles: number;
  vertices: number;
  chunks: number;
  elementsWithGeometry: number;
  firstGeometryMs: number | null;
}

function streamGeometry(
  api: IfcAPI,
  modelId: number,
  header: Omit<IfcModelHeader, 'geometryOffset'>,
  sink: IfcReadSink,
  report: Report,
  options: IfcReadOptions,
  started: number,
): GeometryTotals {
  const totals: GeometryTotals = { triangles: 0, vertices: 0, chunks: 0, elementsWithGeometry: 0, firstGeometryMs: null };
  let chunker: GeometryChunker | null = null;
  let chunkStarted = performance.now();
  const chunkMilliseconds = options.chunkMilliseconds ?? 1000;
  const emit = (chunk: IfcGeometryChunk | null) => {
    if (!chunk) return;
    totals.chunks++;
    totals.triangles += chunk.indices.length / 3;
    totals.vertices += chunk.vertexElementIds.length;
    totals.elementsWithGeometry += chunk.elementRanges.length / 3;
    totals.firstGeometryMs ??= performance.now() - started;
    chunkStarted = performance.now();
    sink.chunk(chunk);
  };
  const start = (offset: [number, number, number]) => {
    sink.header({ ...header, geometryOffset: offset });
    return new GeometryChunker({
      offset,
      firstChunkTriangles: options.firstChunkTriangles ?? 2_000,
      chunkTriangles: options.chunkTriangles ?? 150_000,
    });
  };
  try {
    api.StreamAllMeshes(modelId, (mesh: FlatMesh, index: number, total: number) => {
      // web-ifc frees the streamed FlatMesh itself (it has no delete()); each IfcGeometry we ask for is ours to free.
      chunker ??= start(firstPosition(api, modelId, mesh));
      addMesh(api, modelId, mesh, chunker);
      const patience = totals.chunks === 0 ? FIRST_CHUNK_MS : chunkMilliseconds;
      if (chunker && (chunker.isFull() || (chunker.triangles > 0 && performance.now() - chunkStarted > patience))) emit(chunker.flush());
      report('geometry', index + 1, total);
    });
  } catch (cause) {
    throw new IfcLoadError(
      'GEOMETRY_FAILED',
      {
        vi: `web-ifc dừng khi dựng hình học sau ${totals.elementsWithGeometry} cấu kiện: ${describe(cause)}`,
        en: `web-ifc stopped building geometry after ${totals.elementsWithGeometry} elements: ${describe(cause)}`,
      },
      { cause },
    );
  }
  if (!chunker) start([0, 0, 0]);
  else emit((chunker as GeometryChunker).flush());
  report('geometry', 1, 1, true);
  return totals;
}

function addMesh(api: IfcAPI, modelId: number, mesh: FlatMesh, chunker: GeometryChunker): void {
  chunker.beginElement(mesh.expressID);
  const placed = mesh.geometries;
  for (let i = 0; i < placed.size(); i++) {
    const geometryPlacement = placed.get(i);
    const geometry = api.GetGeometry(modelId, geometryPlacement.geometryExpressID);
    try {
      // Views into web-ifc's heap, read before anything else can allocate there (no copy).
      const heap = api.wasmModule as { HEAPF32: Float32Array; HEAPU32: Uint32Array };
      const vertexPtr = geometry.GetVertexData() / 4;
      const indexPtr = geometry.GetIndexData() / 4;
      chunker.addGeometry(
        heap.HEAPF32.subarray(vertexPtr, vertexPtr + geometry.GetVertexDataSize()),
        heap.HEAPU32.subarray(indexPtr, indexPtr + geometry.GetIndexDataSize()),
        geometryPlacement.flatTransformation,
        geometryPlacement.color,
      );
    } finally {
      geometry.delete();
    }
  }
}

/**
 * The geometry offset: zero for a model near its origin; else the first vertex of the first geometry, rounded to
 * the metre, so a model drawn in map coordinates (hundreds of kilometres out) keeps millimetres in float32.
 */
function firstPosition(api: IfcAPI, modelId: number, mesh: FlatMesh): [number, number, number] {
  if (mesh.geometries.size() === 0) return [0, 0, 0];
  const placed = mesh.geometries.get(0);
  const geometry = api.GetGeometry(modelId, placed.geometryExpressID);
  try {
    if (geometry.GetVertexDataSize() < 3) return [0, 0, 0];
    const heap = (api.wasmModule as { HEAPF32: Float32Array }).HEAPF32;
    const at = geometry.GetVertexData() / 4;
    const [x, y, z] = [heap[at]!, heap[at + 1]!, heap[at + 2]!];
    const m = placed.flatTransformation;
    // web-ifc y-up → IFC z-up, as in GeometryChunker.
    const project = [
      m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
      -(m[2]! * x + m[6]! * y + m[10]! * z + m[14]!),
      m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
    ];
    if (project.every((value) => Math.abs(value) < SAFE_FLOAT32_METRES)) return [0, 0, 0];
    return project.map(Math.round) as [number, number, number];
  } finally {
    geometry.delete();
  }
}

/** Whether the bytes hold an ASCII text: a native scan for its first byte, then a comparison (≈ 0.1 s per 200 MB). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const codes = Array.from(text, (char) => char.charCodeAt(0));
  for (let at = bytes.indexOf(codes[0]!); at >= 0; at = bytes.indexOf(codes[0]!, at + 1)) {
    if (codes.every((code, i) => bytes[at + i] === code)) return true;
  }
  return false;
}

function parseFailed(cause: unknown): IfcLoadError {
  const detail = cause === null ? '' : `: ${describe(cause)}`;
  return new IfcLoadError(
    'PARSE_FAILED',
    {
      vi: `web-ifc không phân tích được tệp${detail}. Tệp có thể bị hỏng hoặc viết sai chuẩn STEP; hãy xuất lại từ phần mềm BIM.`,
      en: `web-ifc could not parse the file${detail}. It may be corrupt or not valid STEP; export it again from the BIM software.`,
    },
    { cause },
  );
}

function describe(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return /memory|allocation|Cannot enlarge/i.test(message) ? `out of memory (${message})` : message;
}
