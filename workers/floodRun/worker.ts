/** Browser entry of the flood run worker (`new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`). */
import type { FloodRunRequest } from './protocol';
import { transferablesOf } from './protocol';
import { createRunHandler } from './runScenario';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createRunHandler((message) => scope.postMessage(message, transferablesOf(message)));
scope.onmessage = (event: MessageEvent<FloodRunRequest>) => handle(event.data);
