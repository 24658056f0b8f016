/** Node entry of a flood band worker (worker_threads; started by nodePool.ts). */
import { parentPort } from 'node:worker_threads';
import { createBandWorker } from './bandWorker';
import type { FloodRequest } from './protocol';

const port = parentPort!;
const handle = createBandWorker((message) => port.postMessage(message), () => port.close());
port.on('message', (request: FloodRequest) => handle(request));
