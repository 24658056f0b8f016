/**
 * The inspector's WebGL renderer (in the render worker), paced for software WebGL: at most one frame in flight (a
 * fence per frame, polled without blocking), and new shaders reach the GPU in fenced steps, one per frame: compile
 * everything, then draw one object per material into a single pixel. A program's first use otherwise waits for its
 * link, seconds on SwiftShader (no KHR_parallel_shader_compile), and makes synchronous queries; spreading them keeps
 * the worker answering between steps.
 */
import { Mesh, Scene, WebGLRenderer, type Camera, type Material } from 'three';
import type { ChunkMaterials } from './ChunkMeshes';
import { createModelMaterial } from './modelMaterial';

const HIGHLIGHT = 0x38c8ff;

/** One drawable mesh for each material in the scene: drawing it is the material's program's first use. */
function firstMeshPerMaterial(scene: Scene): Mesh[] {
  const meshes = new Map<Material, Mesh>();
  scene.traverseVisible((object) => {
    if (object instanceof Mesh && !Array.isArray(object.material) && !meshes.has(object.material)) meshes.set(object.material, object);
  });
  return [...meshes.values()];
}

export class PacedRenderer {
  readonly renderer: WebGLRenderer;
  readonly materials: ChunkMaterials;
  private stage: 'compile' | 'warm' | 'ready' = 'compile';
  private fence: WebGLSync | null = null;
  private warmQueue: Mesh[] = [];

  constructor(canvas: OffscreenCanvas, pixelRatio: number) {
    // No alpha: see-through materials must not make the page show through the canvas.
    this.renderer = new WebGLRenderer({ canvas, antialias: false, alpha: false });
    this.renderer.setPixelRatio(pixelRatio);
    // Reading back compile logs is a synchronous round trip per shader; the built app has no use for them.
    this.renderer.debug.checkShaderErrors = import.meta.env.DEV;
    this.materials = {
      opaque: createModelMaterial('opaque'),
      transparent: createModelMaterial('transparent'),
      highlight: createModelMaterial('highlight', HIGHLIGHT),
    };
  }

  /** three.js r187 draws with WebGL 2 only. */
  private get gl(): WebGL2RenderingContext {
    return this.renderer.getContext() as WebGL2RenderingContext;
  }

  /** Objects or section planes changed: their shaders go through `step` before the next `draw`. */
  invalidate(): void {
    this.stage = 'compile';
  }

  /** Whether new shaders still need a `step` before `draw`. */
  get ready(): boolean {
    return this.stage === 'ready';
  }

  /** One fenced step of getting new shaders onto the GPU. Call only when not `busy()`. */
  step(scene: Scene, camera: Camera): void {
    if (this.stage === 'compile') {
      this.renderer.compile(scene, camera);
      this.warmQueue = firstMeshPerMaterial(scene);
      this.stage = 'warm';
    } else {
      const mesh = this.warmQueue.shift();
      if (mesh) {
        this.renderer.setScissorTest(true);
        this.renderer.setScissor(0, 0, 1, 1);
        this.renderer.render(mesh, camera);
        this.renderer.setScissorTest(false);
      }
      if (this.warmQueue.length === 0) this.stage = 'ready';
    }
    this.fenceGpu();
  }

  /** A full, fenced frame. Call only when `ready` and not `busy()`. */
  draw(scene: Scene, camera: Camera): void {
    this.renderer.render(scene, camera);
    this.fenceGpu();
  }

  /** Marks the end of the commands issued so far. */
  private fenceGpu(): void {
    this.fence = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    this.gl.flush();
  }

  /** Whether the GPU is still working through the last fenced commands (a status query that never blocks). */
  busy(): boolean {
    if (!this.fence) return false;
    const gl = this.gl;
    if (gl.getSyncParameter(this.fence, gl.SYNC_STATUS) !== gl.SIGNALED) return true;
    gl.deleteSync(this.fence);
    this.fence = null;
    return false;
  }

  dispose(): void {
    if (this.fence) this.gl.deleteSync(this.fence);
    Object.values(this.materials).forEach((material) => material.dispose());
    this.renderer.dispose();
  }
}
