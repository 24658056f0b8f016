/**
 * "Open a flood scenario pre-filled with the rain observed so far" (issue 5 §4): the observed series of the rain
 * gauges a rule's action selects, as the flood panel's hyetograph CSV (`seconds,mm/h`, from the first observation).
 * Several gauges are averaged (the arithmetic mean areal rainfall: the demo's gauges are evenly spread), each held at
 * its last value between its observations, on the time steps of the gauge with the most observations.
 */
export interface RainSeries {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ObservedRain {
  csv: string;
  /** Seconds from the first to the last observation. */
  spanSeconds: number;
  peakMmPerHour: number;
  /** Phenomenon time of the first observation, ms since epoch. */
  startedAt: number;
}

/** Value at or before `time` (the series is in time order), or null before its first observation. */
function heldValue(series: RainSeries, time: number, cursor: { k: number }): number | null {
  while (cursor.k + 1 < series.times.length && series.times[cursor.k + 1]! <= time) cursor.k++;
  return series.times.length && series.times[cursor.k]! <= time ? series.values[cursor.k]! : null;
}

export function observedRain(gauges: readonly RainSeries[]): ObservedRain | null {
  const grid = gauges.reduce<RainSeries | null>((best, g) => (g.times.length > (best?.times.length ?? 0) ? g : best), null);
  if (!grid || grid.times.length === 0) return null;
  const start = grid.times[0]!;
  const cursors = gauges.map(() => ({ k: 0 }));
  const lines = ['seconds,mm/h'];
  let peak = 0;
  for (let i = 0; i < grid.times.length; i++) {
    const time = grid.times[i]!;
    let sum = 0, count = 0;
    gauges.forEach((g, k) => {
      const value = heldValue(g, time, cursors[k]!);
      if (value !== null) {
        sum += Math.max(0, value);
        count++;
      }
    });
    const mean = sum / count;
    peak = Math.max(peak, mean);
    lines.push(`${Math.round((time - start) / 1000)},${Math.round(mean * 10) / 10}`);
  }
  return { csv: `${lines.join('\n')}\n`, spanSeconds: (grid.times[grid.times.length - 1]! - start) / 1000, peakMmPerHour: peak, startedAt: start };
}
