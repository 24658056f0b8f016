/**
 * Node: the IFC worker on worker_threads, behind the same port the app's loader client drives. The worker
 * registers tsx's loader before importing nodeWorker.ts, so the same TypeScript runs under tsx and vitest.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IfcReadOptions } from '../../src/bim/ifc/readIfcModel';
import type { IfcWorkerPort } from '../../src/bim/ifcLoaderClient';

// `require.resolve` gives tsx's CommonJS build; its ESM twin (the "import" condition) sits beside it.
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

/** A port onto a fresh worker running `entry` (default: the IFC worker). */
export function spawnNodeIfcWorker(options: IfcReadOptions = {}, entry = new URL('./nodeWorker.ts', import.meta.url).href): IfcWorkerPort {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  let ended = false;
  return {
    post: (request, transfer = []) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => {
      worker.on('error', (error: Error) => listener(error.message));
      worker.on('exit', (code) => {
        if (!ended) listener(`the worker exited with code ${code}`);
      });
    },
    terminate: () => {
      ended = true;
      void worker.terminate();
    },
  };
}
