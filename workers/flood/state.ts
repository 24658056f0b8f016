/** Loading a model's cell arrays into a state, and the reductions the host needs from it. */
import type { FloodFields } from './layout';

export interface CellArrays {
  readonly z: Float32Array;
  readonly h: Float32Array;
  readonly manning: Float32Array;
  readonly zone: Uint8Array;
}

/** Copies the cell arrays in; faces start at rest and every limiter factor at 1. */
export function loadState(fields: FloodFields, cells: CellArrays): void {
  fields.z.set(cells.z);
  fields.h.set(cells.h);
  fields.manning.set(cells.manning);
  fields.zone.set(cells.zone);
  fields.r.fill(1);
  for (const faces of [fields.qx, fields.qy, fields.qxe, fields.qye]) faces.fill(0);
}

/** The maximum depth, which sets the first time step. */
export function maxDepthOf(fields: FloodFields): number {
  let hMax = 0;
  for (let k = 0; k < fields.h.length; k++) hMax = Math.max(hMax, fields.h[k]!);
  return hMax;
}
