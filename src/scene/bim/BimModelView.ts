import { BoundingSphere, Cartesian3, Matrix4, Model, type CesiumWidget } from '@cesium/engine';
import type { IfcGeometryChunk } from '../../bim/types';
import type { ChunkGlb } from './chunkGlb';
import { elementBox } from './elementBox';
import { ElementStyle } from './ElementStyle';
import type { GlbBuilder } from './glbBuilder';
import { glbModelOptions } from './glbModelOptions';

/** One glb of the model in the scene: its Cesium model, its element style and the expressId of each feature id. */
interface ModelPart {
  model: Model | null;
  style: ElementStyle;
  featureExpressIds: Uint32Array;
  ready: boolean;
}

/** What the view draws: the model's chunks so far, where it stands, and the shared element state. */
export interface BimModelDrawState {
  chunks: readonly IfcGeometryChunk[];
  /** The model is still streaming: wait a little to batch small chunks into fewer glbs. */
  loading: boolean;
  geometryOffset: [number, number, number];
  /** project metres → ECEF, column-major; null until placed. */
  projectToEcef: readonly number[] | null;
  visible: boolean;
  selected: number | null;
  hidden: ReadonlySet<number>;
  isolated: ReadonlySet<number> | null;
}

/**
 * A glb holds at most this many vertices (~6 MB of attributes; a bigger chunk makes a glb of its own): its upload
 * stays a short part of one frame, and a model of a million vertices is a handful of draw calls.
 */
const MAX_BATCH_VERTICES = 200_000;
/** While a model streams, chunks smaller than this wait up to BATCH_WAIT_MS for company. */
const MIN_BATCH_VERTICES = 60_000;
const BATCH_WAIT_MS = 250;

/**
 * One IFC model in the Cesium scene. Chunks are pulled from the registry as the store counts them, a few at a
 * time, built into a glb by the glb worker (one batch in flight, so parts keep their order) and drawn as Cesium
 * models placed by `projectToEcef · translate(geometryOffset)`. Owns only renderer objects; `sync` is given
 * everything it draws.
 */
