/** Browser entry of the SHA-256 worker: a submitted file hashed off the main thread (src/bim/review/sha256.ts). */
import { answerSha256 } from './answerSha256';
import type { Sha256WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async ({ data }: MessageEvent<Sha256WorkerRequest>) => scope.postMessage(await answerSha256(data));
