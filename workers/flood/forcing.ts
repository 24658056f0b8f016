/**
 * Sources and boundary stages of one time step, integrated exactly over [t, t + Δt] (SCHEME.md "Sources").
 * Plain data in, plain numbers out: the same function runs on the main thread and in every worker, so all
 * threads agree on the step's sources without talking.
 */

/** `[seconds, value]` pairs as two arrays, times ascending. */
export interface Series {
  readonly times: readonly number[];
  readonly values: readonly number[];
}

/** One combination of rain zone and drainage zone; a cell's `zone` indexes `Forcing.zones`. */
export interface SourceZone {
  readonly rain: number;
  readonly drainage: number;
  /** Active cells in the zone (for the volume balance). */
  readonly cells: number;
}

export interface Inflow {
  /** m³/s, piecewise linear, constant beyond its ends. */
  readonly hydrograph: Series;
  /** Cell indices that share the inflow equally. */
  readonly cells: readonly number[];
}

export interface Forcing {
  readonly dx: number;
  /** Hyetographs, mm/h, step functions (value at t_k holds until t_k+1), one per rain zone. */
  readonly rain: readonly Series[];
  /** Drainage capacity per drainage zone, mm/h. */
  readonly drainageMmPerHour: readonly number[];
  readonly zones: readonly SourceZone[];
  readonly inflows: readonly Inflow[];
  /** Fixed stage per edge (N, E, S, W), datum-shifted metres, piecewise linear; null when not a stage edge. */
  readonly stages: readonly (Series | null)[];
}

/** What one step adds; written in place by `stepSources`. */
export interface StepSources {
  /** m of water added per zone this step (rain − drainage), as the kernel reads it (f32). */
  readonly source: Float32Array;
  readonly stages: Float32Array;
  /** m added to each cell of inflow i this step. */
  readonly inflowDepth: Float64Array;
  rainVolume: number;
  drainageVolume: number;
  inflowVolume: number;
}

const MM_PER_HOUR = 1 / 3.6e6;

/** ∫ of a step function over [t0, t1]: the value at times[k] holds on [times[k], times[k+1]), 0 before times[0]. */
export function stepIntegral(series: Series, t0: number, t1: number): number {
  const { times, values } = series;
  let sum = 0;
  for (let k = 0; k < times.length; k++) {
    const a = Math.max(t0, times[k]!);
    const b = Math.min(t1, k + 1 < times.length ? times[k + 1]! : Infinity);
    if (b > a) sum += values[k]! * (b - a);
  }
  return sum;
}

/** Value of a piecewise linear series at t, constant beyond its ends. */
export function linearAt(series: Series, t: number): number {
  const { times, values } = series;
  const last = times.length - 1;
  if (t <= times[0]!) return values[0]!;
  if (t >= times[last]!) return values[last]!;
  let k = 0;
  while (times[k + 1]! < t) k++;
  const w = (t - times[k]!) / (times[k + 1]! - times[k]!);
  return values[k]! + w * (values[k + 1]! - values[k]!);
}

/** ∫ of a piecewise linear series over [t0, t1]: trapezoids between t0, every breakpoint inside, and t1. */
export function linearIntegral(series: Series, t0: number, t1: number): number {
  let sum = 0;
  let a = t0;
  let va = linearAt(series, a);
  for (const tk of series.times) {
    if (tk <= a || tk >= t1) continue;
    const vk = linearAt(series, tk);
    sum += 0.5 * (va + vk) * (tk - a);
    a = tk;
    va = vk;
  }
  return sum + 0.5 * (va + linearAt(series, t1)) * (t1 - a);
}

/** Step sources writing into a kernel's thread block (`source`: 256 f32, `stages`: 4 f32). */
export function createStepSources(forcing: Forcing, block: { source: Float32Array; stages: Float32Array }): StepSources {
  return {
    source: block.source,
    stages: block.stages,
    inflowDepth: new Float64Array(forcing.inflows.length),
    rainVolume: 0,
    drainageVolume: 0,
    inflowVolume: 0,
  };
}

/** Fills `out` for the step [t, t + dt]. Allocates nothing. */
export function stepSources(forcing: Forcing, t: number, dt: number, out: StepSources): void {
  const area = forcing.dx * forcing.dx;
  out.rainVolume = 0;
  out.drainageVolume = 0;
  const { zones, inflows, stages } = forcing;
  for (let z = 0; z < zones.length; z++) {
    const zone = zones[z]!;
    const rain = stepIntegral(forcing.rain[zone.rain]!, t, t + dt) * MM_PER_HOUR;
    const drainage = (forcing.drainageMmPerHour[zone.drainage] ?? 0) * dt * MM_PER_HOUR;
    out.source[z] = rain - drainage;
    out.rainVolume += rain * zone.cells * area;
    out.drainageVolume += drainage * zone.cells * area;
  }
  out.inflowVolume = 0;
  for (let i = 0; i < inflows.length; i++) {
    const inflow = inflows[i]!;
    const volume = linearIntegral(inflow.hydrograph, t, t + dt);
    out.inflowDepth[i] = inflow.cells.length > 0 ? volume / (inflow.cells.length * area) : 0;
    out.inflowVolume += volume;
  }
  for (let edge = 0; edge < 4; edge++) {
    const stage = stages[edge];
    out.stages[edge] = stage ? linearAt(stage, t) : 0;
  }
}
