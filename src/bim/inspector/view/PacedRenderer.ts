/**
 * The inspector's WebGL renderer, paced for software WebGL and kept across models.
 *
 * Pacing: at most one frame in flight (a fence per frame, polled without blocking), and new shaders reach the GPU
 * in fenced steps, one per frame: compile everything, then draw one object per material into a single pixel. A
 * program's first use otherwise blocks the page until its link finishes, seconds on SwiftShader, which has no
 * KHR_parallel_shader_compile; and that first use makes synchronous queries, so one program per frame.
 *
 * Kept: one renderer (its context, compiled programs and materials) serves one view after another, so opening
 * another model compiles nothing. A second view open at the same time gets a renderer of its own.
 */
import { Mesh, Scene, WebGLRenderer, type Camera, type Material } from 'three';
import type { ChunkMaterials } from './ChunkMeshes';
import { createModelMaterial } from './modelMaterial';

const HIGHLIGHT = 0x38c8ff;

let idle: PacedRenderer | null = null;

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
  private released = false;

  /** The kept renderer if no view holds it, else a new one. */
  static lease(): PacedRenderer {
    const renderer = idle ?? new PacedRenderer();
    idle = null;
    renderer.released = false;
    return renderer;
  }

  private constructor() {
    // No alpha: see-through materials must not make the page show through the canvas.
    this.renderer = new WebGLRenderer({ antialias: false, alpha: false });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    // Reading back compile logs is a synchronous round trip per shader; the built app has no use for them.
    this.renderer.debug.checkShaderErrors = import.meta.env.DEV;
    this.materials = {
      opaque: createModelMaterial('opaque'),
      transparent: createModelMaterial('transparent'),
      highlight: createModelMaterial('highlight', HIGHLIGHT),
    };
  }

  get canvas(): HTMLCanvasElement {
    return this.renderer.domElement;
  }

  /** three.js r187 draws with WebGL 2 only. */
  private get gl(): WebGL2RenderingContext {
    return this.renderer.getContext() as WebGL2RenderingContext;
  }

  /** Objects or section planes changed: their shaders go through `prepare` before the next full frame. */
  invalidate(): void {
    this.stage = 'compile';
  }

  /**
   * Called once per animation frame with something to show: draws `scene`, or takes one step of getting new
   * shaders ready, or waits for the GPU. Returns whether it drew.
   */
  frame(scene: Scene, camera: Camera): boolean {
    if (this.gpuBusy()) return false;
    if (this.stage !== 'ready') {
      this.prepare(scene, camera);
      return false;
    }
    this.renderer.render(scene, camera);
    this.fenceGpu();
    return true;
  }

  private prepare(scene: Scene, camera: Camera): void {
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

  /** Nothing waits to be prepared and the GPU has finished the last frame. */
  settled(): boolean {
    return this.stage === 'ready' && !this.gpuBusy();
  }

  /** Marks the end of the commands issued so far. */
  private fenceGpu(): void {
    this.fence = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    this.gl.flush();
  }

  /** Whether the GPU is still working through the last fenced commands (a status query that never blocks). */
  private gpuBusy(): boolean {
    if (!this.fence) return false;
    const gl = this.gl;
    if (gl.getSyncParameter(this.fence, gl.SYNC_STATUS) !== gl.SIGNALED) return true;
    gl.deleteSync(this.fence);
    this.fence = null;
    return false;
  }

  /**
   * The view is done with it: kept for the next view (section planes and the warm queue cleared, the canvas
   * detached), or disposed when one is kept already.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.renderer.clippingPlanes = [];
    this.warmQueue = [];
    this.stage = 'compile';
    this.canvas.remove();
    if (idle === null) idle = this;
    else this.dispose();
  }

  private dispose(): void {
    if (this.fence) this.gl.deleteSync(this.fence);
    Object.values(this.materials).forEach((material) => material.dispose());
    this.renderer.dispose();
    // Free the context now rather than at garbage collection: a page has a budget of live WebGL contexts.
    this.renderer.forceContextLoss();
  }
}
