/**
 * The inspector's three.js scene: one model's chunks as meshes (taken as they arrive, a few milliseconds of work at a
 * time so the main thread stays free while a model loads), orbit controls with a keyboard twin, CPU picking,
 * section planes, the selection highlight and measurements. It draws on demand only: a frame when something
 * changed, none while idle. Renderer-only: it reads the registry and is told the view state; it owns no state
 * the app shares.
 */
import {
  Box3, Color, PerspectiveCamera, Plane, Raycaster, Scene, Vector2, Vector3, type WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { LoadedIfcModel } from '../../modelRegistry';
import { isElementVisible } from '../elementRanges';
import type { Measurement } from '../measurements';
import { clipPlaneOf, type ClipPlane, type SectionPlane } from '../sectionPlanes';
import { pickSurface, type SurfaceHit } from '../surfacePick';
import type { Vec3 } from '../vec3';
import { ChunkMeshes, type ChunkMaterials } from './ChunkMeshes';
import { PacedRenderer } from './PacedRenderer';
import { MeasurementOverlay } from './MeasurementOverlay';

/** Work per slice while taking chunks: well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const CLICK_SLOP_PX = 5;
const TURN = (5 * Math.PI) / 180;
const PAN_PX = 40;
const BACKGROUND = 0x243242;

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
}

export interface InspectorSceneStats {
  chunksShown: number;
  chunksAvailable: number;
  triangles: number;
  frames: number;
  /** The longest time a frame took to draw (shaders are compiled beforehand, off the main thread). */
  longestFrameMs: number;
  /** The longest step of getting new shaders onto the GPU (`prepare`). */
  longestPrepareMs: number;
  /** Time spent turning chunks into meshes, and the longest single slice of that work. */
  ingestMs: number;
  longestSliceMs: number;
  /** When the last available chunk was taken, relative to the scene's creation. */
  lastIngestAtMs: number | null;
}

export class InspectorScene {
  private readonly paced: PacedRenderer;
  private readonly renderer: WebGLRenderer;
  private readonly labels = new CSS2DRenderer();
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(45, 1, 0.1, 1000);
  private readonly controls: OrbitControls;
  private readonly overlay = new MeasurementOverlay();
  private readonly materials: ChunkMaterials;
  private readonly chunks: ChunkMeshes[] = [];
  private readonly chunksOf = new Map<number, ChunkMeshes[]>();
  private readonly bounds = new Box3();
  private readonly resizeObserver: ResizeObserver;
  private readonly createdAt = performance.now();
  private readonly removeListeners: (() => void)[] = [];
  private model: LoadedIfcModel | null = null;
  private keep: (expressId: number) => boolean = () => true;
  private selected: number | null = null;
  private highlighted: ChunkMeshes[] = [];
  private pickPlanes: ClipPlane[] = [];
  private frame = 0;
  private ingestTimer: ReturnType<typeof setTimeout> | null = null;
  private userMoved = false;
  private disposed = false;
  private stats: InspectorSceneStats = {
    chunksShown: 0, chunksAvailable: 0, triangles: 0, frames: 0, longestFrameMs: 0, longestPrepareMs: 0, ingestMs: 0, longestSliceMs: 0, lastIngestAtMs: null,
  };

  constructor(
    private readonly host: HTMLElement,
    private readonly events: InspectorSceneEvents,
  ) {
    this.paced = PacedRenderer.lease();
    this.renderer = this.paced.renderer;
    const canvas = this.paced.canvas;
    canvas.setAttribute('data-testid', 'inspector-canvas');
    host.prepend(canvas);
    this.materials = this.paced.materials;
    this.scene.background = new Color(BACKGROUND);
    this.camera.up.set(0, 0, 1);
    this.scene.add(this.overlay.group);

    this.labels.domElement.className = 'inspector-labels';
    host.appendChild(this.labels.domElement);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.addEventListener('change', () => this.requestRender());
    this.controls.addEventListener('start', () => (this.userMoved = true));
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.listen(canvas);
    this.resize();
  }

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
    this.renderer.setSize(width, height, false);
    this.labels.setSize(width, height);
    this.overlay.setResolution(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    if (this.userMoved) this.requestRender();
    else this.fit();
  }

