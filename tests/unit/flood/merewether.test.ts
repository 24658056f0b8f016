/**
 * The real Merewether flood (ARR Project 15; ../shared/data/flood/merewether): peak stage at the 5 observation
 * points against the observed levels of the final ARR report. TUFLOW's mean absolute error there is 0.118 m.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/flood/parseScenario';
import { prepareScenario } from '../../../src/sim/flood/prepare';
import { nodeScenarioFiles } from '../../../src/sim/flood/node/scenarioFiles';
import { buildModel } from '../../../src/sim/flood/model';
import type { FloodModel } from '../../../src/sim/flood/types';
import { HAS_MEREWETHER, MEREWETHER_SCENARIO, SHARED_DATA, parityOf, run } from './backends';

/** ObservationPoints.csv, column "stage (ARR Report Final)", by point ID. */
function observedStages(): Map<string, number> {
  const lines = readFileSync(`${SHARED_DATA}/flood/merewether/ObservationPoints.csv`, 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((line) => {
    const fields = line.split(',').map((f) => f.trim());
    return [fields[2]!, Number(fields[4])];
  }));
}

describe.skipIf(!HAS_MEREWETHER)('Merewether urban flood (real observations)', { timeout: 180_000 }, () => {
  it('peak stages at the 5 observation points: mean absolute error ≤ 0.15 m (WASM, 2 threads)', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')));
    const model = await prepareScenario(scenario, nodeScenarioFiles(dirname(MEREWETHER_SCENARIO)));
    const results = await run(model, 'wasm-2-threads');
    const observed = observedStages();
    const errors = results.gauges.map((g) => ({ id: g.id, computed: g.peakStage, observed: observed.get(g.id)!, error: g.peakStage - observed.get(g.id)! }));
    const mae = errors.reduce((sum, e) => sum + Math.abs(e.error), 0) / errors.length;
    console.info('Merewether peak stage errors (m):', JSON.stringify(errors.map((e) => [e.id, Number(e.error.toFixed(3))])), 'MAE', mae.toFixed(3));
    expect(errors).toHaveLength(5);
    expect(mae).toBeLessThanOrEqual(0.15);
    expect(Math.abs(results.volume.errorRelative)).toBeLessThan(1e-5);
  });
});

/**
 * A faithful crop of Merewether for the parity test (the reference takes minutes on the whole case): the
 * south-west 160 × 160 cells with the inflow, gauges 2, 3 and 4 and the steep streets below the inflow, where an
 * f32 difference used to grow into metres (SCHEME.md change log, 2024-06: velocity-aware time step). The cut
 * north and east edges are open; the south and west edges are the case's walls.
 */
function merewetherCrop(model: FloodModel, seconds: number): FloodModel {
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

describe.skipIf(!HAS_MEREWETHER)('Merewether backend parity (crop)', { timeout: 180_000 }, () => {
  it('south-west 160 × 160 cells, 200 s: WASM = reference within 1e-4 m, 2 threads = 1 thread bitwise', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')));
    const model = await prepareScenario(scenario, nodeScenarioFiles(dirname(MEREWETHER_SCENARIO)));
    const parity = await parityOf(() => merewetherCrop(model, 200));
    console.info(`[flood parity] Merewether crop: ${JSON.stringify(parity)}`);
    expect(parity.finalDepth).toBeLessThan(1e-4);
    expect(parity.maxDepth).toBeLessThan(1e-4);
    expect(parity.peakStage).toBeLessThan(1e-4);
    expect(parity.threadsFinalDepth).toBe(0);
  });
});
