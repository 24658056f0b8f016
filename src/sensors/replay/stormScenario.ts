/**
 * The demo storm as gauges would see it (issue 5 §2: rain rising, then water levels): the district's design storm
 * (10-year, 60 min alternating block, TCVN 7957:2008 form — the flood panel's default) arrives after a dry spell,
 * scaled and delayed per rain gauge; each water-level gauge ponds as a linear reservoir fed by the rain above its
 * street's drainage capacity. A scenario, not a hydraulic model: the flood engine is the model.
 */
import { alternatingBlockStorm } from '../../sim/flood/rain';
import { hanoiIdf } from '../../sim/flood/ui/hanoiStorm';
import { STORM_SAMPLE_MINUTES, type DemoGauge } from './demoGauges';

export const STORM_START_MINUTE = 10;
export const STORM_SCENARIO_MINUTES = 150;

export interface StormSeries {
  /** Samples every STORM_SAMPLE_MINUTES from minute 0. */
  minutes: number;
  /** Per gauge, in gauge order: mm/h for rain gauges, m for water levels. */
  values: Float64Array[];
}

/** Design-storm intensity (mm/h) at a scenario minute. */
function designIntensity(hyetograph: [number, number][], minute: number): number {
  const seconds = (minute - STORM_START_MINUTE) * 60;
  let intensity = 0;
  for (const [start, mmPerHour] of hyetograph) if (seconds >= start) intensity = mmPerHour;
  return seconds < 0 ? 0 : intensity;
}

/** Sensor resolution: tipping buckets report 0.1 mm/h, level sensors 5 mm. */
const quantize = (value: number, step: number): number => Math.round(value / step) * step;

export function stormSeries(gauges: readonly DemoGauge[], returnPeriodYears = 10): StormSeries {
  const hyetograph = alternatingBlockStorm({ idf: hanoiIdf(returnPeriodYears), durationMinutes: 60, blockMinutes: 5 });
  const samples = Math.floor(STORM_SCENARIO_MINUTES / STORM_SAMPLE_MINUTES) + 1;
  const rainAt = (gauge: DemoGauge, minute: number): number => gauge.rainFactor * designIntensity(hyetograph, minute - gauge.lagMinutes);
  const byId = new Map(gauges.map((g) => [g.id, g]));
  const values = gauges.map((gauge) => {
    const series = new Float64Array(samples);
    if (gauge.kind === 'rainfall') {
      for (let k = 0; k < samples; k++) series[k] = quantize(rainAt(gauge, k * STORM_SAMPLE_MINUTES), 0.1);
      return series;
    }
    const rain = byId.get(gauge.rainGauge ?? '');
    if (!rain) throw new Error(`water-level gauge ${gauge.id} names no rain gauge of the file (${gauge.rainGauge})`);
    // dh/dt = k·max(0, i − drainage) − h/τ, stepped every 6 s (explicit Euler is stable: Δt ≪ τ).
    const dtMinutes = 0.1;
    let depth = 0;
    for (let k = 0; k < samples; k++) {
      series[k] = quantize(depth, 0.005);
      for (let t = 0; t < STORM_SAMPLE_MINUTES; t += dtMinutes) {
        const excess = Math.max(0, rainAt(rain, k * STORM_SAMPLE_MINUTES + t) - gauge.drainageMmPerHour);
        depth += dtMinutes * ((gauge.riseMetresPerHourPerMmH * excess) / 60 - depth / gauge.drainMinutes);
      }
    }
    return series;
  });
  return { minutes: STORM_SAMPLE_MINUTES, values };
}