  requestRender(): void {
    if (this.frame || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      const drew = this.paced.frame(this.scene, this.camera);
      const spent = performance.now() - start;
      if (!drew) {
        this.stats.longestPrepareMs = Math.max(this.stats.longestPrepareMs, spent);
        this.requestRender();
        return;
      }
      this.labels.render(this.scene, this.camera);
      this.stats.frames++;
      this.stats.longestFrameMs = Math.max(this.stats.longestFrameMs, spent);
    });
  }

  /** Nothing left to draw, and the GPU has finished the last frame: what is on screen is the current state. */
  settled(): boolean {
    return this.frame === 0 && this.paced.settled();
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
      this.requestRender();
      if (this.chunks.length < model.chunks.length) this.ingestTimer = setTimeout(slice, 0);
      else {
        this.stats.lastIngestAtMs = performance.now() - this.createdAt;
        this.events.onChunksShown();
      }
    };
    this.ingestTimer = setTimeout(slice, 0);
  }

  private ingest(chunk: LoadedIfcModel['chunks'][number]): void {
    const meshes = new ChunkMeshes(chunk, this.materials);
    this.chunks.push(meshes);
    this.stats.chunksShown = this.chunks.length;
    this.stats.triangles += meshes.triangles;
    const { elementRanges, boxes } = meshes.pickable;
    for (let r = 0; r < elementRanges.length / 3; r++) {
      const id = elementRanges[3 * r]!;
      const list = this.chunksOf.get(id);
      if (!list) this.chunksOf.set(id, [meshes]);
      else if (!list.includes(meshes)) list.push(meshes);
      expandByRange(this.bounds, boxes, r);
    }
    meshes.applyVisibility(this.keep);
    if (this.selected !== null && this.chunksOf.get(this.selected)?.includes(meshes)) this.highlight();
    this.scene.add(...meshes.meshes);
    this.paced.invalidate();
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
    for (const chunk of this.chunksOf.get(expressId) ?? []) {
      const { elementRanges, boxes } = chunk.pickable;
      for (let r = 0; r < elementRanges.length / 3; r++) {
        if (elementRanges[3 * r] === expressId) expandByRange(box, boxes, r);
      }
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
    for (const chunk of this.chunks) chunk.applyVisibility(this.keep);
    this.highlight();
    this.requestRender();
  }

  setSelection(expressId: number | null): void {
    this.selected = expressId;
    this.highlight();
    this.requestRender();
  }

  private highlight(): void {
    const selected = this.selected;
    const shown = (id: number) => id === selected && this.keep(id);
    const chunks = selected === null ? [] : (this.chunksOf.get(selected) ?? []);
    for (const chunk of new Set([...this.highlighted, ...chunks])) {
      const hadMesh = chunk.meshes.length;
      chunk.applyHighlight(shown);
      if (chunk.meshes.length > hadMesh) {
        this.scene.add(chunk.meshes.at(-1)!);
        this.paced.invalidate();
      }
    }
    this.highlighted = chunks;
  }

  setSections(sections: readonly SectionPlane[]): void {
    this.pickPlanes = sections.map(clipPlaneOf);
    // Global planes: they cut the model, its highlight and the measurement lines alike, and (unlike a material's
    // own planes) `renderer.compile` sees them, so a new plane count compiles before it is drawn.
    this.renderer.clippingPlanes = this.pickPlanes.map(({ normal, constant }) => new Plane(new Vector3(...normal), constant));
    this.paced.invalidate();
    this.requestRender();
  }

  setMeasurements(measurements: readonly Measurement[], pending: readonly Vec3[], label: (m: Measurement) => string): void {
    this.overlay.update(measurements, pending, label);
    this.paced.invalidate();
    this.requestRender();
  }

  /** The visible, uncut surface under a page position. */
  pickAt(clientX: number, clientY: number): SurfaceHit | null {
    const rect = this.renderer.domElement.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    const { ray } = new Raycaster();
    ray.origin.setFromMatrixPosition(this.camera.matrixWorld);
    ray.direction.set(ndc.x, ndc.y, 0.5).unproject(this.camera).sub(ray.origin).normalize();
    return pickSurface(
      this.chunks.map((c) => c.pickable),
      { origin: [ray.origin.x, ray.origin.y, ray.origin.z], direction: [ray.direction.x, ray.direction.y, ray.direction.z] },
      this.keep,
      this.pickPlanes,
    );
  }

  /** Page position of a model-frame point, or null when it is behind the camera. */
  toPage(p: Vec3): [number, number] | null {
    const v = new Vector3(...p).project(this.camera);
    if (v.z > 1) return null;
    const rect = this.renderer.domElement.getBoundingClientRect();
    return [rect.left + ((v.x + 1) / 2) * rect.width, rect.top + ((1 - v.y) / 2) * rect.height];
  }

  /** The chunk meshes' typed arrays, for measuring a face of a hit. */
  chunkArrays(chunkIndex: number): { positions: Float32Array; indices: Uint32Array } | null {
    return this.chunks.find((c) => c.pickable.chunkIndex === chunkIndex)?.pickable ?? null;
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
    this.chunks.forEach((chunk) => chunk.dispose());
    this.overlay.dispose();
    this.labels.domElement.remove();
    this.paced.release();
    this.model = null;
  }
}
