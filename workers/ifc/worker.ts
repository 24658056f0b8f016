/** Browser entry of the IFC worker (`new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`). */
import { createBrowserIfcApi } from '../../src/bim/ifc/browser';
import { createIfcWorkerHandler } from './ifcWorkerHandler';
import type { IfcWorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createIfcWorkerHandler(createBrowserIfcApi, (message, transfer = []) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<IfcWorkerRequest>) => handle(event.data);
