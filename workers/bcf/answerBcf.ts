import { BcfError, readBcfZip, writeBcfZip } from '../../src/bim/bcf';
import type { BcfWorkerRequest, BcfWorkerResponse } from './protocol';

/** The BCF worker's work, free of any worker API so that Node tests run it as the browser worker does. */
export function answerBcf(request: BcfWorkerRequest): { response: BcfWorkerResponse; transfer: ArrayBuffer[] } {
  const { id } = request;
  try {
    if (request.type === 'write') {
      const bytes = writeBcfZip(request.payload.document);
      return { response: { type: 'zip', id, payload: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
    }
    const document = readBcfZip(request.payload.bytes);
    // Snapshots may be views of one inflated buffer: each buffer is listed once.
    const buffers = new Set(document.topics.flatMap((topic) => topic.viewpoints.flatMap((viewpoint) => (viewpoint.snapshot ? [viewpoint.snapshot.bytes.buffer as ArrayBuffer] : []))));
    return { response: { type: 'document', id, payload: document }, transfer: [...buffers] };
  } catch (error) {
    const bcf = error instanceof BcfError ? error : null;
    return {
      response: {
        type: 'failed',
        id,
        payload: {
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
          code: bcf?.code ?? null,
          entry: bcf?.entry ?? null,
          userMessage: bcf?.userMessage ?? null,
        },
      },
      transfer: [],
    };
  }
}
