/**
 * The step driver (SCHEME.md "One time step, in order" and "Time step"): advances one row band of the state to
 * a target time. With one thread the band is the whole grid and the barriers are no-ops; with several, every
 * worker runs this same loop on its band and the barriers separate the passes. Sources, the time step and the
 * global maximum depth are computed identically by every thread, so no thread waits for a coordinator.
 */
import type { FloodKernel } from './kernel';
import type { FloodFields } from './layout';
import { createStepSources, stepSources } from './forcing';
import type { Forcing, StepSources } from './forcing';

export interface Numerics {
  readonly g: number;
  readonly cflAlpha: number;
  readonly maxTimeStepSeconds: number;
}

/** Volumes (m³) accumulated by one thread; rain, drainage and inflow are the same on every thread. */
export interface Totals {
  steps: number;
  rain: number;
  drainage: number;
  inflow: number;
  /** Net volume that left through the band's edge faces. */
  outflow: number;
  /** Drainage that found no water (and clamped round-off), m³. */
  deficit: number;
}

/**
 * Synchronisation between the threads that share a state: `allMax` is the step's one barrier; it writes the
 * maxima over all threads of the band's maximum depth and face speed into `into`.
 */
export interface ThreadSync {
  barrier(): void;
  allMax(hMax: number, speed: number, into: { hMax: number; speed: number }): void;
}

export const SINGLE_THREAD: ThreadSync = {
  barrier: () => undefined,
  allMax: (hMax, speed, into) => {
    into.hMax = hMax;
    into.speed = speed;
  },
};

export interface BandDriver {
  t: number;
  hMax: number;
  /** Largest face signal speed of the last step, all bands (m/s; SCHEME.md "Time step"). */
  speed: number;
  readonly totals: Totals;
  /** Peak stage (datum-shifted) and its time at each gauge of the band (NaN for gauges outside it). */
  readonly gaugePeak: Float64Array;
  readonly gaugePeakTime: Float64Array;
}

interface DriverContext {
  readonly kernel: FloodKernel;
  readonly fields: FloodFields;
  readonly forcing: Forcing;
  readonly numerics: Numerics;
  readonly j0: number;
  readonly j1: number;
  readonly sync: ThreadSync;
  readonly sources: StepSources;
  /** Per inflow, its cells inside the band. */
  readonly inflowCells: readonly Int32Array[];
  readonly gaugeCells: readonly number[];
  readonly driver: BandDriver;
}

export interface BandOptions {
  kernel: FloodKernel;
  fields: FloodFields;
  forcing: Forcing;
  numerics: Numerics;
  block: { source: Float32Array; stages: Float32Array };
  j0: number;
  j1: number;
  sync: ThreadSync;
  /** Cell index of each gauge. */
  gaugeCells: readonly number[];
  /** Start time and the maximum depth of the initial state. */
  t: number;
  hMax: number;
}

export type Band = DriverContext;

export function createBand(options: BandOptions): Band {
  const { fields, forcing, j0, j1, gaugeCells } = options;
  const nx = fields.layout.nx;
  const inBand = (k: number): boolean => k >= j0 * nx && k < j1 * nx;
  return {
    ...options,
    sources: createStepSources(forcing, options.block),
    inflowCells: forcing.inflows.map((inflow) => Int32Array.from(inflow.cells.filter(inBand))),
    driver: {
      t: options.t,
      hMax: options.hMax,
      speed: 0,
      totals: { steps: 0, rain: 0, drainage: 0, inflow: 0, outflow: 0, deficit: 0 },
      gaugePeak: Float64Array.from(gaugeCells, (k) => (inBand(k) ? fields.z[k]! + fields.h[k]! : NaN)),
      gaugePeakTime: Float64Array.from(gaugeCells, (k) => (inBand(k) ? options.t : NaN)),
    },
  };
}

/**
 * The CFL step in f64, before landing on an output time (SCHEME.md "Time step"): the fastest signal is the larger
 * of the gravity wave √(g·hMax) and the fastest face's |q|/hf + √(g·hf) of the previous step (0 before the first).
 */
export function cflTimeStep(numerics: Numerics, dx: number, hMax: number, faceSpeed = 0): number {
  const speed = Math.max(Math.sqrt(numerics.g * hMax), faceSpeed);
  const cfl = speed > 0 ? (numerics.cflAlpha * dx) / speed : Infinity;
  return Math.min(numerics.maxTimeStepSeconds, cfl);
}

/** Volume leaving through the edge faces the band owns this step (SCHEME.md "Reductions"). */
function edgeOutflow(band: Band, dt: number): number {
  const { fields, j0, j1 } = band;
  const { nx, ny } = fields.layout;
  const { qxe, qye } = fields;
  let q = 0;
  for (let j = j0; j < j1; j++) q += qxe[j * (nx + 1) + nx]! - qxe[j * (nx + 1)]!;
  if (j0 === 0) for (let i = 0; i < nx; i++) q -= qye[i]!;
  if (j1 === ny) for (let i = 0; i < nx; i++) q += qye[ny * nx + i]!;
  return q * band.forcing.dx * dt;
}

/** Point inflows of the band (SCHEME.md "Pass D"); returns the band's new maximum depth. */
function addInflows(band: Band, hMax: number): number {
  const { h } = band.fields;
  const depth = band.sources.inflowDepth;
  for (let i = 0; i < band.inflowCells.length; i++) {
    const cells = band.inflowCells[i]!;
    const dh = depth[i]!;
    for (let c = 0; c < cells.length; c++) {
      const k = cells[c]!;
      h[k] = h[k]! + dh;
      hMax = Math.max(hMax, h[k]!);
    }
  }
  return hMax;
}

function trackGauges(band: Band, t: number): void {
  const { gaugePeak, gaugePeakTime } = band.driver;
  const { h, z } = band.fields;
  for (let g = 0; g < band.gaugeCells.length; g++) {
    const k = band.gaugeCells[g]!;
    const stage = z[k]! + h[k]!;
    if (stage > gaugePeak[g]!) {
      gaugePeak[g] = stage;
      gaugePeakTime[g] = t;
    }
  }
}

/** Runs steps until `tTarget` is reached exactly. Allocates nothing per step. */
export function advanceBand(band: Band, tTarget: number): void {
  const { kernel, forcing, numerics, j0, j1, sync, sources, driver } = band;
  const area = forcing.dx * forcing.dx;
  const { totals } = driver;
  while (driver.t < tTarget) {
    const raw = cflTimeStep(numerics, forcing.dx, driver.hMax, driver.speed);
    const lands = driver.t + raw >= tTarget;
    const dt = Math.fround(lands ? tTarget - driver.t : raw);
    stepSources(forcing, driver.t, dt, sources);
    const reduced = kernel.step(j0, j1, dt, totals.steps & 1);
    const bandMax = addInflows(band, reduced.hMax);
    const bandSpeed = reduced.speed;
    kernel.exportHalo(j0, j1, (totals.steps + 1) & 1);
    totals.deficit += reduced.deficit * area;
    totals.outflow += edgeOutflow(band, dt);
    totals.rain += sources.rainVolume;
    totals.drainage += sources.drainageVolume;
    totals.inflow += sources.inflowVolume;
    totals.steps++;
    driver.t = lands ? tTarget : driver.t + dt;
    trackGauges(band, driver.t);
    sync.allMax(bandMax, bandSpeed, driver);
  }
}
