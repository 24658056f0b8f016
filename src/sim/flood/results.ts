/**
 * Results sampled from the state at every output time (SCHEME.md "Reductions and diagnostics"): maxima of depth,
 * speed and hazard, time of first inundation, gauge series; the volume balance at the end. Levels get `zRef`
 * back here.
 */
import type { FloodFields } from '../../../workers/flood/layout';
import type { Totals } from '../../../workers/flood/stepper';
import { hazardRating } from './hazard';
import type { FloodModel, FloodResults, GaugeResult } from './types';

export interface ResultAccumulator {
  sample(fields: FloodFields, t: number): void;
  finish(fields: FloodFields, totals: Totals, gaugePeaks: { stage: Float64Array; time: Float64Array }, t: number): FloodResults;
}

/** Stored water volume Σ h·Δx² (f64). */
export function storedVolume(fields: FloodFields, dx: number): number {
  let sum = 0;
  for (let k = 0; k < fields.h.length; k++) sum += fields.h[k]!;
  return sum * dx * dx;
}

/** Cell speed from the effective face discharges, 0 where h ≤ hEps (SCHEME.md). */
export function cellSpeed(fields: FloodFields, k: number, h: number, hEps: number): number {
  if (h <= hEps) return 0;
  const { nx } = fields.layout;
  const w = k + Math.floor(k / nx);
  const u = (0.5 * (fields.qxe[w]! + fields.qxe[w + 1]!)) / h;
  const v = (0.5 * (fields.qye[k]! + fields.qye[k + nx]!)) / h;
  return Math.hypot(u, v);
}

export function createResultAccumulator(model: FloodModel, initial: FloodFields): ResultAccumulator {
  const cells = model.z.length;
  const { dx } = model.grid;
  const { depthThresholdMeters: hEps, inundationDepthMeters } = model.numerics;
  const maxDepth = new Float32Array(cells);
  const maxSpeed = new Float32Array(cells);
  const maxHazard = new Float32Array(cells);
  const firstInundation = new Float32Array(cells).fill(NaN);
  const volume0 = storedVolume(initial, dx);
  const gauges: GaugeResult[] = model.gauges.map((g) => ({ id: g.id, peakStage: NaN, peakDepth: NaN, timeOfPeak: NaN, series: [] }));

  const sample = (fields: FloodFields, t: number): void => {
    for (let k = 0; k < cells; k++) {
      if (!model.active[k]) continue;
      const h = fields.h[k]!;
      const speed = cellSpeed(fields, k, h, hEps);
      if (h > maxDepth[k]!) maxDepth[k] = h;
      if (speed > maxSpeed[k]!) maxSpeed[k] = speed;
      const hr = hazardRating(h, speed, hEps);
      if (hr > maxHazard[k]!) maxHazard[k] = hr;
      if (h >= inundationDepthMeters && Number.isNaN(firstInundation[k]!)) firstInundation[k] = t;
    }
    model.gauges.forEach((g, i) => {
      const depth = fields.h[g.cell]!;
      gauges[i]!.series.push({ t, stage: fields.z[g.cell]! + depth + model.zRef, depth });
    });
  };

  const finish: ResultAccumulator['finish'] = (fields, totals, gaugePeaks, t) => {
    const finalDepth = new Float32Array(cells);
    for (let k = 0; k < cells; k++) {
      const inside = model.active[k] === 1;
      finalDepth[k] = inside ? fields.h[k]! : NaN;
      if (!inside) maxDepth[k] = maxSpeed[k] = maxHazard[k] = NaN;
    }
    model.gauges.forEach((g, i) => {
      const gauge = gauges[i]!;
      gauge.peakStage = gaugePeaks.stage[i]! + model.zRef;
      gauge.peakDepth = Math.max(gaugePeaks.stage[i]! - fields.z[g.cell]!, 0);
      gauge.timeOfPeak = gaugePeaks.time[i]!;
    });
    const storageChange = storedVolume(fields, dx) - volume0;
    const drainage = totals.drainage - totals.deficit;
    const supplied = totals.inflow + totals.rain;
    const residual = supplied - totals.outflow - drainage - storageChange;
    return {
      grid: model.grid,
      finalDepth,
      maxDepth,
      maxSpeed,
      maxHazard,
      firstInundation,
      gauges,
      volume: {
        inflow: totals.inflow,
        rain: totals.rain,
        outflow: totals.outflow,
        drainage,
        storageChange,
        errorRelative: supplied > 0 ? residual / supplied : residual / Math.max(volume0, Number.MIN_VALUE),
      },
      steps: totals.steps,
      simSeconds: t,
    };
  };
  return { sample, finish };
}
