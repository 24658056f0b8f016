/**
 * Runs a prepared model on a runner: advances to every output time, samples the results there, reports
 * progress. The runner decides where the steps run (this thread, or workers); this file only orchestrates.
 */
import type { FloodRunner, RunSetup } from '../../../workers/flood/runner';
import { createResultAccumulator } from './results';
import type { FloodModel, FloodResults } from './types';

/** The plain-data part of a model a runner (and its workers) needs. */
export function runSetupOf(model: FloodModel): RunSetup {
  const { grid, numerics } = model;
  return {
    nx: grid.nx,
    ny: grid.ny,
    constants: {
      dx: grid.dx,
      g: 9.81,
      theta: numerics.theta,
      hEps: numerics.depthThresholdMeters,
      froudeCap: numerics.froudeCap,
      boundary: model.boundary,
    },
    forcing: model.forcing,
    numerics: { g: 9.81, cflAlpha: numerics.cflAlpha, maxTimeStepSeconds: numerics.maxTimeStepSeconds },
    gaugeCells: model.gauges.map((g) => g.cell),
  };
}

/** The output times: every interval, and the end. */
export function outputTimes(durationSeconds: number, intervalSeconds: number): number[] {
  const times: number[] = [];
  for (let k = 1; k * intervalSeconds < durationSeconds; k++) times.push(k * intervalSeconds);
  times.push(durationSeconds);
  return times;
}

export interface RunOptions {
  /** Called at each output time with the simulated time (s). */
  onProgress?: (t: number, durationSeconds: number) => void;
  /** Stop early (cancel): checked at each output time. */
  signal?: AbortSignal;
}

export async function runFlood(model: FloodModel, runner: FloodRunner, options: RunOptions = {}): Promise<FloodResults> {
  const results = createResultAccumulator(model, runner.fields);
  results.sample(runner.fields, 0);
  for (const t of outputTimes(model.durationSeconds, model.outputIntervalSeconds)) {
    options.signal?.throwIfAborted();
    await runner.advance(t);
    results.sample(runner.fields, t);
    options.onProgress?.(t, model.durationSeconds);
  }
  return results.finish(runner.fields, runner.totals(), runner.gaugePeaks(), runner.t);
}
