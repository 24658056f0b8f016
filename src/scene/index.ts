/**
 * The Cesium scene: viewer setup, one renderer per catalogue layer, picking and camera. Renderers only — the
 * state they draw lives in `src/state`.
 */
export { createViewer } from './createViewer';
export { SceneController } from './SceneController';
export { installTestHook, type SaoTestHook } from './testHook';
