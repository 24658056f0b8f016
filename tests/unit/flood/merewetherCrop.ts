/** The Merewether crop both parity tests run (WASM in Node, WGSL in Chromium). */
import { buildModel } from '../../../src/sim/flood/model';
import type { FloodModel } from '../../../src/sim/flood/types';

/**
 * A faithful crop of Merewether for the parity test (the reference takes minutes on the whole case): the
 * south-west 160 × 160 cells with the inflow, gauges 2, 3 and 4 and the steep streets below the inflow, where an
 * f32 difference used to grow into metres (SCHEME.md change log, 2026-11: velocity-aware time step). The cut
 * north and east edges are open; the south and west edges are the case's walls.
 */
export function merewetherCrop(model: FloodModel, seconds: number): FloodModel {
  const { nx } = model.grid;
  const [i0, i1, j0, j1] = [0, 160, 256, model.grid.ny];
  const w = i1 - i0;
  const cropped = (k: number): number => {
    const i = k % nx;
    const j = Math.floor(k / nx);
    return i >= i0 && i < i1 && j >= j0 && j < j1 ? (j - j0) * w + (i - i0) : -1;
  };
  const cells = w * (j1 - j0);
  const bed = new Float32Array(cells);
  const manning = new Float32Array(cells);
  for (let k = 0; k < nx * model.grid.ny; k++) {
    const c = cropped(k);
    if (c < 0) continue;
    bed[c] = model.active[k] ? model.z[k]! + model.zRef : NaN;
    manning[c] = model.manning[k]!;
  }
  const { dx, x0, yTop } = model.grid;
  return buildModel({
    grid: { ...model.grid, nx: w, ny: j1 - j0, x0: x0 + i0 * dx, yTop: yTop - j0 * dx },
    bed,
    manning,
    rain: [{ times: [0], values: [0] }],
    drainageMmPerHour: [0],
    inflows: model.forcing.inflows.map((f) => ({ hydrograph: f.hydrograph, cells: f.cells.map(cropped).filter((c) => c >= 0) })),
    boundaries: { north: 'open', east: 'open', south: 'wall', west: 'wall' },
    gauges: model.gauges.filter((g) => cropped(g.cell) >= 0).map(({ id, x, y }) => ({ id, x, y })),
    durationSeconds: seconds,
    outputIntervalSeconds: 10,
  });
}
