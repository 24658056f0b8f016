/**
 * What every flood kernel (reference, WASM; WGSL mirrors it) exposes to the step driver: the three passes of
 * SCHEME.md over a row band `[j0, j1)`. The kernel reads its source table and edge stages from its thread block.
 */
/** Edge order of `KernelConstants.boundary` and of the stage array. */
export const EDGE_NORTH = 0;
export const EDGE_EAST = 1;
export const EDGE_SOUTH = 2;
export const EDGE_WEST = 3;

/** Boundary kinds (SCHEME.md "Boundary faces"). */
export const BOUNDARY_WALL = 0;
export const BOUNDARY_OPEN = 1;
export const BOUNDARY_STAGE = 2;

/** Constants of a run (SCHEME.md "Constants"). */
export interface KernelConstants {
  readonly dx: number;
  readonly g: number;
  readonly theta: number;
  readonly hEps: number;
  /** Largest Froude number a face discharge may reach (SCHEME.md pass A); 0: no cap (the default). */
  readonly froudeCap: number;
  /** Boundary kind per edge, N, E, S, W. */
  readonly boundary: readonly number[];
}

/** Reductions of one step over a band. */
export interface StepResult {
  hMax: number;
  /**
   * Largest signal speed |q|/hf + √(g·hf) (m/s) over the wet interior faces the band computed (SCHEME.md
   * "Time step"); a band may include faces of its neighbours, which changes no global maximum.
   */
  speed: number;
  /** Σ max(z − η, 0)·(cells) before clamping, metres (times Δx² is volume): drainage that found no water. */
  deficit: number;
}

export interface FloodKernel {
  readonly name: 'reference' | 'wasm';
  /**
   * Passes A, B and C of one step over the rows [j0, j1) (SCHEME.md). `parity` (the step number mod 2) picks
   * the halo copies of the neighbouring bands' rows (WASM with several threads). The result is reused.
   */
  step(j0: number, j1: number, dt: number, parity: number): StepResult;
  /** Copies the band's edge rows for the neighbours' next step (`parity` of that step); no-op in one band. */
  exportHalo(j0: number, j1: number, parity: number): void;
}
