/**
 * What crosses `page.evaluate` between the Node side of the WebGPU flood tests/bench and the page (entry.ts):
 * plain JSON; the cell arrays travel as one binary response (`cellsUrl`, served by floodPage.ts) because a
 * 2048 × 2048 grid is far too big for JSON.
 */
import type { RunSetup } from '../../../workers/flood/runner';
import type { Totals } from '../../../workers/flood/stepper';
import type { CellArrays } from '../../../workers/flood/state';

export interface RunRequest {
  setup: RunSetup;
  /** z, h, manning (f32) then zone (u8), nx·ny each: `encodeCells`. */
  cellsUrl: string;
  /** Output times (s): a depth frame comes back at each. */
  times: number[];
}

export interface RunReply {
  /** Depth per output time. */
  frames: number[][];
  gaugePeakStage: number[];
  gaugePeakTime: number[];
  totals: Totals;
  /** What `dispose` did: bytes before and after, whether `advance` then failed with code 'disposed', device loss. */
  disposal: { gpuBytesBefore: number; gpuBytesAfter: number; advanceAfter: string; deviceLost: string };
}

export interface BenchRequest {
  setup: RunSetup;
  cellsUrl: string;
  /** Simulated seconds between frame read-backs (output times). */
  chunkSeconds: number;
  /** Keep advancing until this much wall time has passed (after a warm-up chunk). */
  minWallSeconds: number;
  /** Steps recorded back to back, without the per-step read-back of the maximum depth. */
  unsyncedSteps: number;
}

export interface BenchReply {
  steps: number;
  wallSeconds: number;
  cellUpdatesPerSecond: number;
  unsyncedCellUpdatesPerSecond: number;
  gpuBytes: number;
}

export interface FloodPageApi {
  /** The adapter's description, or the `FloodWebGpuError` code and message when there is none. */
  probe(): Promise<{ ok: true; description: string; fallback: boolean } | { ok: false; code: string; message: string }>;
  /** `requestFloodDevice` against a GPU that has no adapter: the error code and message the app would show. */
  noAdapter(): Promise<{ code: string; message: string }>;
  run(request: RunRequest): Promise<RunReply>;
  bench(request: BenchRequest): Promise<BenchReply>;
}

export function encodeCells(cells: CellArrays): Uint8Array {
  const n = cells.z.length;
  const bytes = new Uint8Array(13 * n);
  const f32 = new Float32Array(bytes.buffer, 0, 3 * n);
  f32.set(cells.z, 0);
  f32.set(cells.h, n);
  f32.set(cells.manning, 2 * n);
  bytes.set(cells.zone, 12 * n);
  return bytes;
}

export function decodeCells(buffer: ArrayBuffer, n: number): CellArrays {
  return {
    z: new Float32Array(buffer, 0, n),
    h: new Float32Array(buffer, 4 * n, n),
    manning: new Float32Array(buffer, 8 * n, n),
    zone: new Uint8Array(buffer, 12 * n, n),
  };
}
