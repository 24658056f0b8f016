/**
 * One conversion in its own ifcTiles worker (workers/ifcTiles): the IFC bytes go in (transferred), progress and
 * then the tileset's files come back; the worker is terminated either way. A worker that dies (out of memory in
 * web-ifc) fails the conversion with what the browser said.
 */
import type { ManualPlacementInput } from '../georef';
import type { IfcTilesPhase, IfcTilesSummary, TileFile } from '../../tiles/ifc';
import type { IfcTilesFailure, IfcTilesRequest, IfcTilesResponse } from '../../../workers/ifcTiles/protocol';

export interface ConvertedTiles {
  files: TileFile[];
  summary: IfcTilesSummary;
}

/** A conversion that failed, in the planner's words (the worker's failure). */
export class AsBuiltConversionError extends Error {
  override readonly name = 'AsBuiltConversionError';
  constructor(readonly failure: IfcTilesFailure) {
    super(failure.message.en);
  }
}

export function convertInWorker(
  fileName: string,
  bytes: ArrayBuffer,
  placeByHand: ManualPlacementInput | null,
  progress: (phase: IfcTilesPhase, done: number, total: number) => void,
): Promise<ConvertedTiles> {
  const worker = new Worker(new URL('../../../workers/ifcTiles/worker.ts', import.meta.url), { type: 'module', name: 'sao-ifc-tiles' });
  const id = crypto.randomUUID();
  return new Promise<ConvertedTiles>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<IfcTilesResponse>) => {
      if (data.id !== id) return;
      if (data.type === 'progress') progress(data.payload.phase, data.payload.done, data.payload.total);
      else if (data.type === 'failed') reject(new AsBuiltConversionError(data.payload));
      else resolve({ summary: data.payload.summary, files: data.payload.files.map((file) => ({ path: file.path, bytes: new Uint8Array(file.bytes) })) });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A script that did not load reports no message; a crash in the worker does.
      const message = event.message
        ? { vi: `Tiến trình chuyển đổi dừng đột ngột: ${event.message}`, en: `The conversion worker stopped: ${event.message}` }
        : { vi: 'Không khởi động được tiến trình chuyển đổi: mã của nó không tải được hoặc trình duyệt đã dừng nó.', en: 'The conversion worker could not start: its script did not load, or the browser stopped it.' };
      reject(new AsBuiltConversionError({ code: 'WORKER_CRASHED', message }));
    };
    const request: IfcTilesRequest = { type: 'convert', id, payload: { fileName, bytes, placeByHand } };
    worker.postMessage(request, [bytes]);
  }).finally(() => worker.terminate());
}
