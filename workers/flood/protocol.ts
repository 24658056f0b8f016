/**
 * Messages between the flood pool (pool.ts) and its band workers, in Sao's envelope `{ type, id, payload }`.
 *
 *   pool                                   worker t (rows j0..j1 of the shared state)
 *    │── init { module, memory, … } ───────▶│ instantiate the WASM kernel on the shared memory
 *    │◀────────────────────────── ready ────│
 *    │── advance { tTarget } ──────────────▶│ steps, meeting the other workers at 3 barriers per step
 *    │◀───── advanced { totals, gauges } ───│ (state is in the shared memory; nothing is copied)
 *    │── dispose ──────────────────────────▶│ closes
 *   errors come back as { type: 'error', payload: { name, message } }.
 */
import type { KernelConstants } from './kernel';
import type { Forcing } from './forcing';
import type { FloodLayout } from './layout';
import type { Numerics, Totals } from './stepper';

export interface InitPayload {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  layout: FloodLayout;
  constants: KernelConstants;
  forcing: Forcing;
  numerics: Numerics;
  gaugeCells: number[];
  thread: number;
  threads: number;
  j0: number;
  j1: number;
  t: number;
  hMax: number;
}

export type FloodRequest =
  | { type: 'init'; id: number; payload: InitPayload }
  | { type: 'advance'; id: number; payload: { tTarget: number } }
  | { type: 'dispose'; id: number; payload: null };

export interface AdvancedPayload {
  t: number;
  totals: Totals;
  gaugePeak: Float64Array;
  gaugePeakTime: Float64Array;
}

export type FloodResponse =
  | { type: 'ready'; id: number; payload: null }
  | { type: 'advanced'; id: number; payload: AdvancedPayload }
  | { type: 'error'; id: number; payload: { name: string; message: string } };
