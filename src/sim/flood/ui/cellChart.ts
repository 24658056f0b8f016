/**
 * Geometry of the cell chart (CellChart.tsx): depth and velocity over time as SVG polylines on shared time axis,
 * each on its own vertical scale, with round tick values. Pure, so it is tested without a DOM.
 */
import type { CellSeries } from '../frameRegistry';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartGeometry {
  depthPath: string;
  speedPath: string;
  depthMax: number;
  speedMax: number;
  tMax: number;
  /** Time ticks (s) and their x. */
  timeTicks: { t: number; x: number }[];
  /** Marker of the frame shown. */
  cursorX: number | null;
}

/** The smallest of 1, 2, 5 × 10^k at least `value` (axis tops). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value - 1e-12) return step * power;
  return 10 * power;
}

export function chartGeometry(series: CellSeries, box: ChartBox, cursorT: number | null): ChartGeometry {
  const tMax = Math.max(series.t.at(-1) ?? 0, 1);
  const depthMax = niceCeil(Math.max(0.05, ...series.depth.filter(Number.isFinite)));
  const speedMax = niceCeil(Math.max(0.05, ...series.speed.filter(Number.isFinite)));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (t: number) => box.left + (t / tMax) * plotW;
  const y = (v: number, max: number) => box.top + plotH - (Math.max(0, v) / max) * plotH;
  const path = (values: number[], max: number) =>
    values.map((v, k) => `${k === 0 ? 'M' : 'L'}${x(series.t[k]!).toFixed(1)},${y(Number.isFinite(v) ? v : 0, max).toFixed(1)}`).join('');
  const stepMinutes = niceCeil(tMax / 60 / 4);
  const timeTicks: { t: number; x: number }[] = [];
  for (let m = 0; m * 60 <= tMax + 1e-9; m += stepMinutes) timeTicks.push({ t: m * 60, x: x(m * 60) });
  return {
    depthPath: path(series.depth, depthMax), speedPath: path(series.speed, speedMax), depthMax, speedMax, tMax, timeTicks,
    cursorX: cursorT === null ? null : x(cursorT),
  };
}
