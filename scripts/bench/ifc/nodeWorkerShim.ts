/**
 * The smallest shim that lets @thatopen/fragments' viewer pipeline (FragmentsModels) run in Node, for the
 * benchmark only. Installed before @thatopen/fragments is imported; nothing else is faked.
 *
 * - `Worker`: FragmentsModels starts its mesh worker with `new Worker(url, { type: 'module' })` and hands it a
 *   MessagePort (`postMessage(port, [port])`); the worker script (`dist/Worker/worker.mjs`) listens with
 *   `globalThis.onmessage` when `window` is undefined. A `worker_threads` Worker that imports the same script and
 *   forwards parent messages to `globalThis.onmessage({ data })` is that contract; Node's MessageChannel and
 *   MessagePort are the web's. Messages are forwarded only once the script has loaded (a `worker_threads` port
 *   queues until a listener is attached), so the first one (the port) is not lost.
 * - `window`: the main-thread view culler reads `window.innerWidth/innerHeight`, `window.screen` and
 *   `devicePixelRatio` to size its screen-space LOD test (`GPU.estimateCapacity`, `newView`). A 1920 × 1080
 *   screen at ratio 1: the desktop the app targets.
 */
import { Worker as NodeWorker } from 'node:worker_threads';

const WORKER_BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then(() => parentPort.on('message', (data) => globalThis.onmessage({ data })));
`;

class ModuleWorker extends NodeWorker {
  constructor(url: string | URL) {
    super(WORKER_BOOTSTRAP, { eval: true, workerData: { url: String(url) } });
  }
}

export const SCREEN = { width: 1920, height: 1080 } as const;

export function installBrowserShim(): void {
  Object.assign(globalThis, {
    Worker: ModuleWorker,
    window: { innerWidth: SCREEN.width, innerHeight: SCREEN.height, devicePixelRatio: 1, screen: { ...SCREEN } },
  });
}
