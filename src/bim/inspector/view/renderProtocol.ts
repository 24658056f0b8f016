/**
 * Messages between the inspector's view (main thread) and its render worker, in Sao's envelope
 * `{ type, id, payload }`; `id` is the lease of the view that sent it, so a view that took over a kept worker never
 * sees frames drawn for the one before. WebGL runs in the worker on an OffscreenCanvas: on software WebGL a
 * context's creation, a canvas resize or a shader's first use can block for seconds, and none of it may block the page.
 *
 *   view (main thread)                                  render worker
 *    │── init { canvas (transferred), pixelRatio } ──▶│ WebGLRenderer on the OffscreenCanvas
 *    │── reset ──────────────────────────────────────▶│ drops the model; keeps renderer, programs, materials
 *    │── size / camera / chunk / visibility /  ───────▶│ each one: a frame is due
 *    │   selection / sections / measurements           │
 *    │◀──────────── drawn { seq, frameMs, prepareMs } ─│ the GPU finished a frame showing requests up to `seq`
 *    │◀──────────── failed { message } ────────────────│ no WebGL 2 in the worker
 */
import type { IfcGeometryChunk } from '../../types';
import type { Measurement } from '../measurements';
import type { ClipPlane } from '../sectionPlanes';
import type { Vec3 } from '../vec3';

/** What the worker needs of a chunk to draw it (the per-vertex element ids serve picking, on the page). */
export type ChunkGeometry = Omit<IfcGeometryChunk, 'vertexElementIds'>;

export interface CameraState {
  position: Vec3;
  quaternion: [number, number, number, number];
  fov: number;
  aspect: number;
  near: number;
  far: number;
}

interface Envelope<T extends string, P> {
  type: T;
  id: number;
  /** Sequence number of this request on its worker (rising across leases): `drawn` reports the last one a frame shows. */
  seq: number;
  payload: P;
}

export type RenderRequest =
  | Envelope<'init', { canvas: OffscreenCanvas; pixelRatio: number }>
  | Envelope<'reset', null>
  | Envelope<'size', { width: number; height: number; pixelRatio: number }>
  | Envelope<'camera', CameraState>
  | Envelope<'chunk', ChunkGeometry>
  | Envelope<'visibility', { hidden: number[]; isolated: number[] | null }>
  | Envelope<'selection', { expressId: number | null }>
  | Envelope<'sections', { planes: ClipPlane[] }>
  | Envelope<'measurements', { measurements: Measurement[]; pending: Vec3[] }>;

export type RenderResponse =
  | { type: 'drawn'; id: number; payload: { seq: number; frameMs: number; prepareMs: number } }
  | { type: 'failed'; id: number; payload: { name: string; message: string } };
