import type { BcfCamera } from '../../../bcf/types';

/**
 * What the issues panel asks of the 3D city, without importing Cesium: the scene fills this registry in
 * (`bindViewpointCapture`, src/scene/bim/viewpointCapture.ts) and takes it out again when it is disposed. Cameras
 * are in ECEF metres (the frame BCF viewpoints are converted from and to with the model's `projectToEcef`).
 */
export interface SceneViewProvider {
  /** The camera and a PNG of what the city shows now (null when the canvas could not be read). */
  capture(): Promise<{ camera: BcfCamera; snapshot: Uint8Array | null }>;
  /** Moves the city's camera to `camera` (ECEF). */
  show(camera: BcfCamera): void;
}

let provider: SceneViewProvider | null = null;

export const sceneView = {
  /** Called by the scene; returns the unregister function. */
  provide(next: SceneViewProvider): () => void {
    provider = next;
    return () => {
      if (provider === next) provider = null;
    };
  },
  get available(): boolean {
    return provider !== null;
  },
  capture(): Promise<{ camera: BcfCamera; snapshot: Uint8Array | null }> {
    return provider ? provider.capture() : Promise.reject(new Error('the 3D city is not ready'));
  },
  show(camera: BcfCamera): void {
    provider?.show(camera);
  },
};
