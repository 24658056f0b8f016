/**
 * The page's side of the inspector's 3D view: the camera and its controls (pointer and keyboard), picking on the
 * CPU, measurement labels, and the model's chunks taken as they arrive, a few milliseconds at a time. Drawing is
 * the render worker's (ModelRenderer, through RenderLink): this class tells it what changed and hears when a frame
 * is done. It reads the registry and is told the view state; it owns no state the app shares.
 */
import { Box3, PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { LoadedIfcModel } from '../../modelRegistry';
import { isElementVisible } from '../elementRanges';
import type { Measurement } from '../measurements';
import { clipPlaneOf, type ClipPlane, type SectionPlane } from '../sectionPlanes';
import { elementBoxes, pickSurface, type PickableChunk, type SurfaceHit } from '../surfacePick';
import type { Vec3 } from '../vec3';
import { MeasurementLabels } from './MeasurementLabels';
import { RenderLink } from './RenderLink';
import type { RenderResponse } from './renderProtocol';

/** Work per slice while taking chunks: well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const CLICK_SLOP_PX = 5;
const TURN = (5 * Math.PI) / 180;
const PAN_PX = 40;

/** Grows `box` by the box of element range `r` (six floats per range; empty ranges have min > max). */
function expandByRange(box: Box3, boxes: Float32Array, r: number): void {
  if (boxes[6 * r]! > boxes[6 * r + 3]!) return;
  box.expandByPoint(new Vector3(boxes[6 * r], boxes[6 * r + 1], boxes[6 * r + 2]));
  box.expandByPoint(new Vector3(boxes[6 * r + 3], boxes[6 * r + 4], boxes[6 * r + 5]));
}

export interface InspectorSceneEvents {
  /** A click (not a drag) on the view: the visible surface under it, or null for empty space. */
  onSurfaceClick(hit: SurfaceHit | null): void;
  /** Enter or a double click: finish what the current tool collects (a polygon). */
  onFinish(): void;
  /** Esc: leave the current tool. */
  onEscape(): void;
  /** Every chunk the model holds so far is in the scene (bounds are final until more arrive). */
  onChunksShown(): void;
  /** The render worker could not draw (no WebGL 2 in a worker). */
  onRenderFailed(message: string): void;
}

export interface InspectorSceneStats {
  chunksShown: number;
  chunksAvailable: number;
  triangles: number;
  /** Frames the GPU has finished; requests sent to the render worker, and the last one a finished frame shows. */
  frames: number;
  requestsSent: number;
  requestsDrawn: number;
  /** In the render worker: the longest full frame, and the longest step of getting new shaders ready. */
  longestFrameMs: number;
  longestPrepareMs: number;
  /** Time spent on the page taking chunks (boxes for picking, the copy to the worker), and the longest slice. */
  ingestMs: number;
  longestSliceMs: number;
  /** When the last available chunk was taken, relative to the scene's creation. */
  lastIngestAtMs: number | null;
}

export class InspectorScene {
  private readonly link: RenderLink;
  private readonly camera = new PerspectiveCamera(45, 1, 0.1, 1000);
  private readonly controls: OrbitControls;
  private readonly labels: MeasurementLabels;
  private readonly chunks: PickableChunk[] = [];
  private readonly bounds = new Box3();
  private readonly resizeObserver: ResizeObserver;
  private readonly createdAt = performance.now();
  private readonly removeListeners: (() => void)[] = [];
  private model: LoadedIfcModel | null = null;
  private keep: (expressId: number) => boolean = () => true;
  private pickPlanes: ClipPlane[] = [];
  private frame = 0;
  private ingestTimer: ReturnType<typeof setTimeout> | null = null;
  private userMoved = false;
  private disposed = false;
  private stats: InspectorSceneStats = {
    chunksShown: 0, chunksAvailable: 0, triangles: 0, frames: 0, requestsSent: 0, requestsDrawn: 0, longestFrameMs: 0, longestPrepareMs: 0, ingestMs: 0, longestSliceMs: 0, lastIngestAtMs: null,
  };

  constructor(
    private readonly host: HTMLElement,
    private readonly events: InspectorSceneEvents,
  ) {
    this.link = RenderLink.lease((response) => this.onRender(response));
    const canvas = this.link.canvas;
    canvas.setAttribute('data-testid', 'inspector-canvas');
    host.prepend(canvas);
    this.labels = new MeasurementLabels(host);
    this.camera.up.set(0, 0, 1);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.addEventListener('change', () => this.requestRender());
    this.controls.addEventListener('start', () => (this.userMoved = true));
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.listen(canvas);
    this.resize();
  }

  private onRender(response: RenderResponse): void {
    if (response.type === 'failed') {
      this.events.onRenderFailed(response.payload.message);
      return;
    }
    const { seq, frameMs, prepareMs } = response.payload;
    this.stats.requestsDrawn = seq;
    this.stats.frames++;
    this.stats.longestFrameMs = frameMs;
    this.stats.longestPrepareMs = prepareMs;
  }

  private send: RenderLink['send'] = (type, payload, transfer) => {
    this.stats.requestsSent = this.link.send(type, payload, transfer);
    return this.stats.requestsSent;
  };

  private on<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, listener: (event: HTMLElementEventMap[K]) => void): void {
    target.addEventListener(type, listener);
    this.removeListeners.push(() => target.removeEventListener(type, listener));
  }

  private listen(canvas: HTMLCanvasElement): void {
    let down: { x: number; y: number } | null = null;
    this.on(canvas, 'pointerdown', (event) => {
      down = event.button === 0 ? { x: event.clientX, y: event.clientY } : null;
    });
    this.on(canvas, 'pointerup', (event) => {
      if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > CLICK_SLOP_PX) return;
      down = null;
      this.events.onSurfaceClick(this.pickAt(event.clientX, event.clientY));
    });
    this.on(canvas, 'dblclick', () => this.events.onFinish());
    this.on(this.host, 'keydown', (event) => this.onKey(event));
  }

  /** Keyboard twin of the pointer (WCAG 2.1.1): arrows orbit, Shift+arrows pan, +/− zoom, Home fits. */
  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.host || event.altKey || event.ctrlKey || event.metaKey) return;
    const pan = (x: number, y: number) => () => this.controls.pan(x, y);
    const actions: Record<string, () => void> = event.shiftKey
      ? { ArrowLeft: pan(PAN_PX, 0), ArrowRight: pan(-PAN_PX, 0), ArrowUp: pan(0, PAN_PX), ArrowDown: pan(0, -PAN_PX) }
      : {
          ArrowLeft: () => this.controls.rotateLeft(TURN),
          ArrowRight: () => this.controls.rotateLeft(-TURN),
          ArrowUp: () => this.controls.rotateUp(TURN),
          ArrowDown: () => this.controls.rotateUp(-TURN),
        };
    Object.assign(actions, {
      '+': () => this.dolly(0.8),
      '=': () => this.dolly(0.8),
      '-': () => this.dolly(1.25),
      Home: () => this.fit(),
      Escape: () => this.events.onEscape(),
      Enter: () => this.events.onFinish(),
    });
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    if (event.key !== 'Escape' && event.key !== 'Enter') this.userMoved = event.key !== 'Home';
    action();
    this.requestRender();
  }

  private dolly(factor: number): void {
    const offset = this.camera.position.clone().sub(this.controls.target).multiplyScalar(factor);
    this.camera.position.copy(this.controls.target).add(offset);
    this.controls.update();
  }

  private resize(): void {
    const width = Math.max(1, this.host.clientWidth);
    const height = Math.max(1, this.host.clientHeight);
    this.send('size', { width, height, pixelRatio: Math.min(window.devicePixelRatio, 2) });
    this.labels.setSize(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    if (this.userMoved) this.requestRender();
    else this.fit();
  }

  /** Sends the camera to the render worker and moves the labels, once per animation frame at most. */
  requestRender(): void {
    if (this.frame || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { position, quaternion, fov, aspect, near, far } = this.camera;
      this.send('camera', {
        position: [position.x, position.y, position.z], quaternion: [quaternion.x, quaternion.y, quaternion.z, quaternion.w], fov, aspect, near, far,
      });
      this.labels.render(this.camera);
    });
  }

  /** Every request sent has been drawn and the GPU has finished that frame: the canvas shows the current state. */
  settled(): boolean {
    return this.frame === 0 && this.stats.requestsDrawn >= this.stats.requestsSent;
  }

  /** Shows `model`, taking the chunks it holds now; call `pullChunks` when it grows. */
  setModel(model: LoadedIfcModel): void {
    this.model = model;
    this.pullChunks();
  }

  /** Takes the chunks that arrived since the last call, in slices of a few milliseconds. */
  pullChunks(): void {
    if (this.ingestTimer !== null || !this.model) return;
    this.stats.chunksAvailable = this.model.chunks.length;
    if (this.chunks.length >= this.model.chunks.length) return;
    const slice = () => {
      this.ingestTimer = null;
      const model = this.model;
      if (!model) return;
      const start = performance.now();
      while (this.chunks.length < model.chunks.length && performance.now() - start < SLICE_MS) this.ingest(model.chunks[this.chunks.length]!);
      const spent = performance.now() - start;
      this.stats.ingestMs += spent;
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
      this.stats.chunksAvailable = model.chunks.length;
      if (!this.userMoved) this.fit();
      if (this.chunks.length < model.chunks.length) this.ingestTimer = setTimeout(slice, 0);
      else {
        this.stats.lastIngestAtMs = performance.now() - this.createdAt;
        this.events.onChunksShown();
      }
    };
    this.ingestTimer = setTimeout(slice, 0);
  }

  /** Boxes for picking here; a copy of the chunk to the render worker (the registry keeps its own for other views). */
  private ingest(chunk: LoadedIfcModel['chunks'][number]): void {
    const { chunkIndex, positions, indices, elementRanges } = chunk;
    const boxes = elementBoxes(positions, indices, elementRanges);
    this.chunks.push({ chunkIndex, positions, indices, elementRanges, boxes });
    for (let r = 0; r < elementRanges.length / 3; r++) expandByRange(this.bounds, boxes, r);
    const { normals, colors } = chunk;
    this.send('chunk', { chunkIndex, positions, normals, colors, indices, elementRanges });
    this.stats.chunksShown = this.chunks.length;
    this.stats.triangles += indices.length / 3;
  }

  /** The model's extent in the model frame, or null before any geometry. */
  modelBounds(): { min: Vec3; max: Vec3 } | null {
    if (this.bounds.isEmpty()) return null;
    const { min, max } = this.bounds;
    return { min: [min.x, min.y, min.z], max: [max.x, max.y, max.z] };
  }

  view(): { position: Vec3; target: Vec3 } {
    const { position } = this.camera;
    const { target } = this.controls;
    return { position: [position.x, position.y, position.z], target: [target.x, target.y, target.z] };
  }

  /** The box of one element over all its chunks, or null when it has no geometry. */
  elementBox(expressId: number): { min: Vec3; max: Vec3 } | null {
    const box = new Box3();
    for (const { elementRanges, boxes } of this.chunks) {
      for (let r = 0; r < elementRanges.length / 3; r++) if (elementRanges[3 * r] === expressId) expandByRange(box, boxes, r);
    }
    return box.isEmpty() ? null : { min: [box.min.x, box.min.y, box.min.z], max: [box.max.x, box.max.y, box.max.z] };
  }

  /** Frames the whole model, seen from the south-east and above. */
  fit(): void {
    if (this.bounds.isEmpty()) return;
    const centre = this.bounds.getCenter(new Vector3());
    const radius = Math.max(0.5, this.bounds.getSize(new Vector3()).length() / 2);
    // The sphere must fit the narrower of the two fields of view (the pane is often taller than wide).
    const vertical = (this.camera.fov * Math.PI) / 180;
    const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * this.camera.aspect);
    const distance = (radius / Math.sin(Math.min(vertical, horizontal) / 2)) * 1.02;
    const direction = new Vector3(0.55, -0.7, 0.45).normalize();
    this.camera.near = radius / 200;
    this.camera.far = distance + radius * 20;
    this.camera.updateProjectionMatrix();
    this.camera.position.copy(centre).addScaledVector(direction, distance);
    this.controls.target.copy(centre);
    this.controls.update();
    this.requestRender();
  }

  setVisibility(hidden: ReadonlySet<number>, isolated: ReadonlySet<number> | null): void {
    this.keep = (id) => isElementVisible(id, hidden, isolated);
    this.send('visibility', { hidden: [...hidden], isolated: isolated ? [...isolated] : null });
  }

  setSelection(expressId: number | null): void {
    this.send('selection', { expressId });
  }

  setSections(sections: readonly SectionPlane[]): void {
    this.pickPlanes = sections.map(clipPlaneOf);
    this.send('sections', { planes: this.pickPlanes });
  }

  setMeasurements(measurements: readonly Measurement[], pending: readonly Vec3[], label: (m: Measurement) => string): void {
    this.send('measurements', { measurements: [...measurements], pending: [...pending] });
    this.labels.update(measurements, pending, label);
    this.labels.render(this.camera);
  }

  /** The visible, uncut surface under a page position. */
  pickAt(clientX: number, clientY: number): SurfaceHit | null {
    this.camera.updateMatrixWorld();
    const rect = this.link.canvas.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    const { ray } = new Raycaster();
    ray.origin.setFromMatrixPosition(this.camera.matrixWorld);
    ray.direction.set(ndc.x, ndc.y, 0.5).unproject(this.camera).sub(ray.origin).normalize();
    return pickSurface(
      this.chunks,
      { origin: [ray.origin.x, ray.origin.y, ray.origin.z], direction: [ray.direction.x, ray.direction.y, ray.direction.z] },
      this.keep,
      this.pickPlanes,
    );
  }

  /** Page position of a model-frame point, or null when it is behind the camera. */
  toPage(p: Vec3): [number, number] | null {
    this.camera.updateMatrixWorld();
    const v = new Vector3(...p).project(this.camera);
    if (v.z > 1) return null;
    const rect = this.link.canvas.getBoundingClientRect();
    return [rect.left + ((v.x + 1) / 2) * rect.width, rect.top + ((1 - v.y) / 2) * rect.height];
  }

  /** The typed arrays of a chunk, for measuring a face of a hit. */
  chunkArrays(chunkIndex: number): { positions: Float32Array; indices: Uint32Array } | null {
    return this.chunks.find((c) => c.chunkIndex === chunkIndex) ?? null;
  }

  getStats(): InspectorSceneStats {
    return { ...this.stats };
  }

  dispose(): void {
    this.disposed = true;
    if (this.ingestTimer !== null) clearTimeout(this.ingestTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.removeListeners.forEach((remove) => remove());
    this.resizeObserver.disconnect();
    this.controls.dispose();
    this.labels.dispose();
    this.link.release();
    this.model = null;
  }
}
