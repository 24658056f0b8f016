/**
 * The review's issues as a downloaded .bcfzip (BCF 3.0), and a picked .bcfzip (3.0 or 2.1) read back, both in a BCF
 * worker of their own (workers/bcf/protocol.ts): a review's snapshots make files of tens of MB.
 */
import { BcfError } from '../../../bcf';
import type { BcfDocument } from '../../../bcf/types';
import { submissionReference } from '../../../../state/reviewStore';
import type { BcfWorkerRequest, BcfWorkerResponse } from '../../../../../workers/bcf/protocol';
import { askWorker, browserWorkerPort, type WorkerPort } from '../../../../../workers/workerPort';

/** A BCF worker as the client drives it: a browser Worker, or an in-process stand-in in Node tests. */
export type BcfWorkerPort = WorkerPort<BcfWorkerRequest, BcfWorkerResponse>;

function spawnBrowserWorker(): BcfWorkerPort {
  return browserWorkerPort(new Worker(new URL('../../../../../workers/bcf/worker.ts', import.meta.url), { type: 'module', name: 'sao-bcf' }));
}

let requests = 0;

/** One request in a fresh worker; rejects with the BcfError the worker met (code, entry and message kept). */
function inWorker<T>(request: BcfWorkerRequest, transfer: ArrayBuffer[], answer: (response: BcfWorkerResponse) => T | undefined, spawn: () => BcfWorkerPort): Promise<T> {
  return askWorker(spawn, request, transfer, (response) => (resolve, reject) => {
    if (response.type === 'failed') {
      const { name, message, code, entry, userMessage } = response.payload;
      return reject(code && userMessage ? new BcfError(code, entry, userMessage) : new Error(`${name}: ${message}`));
    }
    const value = answer(response);
    if (value === undefined) reject(new Error(`bcf worker answered ${response.type} to ${request.type}`));
    else resolve(value);
  }, { label: 'bcf worker' });
}

/** Throws BcfError (not a zip, unsafe path, zip bomb, DOCTYPE, …) with a message for the planner; never partial. */
export async function readBcfFile(file: Blob, spawn: () => BcfWorkerPort = spawnBrowserWorker): Promise<BcfDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return inWorker({ type: 'read', id: ++requests, payload: { bytes } }, [bytes.buffer], (r) => (r.type === 'document' ? r.payload : undefined), spawn);
}

/** BCF 3.0 bytes of the document; BcfError INVALID_DOCUMENT when BCF 3.0 cannot hold it (a 2.1 viewpoint without camera). */
export function writeBcfFile(document: BcfDocument, spawn: () => BcfWorkerPort = spawnBrowserWorker): Promise<Uint8Array> {
  // The document is copied to the worker, not transferred: its snapshots stay in the review's record.
  return inWorker({ type: 'write', id: ++requests, payload: { document } }, [], (r) => (r.type === 'zip' ? r.payload : undefined), spawn);
}

/** `HS-1A2B3C4D-van-de.bcfzip`: the submission's reference, so files of several reviews do not mix. */
export const issuesFileName = (submissionId: string): string => `${submissionReference(submissionId)}-van-de.bcfzip`;
