import { Cartesian3, Matrix4, Model, type CesiumWidget } from '@cesium/engine';
import type { IfcGeometryChunk } from '../../bim/types';
import { chunksToGlb } from './chunkGlb';
import { ElementStyle } from './ElementStyle';
import { glbModelOptions } from './glbModelOptions';

/** In front of the camera, metres: inside the view frustum whatever the camera's near plane. */
const AHEAD_M = 50;

/**
 * Compiles the shader programs of IFC models before a planner opens one. WebGL links a program when it is first
 * drawn, and Chromium's software renderer (SwiftShader, as on GPU-less office PCs and in CI) takes over a second
 * for Cesium's model shaders: the main thread would freeze while the first file streams in. So when the Thẩm định
 * BIM workspace first shows, one glb built like every IFC glb (an opaque and a translucent element, the same
 * attributes and element style) is drawn once in front of the camera, its triangles collapsed to a point so
 * nothing shows, then hidden. It stays alive, keeping the programs in Cesium's shader cache.
 */
export class ShaderWarmUp {
  private model: Model | null = null;
  private style: ElementStyle | null = null;
  private done = false;
  private started = false;
  private drawnOnce = false;
  private destroyed = false;
  private removeListener: (() => void) | null = null;

  constructor(private readonly viewer: CesiumWidget) {}

  get settled(): boolean {
    return !this.started || this.done;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const built = chunksToGlb([collapsedChunk()])!;
    this.style = new ElementStyle(built.featureExpressIds);
    void Model.fromGltfAsync(glbModelOptions(built.glb, this.ahead(), this.style.shader, true)).then((model) => {
      if (this.destroyed) {
        model.destroy();
        return;
      }
      this.model = model;
      this.viewer.scene.primitives.add(model);
      const { scene } = this.viewer;
      // Keep it ahead of the camera until a frame has drawn it ready, then hide it.
      const removePre = scene.preRender.addEventListener(() => Matrix4.clone(this.ahead(), model.modelMatrix));
      const removePost = scene.postRender.addEventListener(() => {
        if (!model.ready) return;
        if (!this.drawnOnce) {
          this.drawnOnce = true;
          scene.requestRender();
          return;
        }
        this.finish();
      });
      this.removeListener = () => {
        removePre();
        removePost();
      };
      scene.requestRender();
    }, () => this.finish());
  }

  private finish(): void {
    this.removeListener?.();
    this.removeListener = null;
    if (this.model) this.model.show = false;
    this.done = true;
  }

  private ahead(): Matrix4 {
    const { camera } = this.viewer;
    const point = Cartesian3.add(camera.positionWC, Cartesian3.multiplyByScalar(camera.directionWC, AHEAD_M, new Cartesian3()), new Cartesian3());
    return Matrix4.fromTranslation(point);
  }

  destroy(): void {
    this.destroyed = true;
    this.removeListener?.();
    if (this.model && !this.viewer.isDestroyed()) this.viewer.scene.primitives.remove(this.model);
    this.style?.destroy();
  }
}

/** Two elements, one opaque and one translucent, every vertex at the origin: drawn, but nothing to see. */
function collapsedChunk(): IfcGeometryChunk {
  return {
    chunkIndex: 0,
    positions: new Float32Array(18),
    normals: Float32Array.from({ length: 18 }, (_, i) => (i % 3 === 2 ? 1 : 0)),
    colors: Uint8Array.from({ length: 24 }, (_, i) => (i % 4 === 3 && i >= 12 ? 128 : 255)),
    vertexElementIds: Uint32Array.of(1, 1, 1, 2, 2, 2),
    indices: Uint32Array.of(0, 1, 2, 3, 4, 5),
    elementRanges: Uint32Array.of(1, 0, 3, 2, 3, 3),
  };
}
