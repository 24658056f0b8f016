/** A worker that dies on the first message, as one that runs out of memory does. */
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {
  throw new Error('out of memory (simulated)');
});
