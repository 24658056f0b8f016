/**
 * The city's as-built layer (issue 6 §5). Placeholder for the contract; the as-built helper replaces it.
 * `addToCityModel(submissionId)` converts the accepted submission's IFC into 3D Tiles 1.1 in a worker, stores the
 * tileset and adds it to the as-built layer, then records it (`reviewStore.recordAsBuilt`).
 */
export function addToCityModel(submissionId: string): Promise<void> {
  return Promise.reject(new Error(`as-built layer not built yet (${submissionId})`));
}

export { AsBuiltStatus } from './ui/AsBuiltStatus';
