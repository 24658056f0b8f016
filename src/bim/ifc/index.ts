/**
 * The IFC reading kernel (web-ifc): one code path for the worker, the CLI, the benchmark and the tests. No DOM,
 * no Node imports. Create the web-ifc API with `createNodeIfcApi()` from './node' (Node) or
 * `createBrowserIfcApi()` from './browser' (a worker, wasm served by Vite).
 *
 * ```ts
 * const api = await createNodeIfcApi();
 * const { modelId, stats } = readIfcModel(api, bytes, 'house.ifc', { progress() {}, header(h) {}, chunk(c) {} });
 * const sets = readElementProperties(api, modelId, wallId);
 * closeIfcModel(api, modelId);
 * ```
 */
export { readIfcModel, closeIfcModel } from './readIfcModel';
export type { IfcReadOptions, IfcReadSink } from './readIfcModel';
export { readElementProperties } from './readElementProperties';
export { readGeoreference } from '../georef/readGeoreference';
export { sniffIfcFile, checkFileSize, MAX_IFC_BYTES, SUPPORTED_SCHEMAS_TEXT } from './sniffIfcFile';
export type { IfcFileSniff } from './sniffIfcFile';
export { IfcLoadError, toLoadFailure } from './IfcLoadError';
export { Watchdog, DEFAULT_WATCHDOG_MS } from './Watchdog';
export type { WatchdogTimers } from './Watchdog';
