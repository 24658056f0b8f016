/**
 * The ifcTiles worker's logic, apart from its entry so that Node tests drive it with the Node build of web-ifc:
 * one `convert` request → progress messages → the tileset's files (transferred) or why it failed.
 */
import type { IfcAPI } from 'web-ifc';
import { IfcLoadError } from '../../src/bim/ifc/IfcLoadError';
import { convertIfcToTiles } from '../../src/tiles/ifc';
import { TilesError } from '../../src/tiles/TilesError';
import { transferablesOf } from './protocol';
import type { IfcTilesFailure, IfcTilesRequest, IfcTilesResponse } from './protocol';

export type PostTilesResponse = (message: IfcTilesResponse, transfer: ArrayBuffer[]) => void;

export function createIfcTilesWorkerHandler(createApi: () => Promise<IfcAPI>, post: PostTilesResponse) {
  const send = (response: IfcTilesResponse) => post(response, transferablesOf(response));

  return async ({ id, payload }: IfcTilesRequest): Promise<void> => {
    send({ type: 'progress', id, payload: { phase: 'read', done: 0, total: 1 } });
    let api: IfcAPI;
    try {
      api = await createApi();
    } catch (error) {
      send({ type: 'failed', id, payload: { code: 'WORKER_CRASHED', message: because('web-ifc could not start', 'Không khởi động được web-ifc', error) } });
      return;
    }
    try {
      const { files, summary } = await convertIfcToTiles(api, new Uint8Array(payload.bytes), payload.fileName, {
        ...(payload.placeByHand ? { placeByHand: payload.placeByHand } : {}),
        progress: (phase, done, total) => send({ type: 'progress', id, payload: { phase, done, total } }),
      });
      // Each glb is its own buffer (elementGlb), tileset.json too: transferring them moves no byte twice.
      send({ type: 'converted', id, payload: { files: files.map((file) => ({ path: file.path, bytes: ownBuffer(file.bytes) })), summary } });
    } catch (error) {
      send({ type: 'failed', id, payload: toTilesFailure(error) });
    }
  };
}

/** A TilesError or IfcLoadError keeps its code and words; anything else is web-ifc or the converter failing. */
export function toTilesFailure(error: unknown): IfcTilesFailure {
  if (error instanceof TilesError || error instanceof IfcLoadError) return { code: error.code, message: error.userMessage };
  return { code: 'CONVERSION_FAILED', message: because('The model could not be converted to 3D Tiles', 'Không chuyển được mô hình thành 3D Tiles', error) };
}

function because(en: string, vi: string, error: unknown) {
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `${vi}: ${detail}`, en: `${en}: ${detail}` };
}

/** The bytes as a buffer of their own (a view into a larger buffer would transfer, and lose, the rest). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}
