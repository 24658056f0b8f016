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
  /** Largest Froude number a face discharge may reach (SCHEME.md pass A). */
  readonly froudeCap: number;
  /** Boundary kind per edge, N, E, S, W. */
  readonly boundary: readonly number[];
}

/** Reductions of a continuity pass over a band. */
export interface ContinuityResult {
  hMax: number;
  /** Σ max(z − η, 0)·(cells) before clamping, metres (times Δx² is volume): drainage that found no water. */
  deficit: number;
}

export interface FloodKernel {
  readonly name: 'reference' | 'wasm';
  momentum(j0: number, j1: number, dt: number): void;
  limiter(j0: number, j1: number, dt: number): void;
  /** Pass C; the returned object is reused by the next call. */
  continuity(j0: number, j1: number, dt: number): ContinuityResult;
}
