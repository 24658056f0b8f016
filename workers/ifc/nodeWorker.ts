/** Node entry of the IFC worker (worker_threads; started by nodeSpawn.ts): the CLI, the benchmark, the fuzz test. */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodeIfcApi } from '../../src/bim/ifc/node';
import type { IfcReadOptions } from '../../src/bim/ifc/readIfcModel';
import { createIfcWorkerHandler } from './ifcWorkerHandler';
import type { IfcWorkerRequest } from './protocol';

const port = parentPort!;
const handle = createIfcWorkerHandler(
  createNodeIfcApi,
  (message, transfer = []) => port.postMessage(message, transfer),
  (workerData ?? {}) as IfcReadOptions,
);
port.on('message', (request: IfcWorkerRequest) => handle(request));
