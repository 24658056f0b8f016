/**
 * The IFC inspector: a detailed three.js view of one model (`InspectorView`) and its model tree with search,
 * hide / isolate and properties (`ModelTreePanel`). Both follow and write the selection, hidden and isolated
 * elements in the shared bim store, so they stay in step with the Cesium view. The view's WebGL runs in a worker
 * (view/renderWorker.ts, on an OffscreenCanvas); camera, picking and labels stay on the page. Load them lazily:
 * `lazy(() => import('…/inspector/InspectorView'))`, `lazy(() => import('…/inspector/ModelTreePanel'))`.
 *
 * The pure parts (tree counts, search, index ranges, measurement, section planes, picking) are exported for
 * the tests and for other views that need the same rules.
 */
export { default as InspectorView } from './InspectorView';
export { default as ModelTreePanel } from './ModelTreePanel';
export { buildModelTree, elementIdsUnder, visibleRows, ancestorKeys, type ModelTree, type TreeNode, type TreeRow } from './modelTree';
export { searchNodes, type SearchResult } from './elementSearch';
export { indexRuns, gatherIndices, isElementVisible, splitByAlpha } from './elementRanges';
export { distance, heightBetween, polygonArea, planarFaceRegion } from './measure';
export { clipPlaneOf, type SectionPlane } from './sectionPlanes';
export { pickSurface, elementBoxes, type SurfaceHit } from './surfacePick';
export type { Measurement } from './measurements';
