/** zustand stores, one per concern. Stores hold ids, parameters and status — never renderer objects. */
export { useViewStore, WORKSPACES, type Workspace, type CameraPose, type Notice } from './viewStore';
export { useLayerStore, visibleLayersOf, type LayerState, type LayerStatus, type LayerVisibility } from './layerStore';
export { useSelectionStore, type PickedFeature, type FeatureAttribute } from './selectionStore';
export { useCursorStore } from './cursorStore';
export { useBimStore, type BimModelState, type BimModelStatus } from './bimStore';
export { useAlertStore, createAlertStore, type RuleSetOrigin } from './alertStore';
export { useSensorStore, loadSources, saveSources } from './sensorStore';
export { useReviewStore, submissionReference, emptyIssues, type ReviewSaveState } from './reviewStore';
