/** Browser entry of a flood band worker (`new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`). */
import { createBandWorker } from './bandWorker';
import type { FloodRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createBandWorker((message) => scope.postMessage(message), () => scope.close());
scope.onmessage = (event: MessageEvent<FloodRequest>) => handle(event.data);
