/**
 * What crosses `page.evaluate` between the Node side of the WebGPU flood tests/bench and the page (entry.ts):
 * plain JSON, typed arrays as number arrays.
 */
import type { RunSetup } from '../../../workers/flood/runner';
import type { Totals } from '../../../workers/flood/stepper';
import type { CellArrays } from '../../../workers/flood/state';

export interface PlainCells {
  z: number[];
  h: number[];
  manning: number[];
  zone: number[];
}

export interface RunRequest {
  setup: RunSetup;
  cells: PlainCells;
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
  cells: PlainCells;
  /** Simulated seconds to time (after a warm-up of one step). */
  simSeconds: number;
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

export function plainCells(cells: CellArrays): PlainCells {
  return { z: Array.from(cells.z), h: Array.from(cells.h), manning: Array.from(cells.manning), zone: Array.from(cells.zone) };
}

export function typedCells(cells: PlainCells): CellArrays {
  return {
    z: Float32Array.from(cells.z),
    h: Float32Array.from(cells.h),
    manning: Float32Array.from(cells.manning),
    zone: Uint8Array.from(cells.zone),
  };
}