export class BimModelView {
  private readonly parts: ModelPart[] = [];
  private state: BimModelDrawState | null = null;
  private consumed = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private building = false;
  private lastBatchAt = 0;
  private readonly matrix = new Matrix4();
  private readonly min = new Cartesian3(Infinity, Infinity, Infinity);
  private readonly max = new Cartesian3(-Infinity, -Infinity, -Infinity);
  private destroyed = false;

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly builder: GlbBuilder,
    private readonly onChange: () => void,
  ) {}

  /** Applies `state`; returns whether anything drawn changed (the scene then needs a frame). */
  sync(state: BimModelDrawState): boolean {
    const previous = this.state;
    this.state = state;
    let changed = false;
    if (state.projectToEcef && state.projectToEcef !== previous?.projectToEcef) {
      Matrix4.multiplyByTranslation(Matrix4.fromColumnMajorArray([...state.projectToEcef], this.matrix), Cartesian3.fromArray(state.geometryOffset), this.matrix);
      for (const part of this.parts) if (part.model) Matrix4.clone(this.matrix, part.model.modelMatrix);
      changed = true;
    }
    const restyle = state.selected !== previous?.selected || state.hidden !== previous.hidden || state.isolated !== previous.isolated;
    for (const part of this.parts) {
      if (part.model && part.model.show !== state.visible) {
        part.model.show = state.visible;
        changed = true;
      }
      if (restyle && part.style.update(state.selected, state.hidden, state.isolated)) changed = true;
    }
    this.schedule();
    return changed;
  }

  /** Every chunk counted so far is drawn (or the model is not placed, so nothing can be). */
  get settled(): boolean {
    const state = this.state;
    if (!state?.projectToEcef) return true;
    return this.consumed === state.chunks.length && !this.building && this.parts.every((part) => part.ready);
  }

  /** The drawn geometry's bounds in ECEF, null before the first glb. */
  boundingSphere(): BoundingSphere | null {
    if (this.min.x > this.max.x) return null;
    return this.sphereAround(this.min, this.max);
  }

  /** The bounds of one element's geometry in ECEF, null when it has none or the model is not placed. */
  elementBoundingSphere(expressId: number): BoundingSphere | null {
    const box = this.state ? elementBox(this.state.chunks, expressId) : null;
    return box ? this.sphereAround(Cartesian3.fromArray(box.min), Cartesian3.fromArray(box.max)) : null;
  }

  /** A box of the chunks' frame, placed in ECEF. */
  private sphereAround(min: Cartesian3, max: Cartesian3): BoundingSphere | null {
    if (!this.state?.projectToEcef) return null;
    const corners: Cartesian3[] = [];
    for (let i = 0; i < 8; i++) {
      const corner = new Cartesian3(i & 1 ? max.x : min.x, i & 2 ? max.y : min.y, i & 4 ? max.z : min.z);
      corners.push(Matrix4.multiplyByPoint(this.matrix, corner, corner));
    }
    return BoundingSphere.fromPoints(corners);
  }

  /** The top centre of the drawn geometry in ECEF (where a label stands), null before the first glb. */
  topCentre(): Cartesian3 | null {
    if (this.min.x > this.max.x || !this.state?.projectToEcef) return null;
    const top = new Cartesian3((this.min.x + this.max.x) / 2, (this.min.y + this.max.y) / 2, this.max.z);
    return Matrix4.multiplyByPoint(this.matrix, top, top);
  }

  /** The element a pick result shows, when it is a feature of this model. */
  elementOf(hit: unknown): number | null {
    if (typeof hit !== 'object' || hit === null || !('primitive' in hit) || !('featureId' in hit)) return null;
    const part = this.parts.find((p) => p.model !== null && p.model === hit.primitive);
    return part?.featureExpressIds[hit.featureId as number] ?? null;
  }

  private schedule(): void {
    const state = this.state;
    if (this.timer !== null || this.building || this.destroyed || !state?.projectToEcef || this.consumed >= state.chunks.length) return;
    let pending = 0;
    for (let i = this.consumed; i < state.chunks.length; i++) pending += state.chunks[i]!.positions.length / 3;
    const wait = state.loading && pending < MIN_BATCH_VERTICES ? Math.max(0, this.lastBatchAt + BATCH_WAIT_MS - performance.now()) : 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drawBatch();
    }, wait);
  }

  /** Sends the next chunks (up to MAX_BATCH_VERTICES) to the glb worker; draws the glb when it comes back. */
  private drawBatch(): void {
    const state = this.state;
    if (!state || this.destroyed) return;
    const batch: IfcGeometryChunk[] = [];
    let vertices = 0;
    while (this.consumed < state.chunks.length) {
      const chunk = state.chunks[this.consumed]!;
      const count = chunk.positions.length / 3;
      if (batch.length > 0 && vertices + count > MAX_BATCH_VERTICES) break;
      batch.push(chunk);
      vertices += count;
      this.consumed++;
    }
    this.lastBatchAt = performance.now();
    this.building = true;
    this.builder.build(batch).then(
      (built) => {
        this.building = false;
        if (built && !this.destroyed) this.addPart(built);
        this.schedule();
        this.onChange();
      },
      (error: unknown) => {
        // A batch that cannot be built is left out; the rest of the model still shows.
        console.warn('IFC view: a geometry batch could not be built', error);
        this.building = false;
        this.schedule();
        this.onChange();
      },
    );
  }

  private addPart(built: ChunkGlb): void {
    const state = this.state!;
    Cartesian3.minimumByComponent(this.min, Cartesian3.fromArray(built.min), this.min);
    Cartesian3.maximumByComponent(this.max, Cartesian3.fromArray(built.max), this.max);
    const style = new ElementStyle(built.featureExpressIds);
    style.update(state.selected, state.hidden, state.isolated);
    const part: ModelPart = { model: null, style, featureExpressIds: built.featureExpressIds, ready: false };
    this.parts.push(part);
    Model.fromGltfAsync(glbModelOptions(built.glb, this.matrix, style.shader, state.visible)).then((model) => {
      if (this.destroyed) {
        model.destroy();
        return;
      }
      part.model = model;
      // The placement, the workspace or the element state may have changed while the glb was parsed.
      Matrix4.clone(this.matrix, model.modelMatrix);
      model.show = this.state?.visible ?? false;
      model.readyEvent.addEventListener(() => {
        part.ready = true;
        this.onChange();
      });
      this.viewer.scene.primitives.add(model);
      this.viewer.scene.requestRender();
    }, (error: unknown) => {
      console.warn('IFC view: a geometry batch could not be drawn', error);
      part.ready = true;
      this.onChange();
    });
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    const { primitives } = this.viewer.scene;
    for (const part of this.parts.splice(0)) {
      if (part.model && !this.viewer.isDestroyed()) primitives.remove(part.model);
      part.style.destroy();
    }
  }
}
