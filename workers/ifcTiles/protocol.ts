/**
 * Messages between the as-built layer (src/bim/asbuilt/convertInWorker.ts) and the IFC → 3D Tiles worker, in Sao's
 * envelope `{ type, id, payload }`; `id` is the conversion's id. One worker per conversion, terminated after it.
 *
 *   app                                                   ifcTiles worker
 *    │── convert { fileName, bytes (transferred), placeByHand } ──▶│ convertIfcToTiles (src/tiles)
 *    │◀──────────── progress { phase, done, total } ────────────────│ throughout
 *    │◀──────────── converted { files (transferred), summary } ─────│ tileset.json first, then the glbs
 *    │◀──────────── failed { code, message } ───────────────────────│ why, in the planner's words
 */
import type { LocalizedText } from '../../src/geo';
import type { ManualPlacementInput } from '../../src/bim/georef';
import type { IfcTilesPhase, IfcTilesSummary } from '../../src/tiles/ifc';

export interface IfcTilesConvertPayload {
  fileName: string;
  bytes: ArrayBuffer;
  /** The planner's placement when the model was placed by hand; null: the file's georeferencing. */
  placeByHand: ManualPlacementInput | null;
}

/** A file of the tileset as it crosses the worker boundary (its buffer is transferred). */
export interface IfcTilesFileMessage {
  path: string;
  bytes: ArrayBuffer;
}

/** Why a conversion failed: a TilesError or IfcLoadError code, or WORKER_CRASHED when web-ifc could not start. */
export interface IfcTilesFailure {
  code: string;
  message: LocalizedText;
}

export type IfcTilesRequest = { type: 'convert'; id: string; payload: IfcTilesConvertPayload };

export type IfcTilesResponse =
  | { type: 'progress'; id: string; payload: { phase: IfcTilesPhase; done: number; total: number } }
  | { type: 'converted'; id: string; payload: { files: IfcTilesFileMessage[]; summary: IfcTilesSummary } }
  | { type: 'failed'; id: string; payload: IfcTilesFailure };

/** The buffers a response carries, for `postMessage(message, transferList)`. */
export function transferablesOf(response: IfcTilesResponse): ArrayBuffer[] {
  return response.type === 'converted' ? response.payload.files.map((file) => file.bytes) : [];
}
