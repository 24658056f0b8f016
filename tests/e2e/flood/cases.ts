/**
 * The parity cases of the WebGPU backend: the engine's validation cases (tests/unit/flood/synthetic.ts) cut to a
 * few output times, and small cases for what those do not cover (a boundary mix, raised buildings, rain with
 * drainage on gentle ground). Each becomes a `RunSetup` with gauges, the cells, and the output times.
 */
import { buildModel } from '../../../src/sim/flood/model';
import type { ModelInput } from '../../../src/sim/flood/model';
import { runSetupOf } from '../../../src/sim/flood/simulate';
import type { FloodModel } from '../../../src/sim/flood/types';
import type { RunSetup } from '../../../workers/flood/runner';
import { basinModel, hunterModel, lakeModel } from '../../unit/flood/synthetic';

export interface ParityCase {
  name: string;
  model: FloodModel;
  setup: RunSetup;
  times: number[];
}

function small(nx: number, ny: number, bed: (i: number, j: number) => number): ModelInput {
  const cells = nx * ny;
  return {
    grid: { nx, ny, dx: 2, x0: 0, yTop: ny * 2, crs: null },
    bed: Float32Array.from({ length: cells }, (_, k) => bed(k % nx, Math.floor(k / nx))),
    manning: new Float32Array(cells).fill(0.035),
    rain: [{ times: [0], values: [0] }],
    drainageMmPerHour: [0],
    inflows: [],
    boundaries: { north: 'wall', east: 'wall', south: 'wall', west: 'wall' },
    gauges: [],
    durationSeconds: 600,
    outputIntervalSeconds: 200,
  };
}

/** Open north, a tide-like stage east, wall south, a constant stage west, over a lake on a gentle bowl. */
function boundaryMix(): FloodModel {
  const input = small(40, 30, (i, j) => 0.002 * (i - 20) ** 2 + 0.003 * (j - 15) ** 2 + 0.01 * ((i * 5 + j * 3) % 7));
  input.initialStage = new Float32Array(40 * 30).fill(0.6);
  input.boundaries = {
    north: 'open',
    east: { stage: [[0, 0.6], [150, 0.9], [300, 0.5], [600, 0.8]] },
    south: 'wall',
    west: { stage: [[0, 0.7]] },
  };
  return buildModel(input);
}

/** A street grid with blocks raised 3 m (buildings in `raise` mode), fed by an inflow, draining south. */
function raisedBuildings(): FloodModel {
  const block = (i: number, j: number): boolean => i % 10 >= 3 && i % 10 <= 8 && j % 10 >= 3 && j % 10 <= 8;
  const input = small(40, 40, (i, j) => 5 - 0.004 * j + (block(i, j) ? 3 : 0));
  input.inflows = [{ cells: [40 + 11, 40 + 12, 80 + 11, 80 + 12], hydrograph: { times: [0, 200, 600], values: [0, 0.4, 0.2] } }];
  input.boundaries.south = 'open';
  return buildModel(input);
}

/** Rain over a shallow bowl, drainage in its western half, open south edge: rain, drainage and deficit. */
function rainDrainage(): FloodModel {
  const nx = 40;
  const ny = 30;
  const input = small(nx, ny, (i, j) => 0.0015 * (i - 20) ** 2 + 0.001 * (j - 10) ** 2);
  input.rain = [{ times: [0, 200, 400], values: [80, 150, 0] }];
  input.drainageZone = Uint8Array.from({ length: nx * ny }, (_, k) => (k % nx < nx / 2 ? 1 : 0));
  input.drainageMmPerHour = [0, 30];
  input.boundaries.south = 'open';
  return buildModel(input);
}

/** Gauges (cell indices) spread over the grid: the engine's cases define none. */
function withGauges(model: FloodModel, times: number[], name: string): ParityCase {
  const { nx, ny } = model.grid;
  const setup = runSetupOf(model);
  setup.gaugeCells = [[1, 1], [nx >> 1, ny >> 1], [nx - 2, ny - 2], [nx >> 2, (3 * ny) >> 2]].map(([i, j]) => j! * nx + i!);
  return { name, model, setup, times };
}

export const PARITY_CASES: readonly (() => ParityCase)[] = [
  () => withGauges(lakeModel(), [300, 600], 'lake at rest on uneven ground'),
  () => withGauges(hunterModel(), [600, 1200], 'Hunter wave front on a flat plane (fixed stage west)'),
  () => withGauges(rainDrainage(), [200, 400, 600], 'rain and drainage on a shallow bowl'),
  () => withGauges(boundaryMix(), [200, 400, 600], 'open, wall and fixed-stage edges'),
  () => withGauges(raisedBuildings(), [200, 400, 600], 'raised buildings, inflow hydrograph, open edge'),
];

/** The engine's steep basin: near-critical sheet flow amplifies f32 differences (as for WASM; validation.test.ts). */
export const basinCase = (): ParityCase => withGauges(basinModel(), [300, 600], 'rain, inflow, drainage on a steep basin');
