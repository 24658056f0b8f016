import { Math as CesiumMath, type CesiumWidget } from '@cesium/engine';

/** Below this camera height (m) the global imagery is gone and the city basemap stands on a neutral ground. */
const STREET_SCALE_HEIGHT = 4_000;
/** Above this height (m) the global imagery is fully shown. */
const REGIONAL_SCALE_HEIGHT = 40_000;

/**
 * NaturalEarthII (Cesium's bundled global imagery) gives context from space but is a green blur at street scale,
 * where it would drown the OSM basemap. It fades out as the camera descends, revealing the globe's plain base
 * colour under the vector layers.
 */
export function installGlobalImageryFade(widget: CesiumWidget): () => void {
  const { camera, imageryLayers, scene } = widget;
  camera.percentageChanged = 0.05;
  const update = () => {
    const base = imageryLayers.get(0);
    if (!base) return;
    const height = camera.positionCartographic.height;
    const t = (height - STREET_SCALE_HEIGHT) / (REGIONAL_SCALE_HEIGHT - STREET_SCALE_HEIGHT);
    const alpha = CesiumMath.clamp(t, 0, 1);
    if (alpha === base.alpha) return;
    base.alpha = alpha;
    base.show = alpha > 0;
    scene.requestRender();
  };
  const removeChanged = camera.changed.addEventListener(update);
  const removeMoveEnd = camera.moveEnd.addEventListener(update);
  update();
  return () => {
    removeChanged();
    removeMoveEnd();
  };
}
