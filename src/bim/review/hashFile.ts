/**
 * The SHA-256 of a submitted file, taken in a worker of its own (workers/sha256/protocol.ts): reading and hashing
 * a file of hundreds of MB on the page would hold that much memory there and copy it for the digest. Where there
 * are no workers (Node tests) the same kernel runs in place.
 */
import type { Sha256WorkerRequest, Sha256WorkerResponse } from '../../../workers/sha256/protocol';
import { sha256Digest } from './sha256';

let requests = 0;

/** Lower-case hex SHA-256 of the file; rejects with the reader's error (e.g. NotReadableError) when it cannot be read. */
export async function sha256Hex(file: Blob): Promise<string> {
  if (typeof Worker === 'undefined') return sha256Digest(await file.arrayBuffer());
  const worker = new Worker(new URL('../../../workers/sha256/worker.ts', import.meta.url), { type: 'module', name: 'sao-sha256' });
  const request: Sha256WorkerRequest = { type: 'hash', id: ++requests, payload: { file } };
  try {
    return await new Promise<string>((resolve, reject) => {
      worker.addEventListener('message', ({ data }: MessageEvent<Sha256WorkerResponse>) => {
        if (data.id !== request.id) return;
        if (data.type === 'hashed') resolve(data.payload.sha256);
        else reject(Object.assign(new Error(data.payload.message), { name: data.payload.name }));
      });
      worker.addEventListener('error', (event) => reject(new Error(`sha256 worker: ${event.message || 'error'}`)));
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
