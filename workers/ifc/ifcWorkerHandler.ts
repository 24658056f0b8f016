/**
 * The IFC worker's logic, shared by the browser entry (worker.ts) and the Node one (nodeWorker.ts): one web-ifc
 * model per worker, opened on 'open', asked for properties until 'close'.
 */
import type { IfcAPI } from 'web-ifc';
import { toLoadFailure } from '../../src/bim/ifc/IfcLoadError';
import { closeIfcModel, readIfcModel } from '../../src/bim/ifc/readIfcModel';
import type { IfcReadOptions } from '../../src/bim/ifc/readIfcModel';
import { readElementProperties } from '../../src/bim/ifc/readElementProperties';
import { checkIdsXml } from '../../src/bim/ids/checkIds';
import type { IfcWorkerRequest, IfcWorkerResponse } from './protocol';
import { chunkTransferList } from './protocol';

export type PostResponse = (message: IfcWorkerResponse, transfer?: ArrayBuffer[]) => void;

export function createIfcWorkerHandler(createApi: () => Promise<IfcAPI>, post: PostResponse, options: IfcReadOptions = {}) {
  let model: { api: IfcAPI; modelId: number } | null = null;

  async function open(id: string, fileName: string, buffer: ArrayBuffer): Promise<void> {
    post({ type: 'progress', id, payload: { phase: 'parse', done: 0, total: 1 } });
    let api: IfcAPI;
    try {
      api = await createApi();
    } catch (error) {
      post({ type: 'failed', id, payload: toLoadFailure(error, 'WORKER_CRASHED') });
      return;
    }
    try {
      const { modelId, stats } = readIfcModel(api, new Uint8Array(buffer), fileName, {
        progress: (phase, done, total) => post({ type: 'progress', id, payload: { phase, done, total } }),
        header: (header) => post({ type: 'header', id, payload: header }),
        chunk: (chunk) => post({ type: 'chunk', id, payload: chunk }, chunkTransferList(chunk)),
      }, options);
      model = { api, modelId };
      post({ type: 'done', id, payload: stats });
    } catch (error) {
      post({ type: 'failed', id, payload: toLoadFailure(error, 'PARSE_FAILED') });
    }
  }

  return (request: IfcWorkerRequest): void => {
    switch (request.type) {
      case 'open':
        void open(request.id, request.payload.fileName, request.payload.bytes);
        return;
      case 'properties': {
        const { expressId } = request.payload;
        const sets = model ? readElementProperties(model.api, model.modelId, expressId) : [];
        post({ type: 'properties', id: request.id, payload: { expressId, sets } });
        return;
      }
      case 'checkIds': {
        const { checkId, idsXml } = request.payload;
        post({ type: 'idsReport', id: request.id, payload: { checkId, outcome: checkIdsXml(model, idsXml) } });
        return;
      }
      case 'close':
        if (model) closeIfcModel(model.api, model.modelId);
        model = null;
        return;
    }
  };
}
