/** Browser entry of the IFC → 3D Tiles worker (src/bim/asbuilt): the conversion runs here, off the main thread. */
import { createBrowserIfcApi } from '../../src/bim/ifc/browser';
import { createIfcTilesWorkerHandler } from './ifcTilesWorkerHandler';
import type { IfcTilesRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createIfcTilesWorkerHandler(createBrowserIfcApi, (message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<IfcTilesRequest>) => void handle(event.data);
