/**
 * The geometry of the per-sensor chart, pure: the points of a time window (binary search, no scan of the history),
 * reduced to at most a min and a max per pixel column so an hour at 1 s or a day of history draws the same few hundred
 * segments, nice axis ticks, and the SVG path.
 */
export interface TimeSeries {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ChartFrame {
  from: number;
  to: number;
  width: number;
  height: number;
  /** Value axis; from `valueRange` unless the caller fixes it. */
  min: number;
  max: number;
}

/** First index with `times[k] >= time`. */
export function lowerBound(times: ArrayLike<number>, time: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Min and max of the values inside [from, to], widened by `include` (e.g. a rule's threshold) and padded 5 %. */
export function valueRange(series: TimeSeries, from: number, to: number, include: readonly number[] = []): [number, number] {
  let min = Infinity, max = -Infinity;
  for (let k = lowerBound(series.times, from); k < series.times.length && series.times[k]! <= to; k++) {
    const v = series.values[k]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (const v of include) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (min === max) return [min - 0.5 * (Math.abs(min) || 1), max + 0.5 * (Math.abs(max) || 1)];
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

export const chartX = (f: ChartFrame, time: number) => ((time - f.from) / (f.to - f.from)) * f.width;
export const chartY = (f: ChartFrame, value: number) => f.height - ((value - f.min) / (f.max - f.min)) * f.height;
const r = (n: number) => Math.round(n * 10) / 10;

/**
 * The series inside the frame as an SVG path: one point per observation while there are fewer than two per pixel
 * column, else each column's first, min, max and last (the shape of the line survives, spikes included).
 */
export function seriesPath(series: TimeSeries, f: ChartFrame): string {
  const start = Math.max(0, lowerBound(series.times, f.from) - 1);
  let end = lowerBound(series.times, f.to);
  while (end < series.times.length && series.times[end]! <= f.to) end++;
  // One point either side of the window, so the line runs to the edges.
  end = Math.min(series.times.length, end + 1);
  const parts: string[] = [];
  const point = (time: number, value: number) => parts.push(`${parts.length ? 'L' : 'M'}${r(chartX(f, time))},${r(chartY(f, value))}`);
  if (end - start <= 2 * f.width) {
    for (let k = start; k < end; k++) point(series.times[k]!, series.values[k]!);
    return parts.join('');
  }
  let column = -1, first = 0, last = 0, lo = 0, hi = 0, tFirst = 0, tLast = 0, tLo = 0, tHi = 0;
  const flush = () => {
    if (column < 0) return;
    const ordered: [number, number][] = [[tFirst, first], [tLo, lo], [tHi, hi], [tLast, last]];
    ordered.sort((a, b) => a[0] - b[0]);
    for (const [t, v] of ordered) point(t, v);
  };
  for (let k = start; k < end; k++) {
    const t = series.times[k]!, v = series.values[k]!;
    const c = Math.floor(chartX(f, t));
    if (c !== column) {
      flush();
      column = c;
      first = last = lo = hi = v;
      tFirst = tLast = tLo = tHi = t;
      continue;
    }
    last = v;
    tLast = t;
    if (v < lo) [lo, tLo] = [v, t];
    if (v > hi) [hi, tHi] = [v, t];
  }
  flush();
  return parts.join('');
}

/** About `count` round values across [min, max] (1, 2 or 5 × 10ⁿ apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const raw = (max - min) / Math.max(1, count);
  if (!(raw > 0)) return [min];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map((s) => s * 1000);

/** Tick times at a round step (1 s … 1 day) giving about `count` ticks, aligned to the local clock. */
export function timeTicks(from: number, to: number, count = 6, offsetMs = new Date(from).getTimezoneOffset() * -60_000): number[] {
  const step = TIME_STEPS_MS.find((s) => (to - from) / s <= count) ?? TIME_STEPS_MS[TIME_STEPS_MS.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offsetMs) / step) * step - offsetMs; t <= to; t += step) ticks.push(t);
  return ticks;
}
