/**
 * What the render worker draws: one model's chunks as meshes, the selection highlight, hidden and isolated
 * elements, section planes and measurement graphics, seen by a camera the page moves. It draws on demand only, a
 * frame when a request changed something, through `PacedRenderer`; `reset` hands it to the next view with its
 * renderer, programs and materials kept.
 */
import { Color, PerspectiveCamera, Plane, Scene, Vector2, Vector3 } from 'three';
import { isElementVisible } from '../elementRanges';
import { ChunkMeshes } from './ChunkMeshes';
import { MeasurementGraphics } from './MeasurementGraphics';
import { PacedRenderer } from './PacedRenderer';
import type { RenderRequest, RenderResponse } from './renderProtocol';

const BACKGROUND = 0x243242;
/** A frame step every 16 ms at most (60 per second). */
const FRAME_MS = 16;

export class ModelRenderer {
  private readonly paced: PacedRenderer;
  private readonly camera = new PerspectiveCamera();
  private scene = new Scene();
  private graphics = new MeasurementGraphics();
  private chunks: ChunkMeshes[] = [];
  private keep: (expressId: number) => boolean = () => true;
  private selected: number | null = null;
  private id = 0;
  /** The last request applied, the last one a drawn frame shows, and the last reported (once the GPU is through). */
  private seq = 0;
  private drawnSeq = 0;
  private reportedSeq = 0;
  private frameMs = 0;
  private prepareMs = 0;
  private frameRequested = false;

  constructor(
    canvas: OffscreenCanvas,
    pixelRatio: number,
    private readonly post: (response: RenderResponse) => void,
  ) {
    this.paced = new PacedRenderer(canvas, pixelRatio);
    this.camera.up.set(0, 0, 1);
    this.newScene();
  }

  private newScene(): void {
    this.scene = new Scene();
    this.scene.background = new Color(BACKGROUND);
    this.graphics = new MeasurementGraphics();
    this.scene.add(this.graphics.group);
    this.paced.renderer.clippingPlanes = [];
    this.paced.invalidate();
  }

  handle(request: RenderRequest): void {
    this.id = request.id;
    this.seq = request.seq;
    switch (request.type) {
      case 'init':
        break;
      case 'reset':
        this.chunks.forEach((chunk) => chunk.dispose());
        this.chunks = [];
        this.graphics.dispose();
        this.keep = () => true;
        this.selected = null;
        this.newScene();
        break;
      case 'size': {
        const { width, height, pixelRatio } = request.payload;
        const { renderer } = this.paced;
        const current = renderer.getSize(new Vector2());
        // A new drawing buffer is a GPU task of its own (up to a second on software WebGL): only on a real change.
        if (current.x !== width || current.y !== height || renderer.getPixelRatio() !== pixelRatio) renderer.setDrawingBufferSize(width, height, pixelRatio);
        this.graphics.setResolution(width, height);
        break;
      }
      case 'camera': {
        const { position, quaternion, fov, aspect, near, far } = request.payload;
        this.camera.position.set(...position);
        this.camera.quaternion.set(...quaternion);
        Object.assign(this.camera, { fov, aspect, near, far });
        this.camera.updateProjectionMatrix();
        break;
      }
      case 'chunk': {
        const chunk = new ChunkMeshes(request.payload, this.paced.materials);
        chunk.applyVisibility(this.keep);
        if (this.selected !== null) chunk.applyHighlight((id) => id === this.selected && this.keep(id));
        // Every chunk draws with the same materials and vertex layout: only the first brings new programs.
        if (this.chunks.length === 0) this.paced.invalidate();
        this.chunks.push(chunk);
        this.scene.add(...chunk.meshes);
        break;
      }
      case 'visibility': {
        const hidden = new Set(request.payload.hidden);
        const isolated = request.payload.isolated ? new Set(request.payload.isolated) : null;
        this.keep = (id) => isElementVisible(id, hidden, isolated);
        for (const chunk of this.chunks) chunk.applyVisibility(this.keep);
        this.highlight();
        break;
      }
      case 'selection':
        this.selected = request.payload.expressId;
        this.highlight();
        break;
      case 'sections':
        // Global planes cut the model, its highlight and the measurement lines alike, and `renderer.compile` sees
        // them, so a new number of planes compiles before it is drawn.
        this.paced.renderer.clippingPlanes = request.payload.planes.map(({ normal, constant }) => new Plane(new Vector3(...normal), constant));
        this.paced.invalidate();
        break;
      case 'measurements':
        this.graphics.update(request.payload.measurements, request.payload.pending);
        this.paced.invalidate();
        break;
    }
    this.requestFrame();
  }

  private highlight(): void {
    const shown = (id: number) => id === this.selected && this.keep(id);
    for (const chunk of this.chunks) {
      const before = chunk.meshes.length;
      chunk.applyHighlight(shown);
      if (chunk.meshes.length > before) {
        this.scene.add(chunk.meshes.at(-1)!);
        this.paced.invalidate();
      }
    }
  }

  /**
   * Timers, not the worker's requestAnimationFrame: that one is driven by the placeholder canvas's compositor frames
   * and stalls when the canvas moves to another view. An OffscreenCanvas shows what was drawn when the task ends.
   */
  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    setTimeout(() => {
      this.frameRequested = false;
      this.frame();
    }, FRAME_MS);
  }

  /**
   * One step per frame: wait for the GPU, report a frame it has finished, then either one step of
   * getting new shaders ready or a full frame of the latest state.
   */
  private frame(): void {
    if (this.paced.busy()) return this.requestFrame();
    if (this.drawnSeq > this.reportedSeq) {
      this.post({ type: 'drawn', id: this.id, payload: { seq: this.drawnSeq, frameMs: this.frameMs, prepareMs: this.prepareMs } });
      this.reportedSeq = this.drawnSeq;
    }
    if (this.drawnSeq === this.seq) return;
    const start = performance.now();
    if (!this.paced.ready) {
      this.paced.step(this.scene, this.camera);
      this.prepareMs = Math.max(this.prepareMs, performance.now() - start);
    } else {
      this.paced.draw(this.scene, this.camera);
      this.frameMs = Math.max(this.frameMs, performance.now() - start);
      this.drawnSeq = this.seq;
    }
    this.requestFrame();
  }
}
