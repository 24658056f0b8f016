/** Browser entry of the sensor ingestion worker (`new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`). */
import { httpFetchJson } from '../../src/sensors/adapters/sensorThings/httpClient';
import type { SensorWorkerRequest } from './protocol';
import { transferablesOf } from './protocol';
import { createSensorRuntime } from './runtime';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const fetchJson = httpFetchJson();
const runtime = createSensorRuntime({
  post: (message) => scope.postMessage(message, transferablesOf(message)),
  fetchJson,
  loadAsset: (baseUrl, name) => fetchJson(new URL(name, baseUrl).href),
  now: Date.now,
});
scope.onmessage = (event: MessageEvent<SensorWorkerRequest>) => runtime.handle(event.data);
