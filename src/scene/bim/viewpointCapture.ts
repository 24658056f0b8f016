import { Cartesian3, PerspectiveFrustum, type Camera, type CesiumWidget } from '@cesium/engine';
// The viewpoint module alone: the BCF reader and writer stay in the review's lazy chunk.
import { verticalFieldOfView } from '../../bim/bcf/viewpoint/appView';
import type { BcfCamera, BcfVector } from '../../bim/bcf/types';
import { sceneView } from '../../bim/review/ui/issues/sceneView';

/**
 * BCF 3.0 asks that a snapshot's longer side not exceed 1500 px; 1024 keeps a topic's PNG small enough for the
 * review record, which IndexedDB rewrites on every change, and still sharp as a thumbnail and in the report.
 */
const SNAPSHOT_MAX_SIDE = 1024;
/** Showing a viewpoint flies there rather than jumping, so the planner sees where the view went. */
const SHOW_FLIGHT_SECONDS = 1;

/**
 * Lets the review's issues panel read the city's camera and a snapshot, and move the camera to a viewpoint
 * (src/bim/review/ui/issues/sceneView.ts). The canvas is read in a postRender callback: without
 * preserveDrawingBuffer the WebGL drawing buffer is cleared once the frame is composited.
 */
export function bindViewpointCapture(viewer: CesiumWidget): () => void {
  const { scene, camera } = viewer;
  return sceneView.provide({
    capture: () =>
      new Promise((resolve, reject) => {
        const remove = scene.postRender.addEventListener(() => {
          remove();
          try {
            const view = cameraOf(camera, scene.canvas);
            snapshotOf(scene.canvas).then((snapshot) => resolve({ camera: view, snapshot }), reject);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        scene.requestRender();
      }),
    show: (target) => {
      camera.flyTo({
        destination: new Cartesian3(...target.position),
        orientation: { direction: new Cartesian3(...target.direction), up: new Cartesian3(...target.up) },
        duration: SHOW_FLIGHT_SECONDS,
      });
    },
  });
}

/** The camera in ECEF, with BCF's vertical field of view (Cesium's `fov` spans the larger side). */
function cameraOf(camera: Camera, canvas: HTMLCanvasElement): BcfCamera {
  const aspectRatio = canvas.clientHeight > 0 ? canvas.clientWidth / canvas.clientHeight : 1;
  const frustum = camera.frustum;
  const fov = frustum instanceof PerspectiveFrustum && frustum.fov !== undefined ? frustum.fov : Math.PI / 3;
  return {
    kind: 'perspective',
    position: vector(camera.positionWC),
    direction: vector(camera.directionWC),
    up: vector(camera.upWC),
    aspectRatio,
    fieldOfView: verticalFieldOfView(fov, aspectRatio),
  };
}

/** The frame just drawn, scaled down to SNAPSHOT_MAX_SIDE, as PNG bytes; null when the canvas cannot be read. */
function snapshotOf(source: HTMLCanvasElement): Promise<Uint8Array | null> {
  const scale = Math.min(1, SNAPSHOT_MAX_SIDE / Math.max(source.width, source.height, 1));
  const target = document.createElement('canvas');
  target.width = Math.max(1, Math.round(source.width * scale));
  target.height = Math.max(1, Math.round(source.height * scale));
  const context = target.getContext('2d');
  if (!context || source.width === 0 || source.height === 0) return Promise.resolve(null);
  // Copied now, inside the frame; the PNG is encoded off the main thread by toBlob.
  context.drawImage(source, 0, 0, target.width, target.height);
  return new Promise((resolve) => {
    target.toBlob((blob) => {
      if (!blob) resolve(null);
      else blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), () => resolve(null));
    }, 'image/png');
  });
}

const vector = (c: Cartesian3): BcfVector => [c.x, c.y, c.z];
