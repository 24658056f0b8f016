/**
 * Node: flood pool workers on worker_threads. The worker registers tsx's loader before importing
 * nodeWorker.ts, so the same TypeScript runs under tsx (CLI, bench) and vitest alike.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SpawnWorker } from './pool';

export const NODE_THREADS = availableParallelism();

// `require.resolve` gives the package's CommonJS build; its ESM twin (the "import" condition) sits beside it.
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const entry = new URL('./nodeWorker.ts', import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;

export const spawnNodeWorker: SpawnWorker = () => {
  const worker = new Worker(BOOTSTRAP, { eval: true });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    terminate: () => void worker.terminate(),
  };
};
