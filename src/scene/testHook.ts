import { Cartesian3, SceneTransforms } from '@cesium/engine';
import type { CameraPose } from '../state';
import type { ElementOnScreen } from './bim/bindBimScene';
import { poseOf } from './cameraPose';
import type { SceneController } from './SceneController';

/**
 * A small, read-only window into the scene for end-to-end tests and benchmarks (`window.__sao`): it lets a
 * test wait for the city to settle and find where a building is on screen, then act through the real UI.
 */
export interface SaoTestHook {
  /** Resolves once the opening flight is over, every visible layer has settled and a frame was drawn after. */
  whenIdle(): Promise<void>;
  /** CSS pixel position in the page of a WGS 84 point, or null when it is off screen. */
  toWindow(lon: number, lat: number, height: number): [number, number] | null;
  camera(): CameraPose;
  /** A page point where a click selects an element of the IFC model `modelId` (and which), or null. */
  bimElementOnScreen(modelId: string): ElementOnScreen | null;
  /** When (performance.now()) the IFC model `modelId` had loaded and all of it was drawn; null until then. */
  bimDrawnAt(modelId: string): number | null;
}

declare global {
  interface Window {
    __sao?: SaoTestHook;
  }
}

const POLL_MS = 100;

export function installTestHook(controller: SceneController): () => void {
  const { scene } = controller.viewer;
  const hook: SaoTestHook = {
    whenIdle: () =>
      new Promise((resolve) => {
        const timer = setInterval(() => {
          if (!controller.isOpeningFlightDone || !controller.layersSettled) return;
          clearInterval(timer);
          const remove = scene.postRender.addEventListener(() => {
            remove();
            resolve();
          });
          scene.requestRender();
        }, POLL_MS);
      }),
    toWindow: (lon, lat, height) => {
      const onCanvas = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(lon, lat, height));
      if (!onCanvas) return null;
      const rect = scene.canvas.getBoundingClientRect();
      return [rect.left + onCanvas.x, rect.top + onCanvas.y];
    },
    camera: () => poseOf(scene.camera),
    bimElementOnScreen: (modelId) => controller.bim?.elementOnScreen(modelId) ?? null,
    bimDrawnAt: (modelId) => controller.bim?.drawnAt(modelId) ?? null,
  };
  window.__sao = hook;
  return () => {
    if (window.__sao === hook) delete window.__sao;
  };
}
