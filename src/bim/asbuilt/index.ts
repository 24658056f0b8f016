/**
 * The city's as-built layer (issue 6 §5): accepted submissions become buildings of the city model.
 *
 * - `addToCityModel(submissionId)` converts the accepted submission's stored IFC file into 3D Tiles 1.1 in a worker
 *   (workers/ifcTiles; the file's georeferencing, or the review's placement by hand), stores the tileset in
 *   IndexedDB (`sao-asbuilt`), rebuilds the layer and records it in the review (`recordAsBuilt`). It rejects, and
 *   `AsBuiltStatus` shows why, when it fails; the decision stays recorded.
 * - `restoreAsBuiltLayer()` puts the stored buildings in the layer list at start-up ("Công trình hoàn công"), one
 *   composed tileset whose features pick and highlight by their IFC GlobalId.
 * - `AsBuiltStatus` (the decision tab): converting, added (figures, "show in city"), failed (why, retry).
 */
export { addToCityModel } from './addToCityModel';
export { restoreAsBuiltLayer } from './asBuiltLayer';
export { AS_BUILT_LAYER_ID } from './asBuiltLayerSpec';
export { AsBuiltStatus } from './ui/AsBuiltStatus';
export type { AsBuiltProgress, BuildingSite, StoredBuilding } from './types';
