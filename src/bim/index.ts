/**
 * Sao's BIM capability for the app: IFC models read in a worker, their georeferencing and placement on Earth.
 * Nothing here imports web-ifc: the parser lives in the worker (the kernel is `./ifc`, shared with the CLI,
 * the benchmark and the tests).
 *
 * ```ts
 * const handle = openIfc(file);            // worker, registry entry and bimStore model
 * await handle.settled;                    // 'ready' | 'failed' | 'cancelled'
 * ifcModels.get(handle.id)?.chunks;        // geometry: project frame minus header.geometryOffset
 * useBimStore.getState().models[handle.id].placement; // resolved from the file's georeferencing
 * await handle.properties(expressId);      // property sets on demand
 * ```
 */
export type * from './types';
export { openIfc } from './ifcLoaderClient';
export type { IfcLoadHandle, IfcSource, IfcWorkerPort, OpenIfcOptions } from './ifcLoaderClient';
export { ifcModels } from './modelRegistry';
export type { LoadedIfcModel } from './modelRegistry';
export { manualPlacement, resolvePlacement, UNPLACED_LON_LAT } from './georef';
export type { ManualPlacementInput, ResolvePlacementOptions } from './georef';
export { IfcLoadError } from './ifc/IfcLoadError';
export { MAX_IFC_BYTES } from './ifc/sniffIfcFile';
