/**
 * A read-mostly window into the inspector for end-to-end tests (`window.__saoInspector`): wait until the three.js
 * view has drawn every chunk, find where a model point is on the page, read the shared BIM view state, and select
 * as another view (the Cesium scene) would — the test then checks the tree and the highlight follow.
 */
import { useBimStore } from '../../state';
import { ifcModels } from '../modelRegistry';
import type { InspectorScene, InspectorSceneStats } from './view/InspectorScene';
import type { Vec3 } from './vec3';

export interface InspectorTestHook {
  modelId: string;
  /** Resolves once the model finished loading, every chunk is in the scene, and a frame drawn after is on screen. */
  whenDrawn(): Promise<InspectorSceneStats>;
  stats(): InspectorSceneStats;
  bounds(): { min: Vec3; max: Vec3 } | null;
  elementBox(expressId: number): { min: Vec3; max: Vec3 } | null;
  /** Where the camera is and what it orbits, model frame. */
  view(): { position: Vec3; target: Vec3 };
  /** Page position of a model-frame point. */
  toPage(p: Vec3): [number, number] | null;
  bim(): { activeModelId: string | null; selectedElementId: number | null; hidden: number[]; isolated: number[] | null };
  /** Selects as another view would: through the shared store only. */
  selectElsewhere(expressId: number | null): void;
}

declare global {
  interface Window {
    __saoInspector?: InspectorTestHook;
  }
}

const POLL_MS = 100;

export function installInspectorTestHook(scene: InspectorScene, modelId: string): () => void {
  const hook: InspectorTestHook = {
    modelId,
    whenDrawn: () =>
      new Promise((resolve) => {
        let framesBefore: number | null = null;
        const timer = setInterval(() => {
          const status = useBimStore.getState().models[modelId]?.status;
          const stats = scene.getStats();
          const available = ifcModels.get(modelId)?.chunks.length ?? 0;
          if (status === 'loading' || stats.chunksShown < available) {
            scene.pullChunks();
            return;
          }
          if (framesBefore === null) {
            framesBefore = stats.frames;
            scene.requestRender();
            return;
          }
          if (stats.frames === framesBefore || !scene.settled()) return;
          clearInterval(timer);
          // One more frame of the page, so the compositor shows the canvas the GPU just finished.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(scene.getStats())));
        }, POLL_MS);
      }),
    stats: () => scene.getStats(),
    bounds: () => scene.modelBounds(),
    elementBox: (expressId) => scene.elementBox(expressId),
    view: () => scene.view(),
    toPage: (p) => scene.toPage(p),
    bim: () => {
      const s = useBimStore.getState();
      return {
        activeModelId: s.activeModelId,
        selectedElementId: s.selectedElementId,
        hidden: [...s.hiddenElementIds],
        isolated: s.isolatedElementIds ? [...s.isolatedElementIds] : null,
      };
    },
    selectElsewhere: (expressId) => useBimStore.getState().select(expressId),
  };
  window.__saoInspector = hook;
  return () => {
    if (window.__saoInspector === hook) delete window.__saoInspector;
  };
}
