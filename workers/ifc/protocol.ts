/**
 * Messages between the app (src/bim/ifcLoaderClient.ts) and the IFC worker, in Sao's envelope
 * `{ type, id, payload }`; `id` is the model id the app chose. One worker per model: it owns the web-ifc model
 * for as long as the app shows it, so properties can be asked for on demand.
 *
 *   app                                              IFC worker
 *    │── open { fileName, bytes (transferred) } ───▶│ sniff header → parse (OpenModel)
 *    │◀─────────── progress { phase, done, total } ──│ throughout
 *    │◀─────────── header { IfcModelHeader } ────────│ spatial tree, elements, georeference
 *    │◀─────────── chunk { IfcGeometryChunk } ───────│ many, buffers transferred
 *    │◀─────────── done { IfcLoadStats } | failed { IfcLoadFailure } ──│
 *    │── properties { expressId } ─────────────────▶│
 *    │◀─────────── properties { expressId, sets } ───│
 *    │── checkIds { checkId, idsXml } ─────────────▶│ IDS 1.0 check of the open model (src/bim/ids)
 *    │◀─────────── idsReport { checkId, outcome } ───│ the report, or why the IDS was refused
 *    │── close ────────────────────────────────────▶│ frees the model; the app then terminates the worker
 *
 * Cancel is `worker.terminate()`: web-ifc parses synchronously, so a message could not interrupt it. The app
 * also terminates a worker that reports no progress for too long (WORKER_UNRESPONSIVE).
 */
import type {
  IfcGeometryChunk,
  IfcLoadFailure,
  IfcLoadStats,
  IfcModelHeader,
  IfcPropertySetInfo,
} from '../../src/bim/types';
import type { IdsCheckOutcome } from '../../src/bim/ids/types';

export type IfcLoadPhase = 'read' | 'parse' | 'structure' | 'geometry';

export type IfcWorkerRequest =
  | { type: 'open'; id: string; payload: { fileName: string; bytes: ArrayBuffer } }
  | { type: 'properties'; id: string; payload: { expressId: number } }
  | { type: 'checkIds'; id: string; payload: { checkId: string; idsXml: string } }
  | { type: 'close'; id: string; payload: null };

export type IfcWorkerResponse =
  | { type: 'progress'; id: string; payload: { phase: IfcLoadPhase; done: number; total: number } }
  | { type: 'header'; id: string; payload: IfcModelHeader }
  | { type: 'chunk'; id: string; payload: IfcGeometryChunk }
  | { type: 'done'; id: string; payload: IfcLoadStats }
  | { type: 'failed'; id: string; payload: IfcLoadFailure }
  | { type: 'properties'; id: string; payload: { expressId: number; sets: IfcPropertySetInfo[] } }
  | { type: 'idsReport'; id: string; payload: { checkId: string; outcome: IdsCheckOutcome } };

/** The buffers of a chunk, for `postMessage(message, transferList)`. */
export function chunkTransferList(chunk: IfcGeometryChunk): ArrayBuffer[] {
  return [chunk.positions, chunk.normals, chunk.colors, chunk.vertexElementIds, chunk.indices, chunk.elementRanges].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
