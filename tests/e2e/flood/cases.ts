/**
 * The parity cases of the WebGPU backend: the engine's validation cases (tests/unit/flood/synthetic.ts) cut to a
 * few output times, and small cases for what those do not cover (a boundary mix, raised buildings, rain with
 * drainage on gentle ground). Each becomes a `RunSetup` with gauges, the cells, and the output times.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildModel } from '../../../src/sim/flood/model';
import { nodeScenarioFiles } from '../../../src/sim/flood/node/scenarioFiles';
import { parseScenario } from '../../../src/sim/flood/parseScenario';
import { prepareScenario } from '../../../src/sim/flood/prepare';
import type { ModelInput } from '../../../src/sim/flood/model';
import { runSetupOf } from '../../../src/sim/flood/simulate';
import type { FloodModel } from '../../../src/sim/flood/types';
import type { RunSetup } from '../../../workers/flood/runner';
import { MEREWETHER_SCENARIO } from '../../unit/flood/backends';
import { merewetherCrop } from '../../unit/flood/merewetherCrop';
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

/**
 * Open north, a tide-like stage east, wall south, a constant stage west, over a lake on a gentle bowl.
 *
 * At α = 0.55, not the default 0.7: in the deep, nearly frictionless middle of this lake the scheme's
 * checkerboard mode (π, π) is linearly unstable at the default α = θ = 0.7. With the θ-averaged face flux
 * (factor 2θ − 1 on that mode) and the forward–backward coupling, the 2D amplification matrix has trace
 * 2θ − C²·8 and determinant 2θ − 1, stable only for a Courant number C = √(g·h)·Δt/Δx ≤ √(θ/2) ≈ 0.59; α = 0.7
 * puts C ≈ 0.7 at the deepest faces. From t ≈ 80 s an f32 ulp grows ×10 every ~10 s into a ±0.1 m checkerboard,
 * and every pair of backends then differs by ~0.2 m (WASM vs reference: 2.0e-1 m, 1193 vs 1197 steps; WGSL the
 * same). At α = 0.55 there is no checkerboard and WASM = reference within 1.2e-7 m. Reported to the scheme's owner
 * (SCHEME.md); this case tests the edges, not α.
 */
function boundaryMix(): FloodModel {
  const input = small(40, 30, (i, j) => 0.002 * (i - 20) ** 2 + 0.003 * (j - 15) ** 2 + 0.01 * ((i * 5 + j * 3) % 7));
  input.initialStage = new Float32Array(40 * 30).fill(0.6);
  input.boundaries = {
    north: 'open',
    east: { stage: [[0, 0.6], [150, 0.9], [300, 0.5], [600, 0.8]] },
    south: 'wall',
    west: { stage: [[0, 0.7]] },
  };
  input.numerics = { cflAlpha: 0.55 };
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
  // Near-critical rain-fed sheet flow: needed 2e-4 m before the wetting ramp (SCHEME.md change log, 2024-06).
  () => withGauges(basinModel(), [300, 600], 'rain, inflow, drainage on a steep basin'),
];

/** Merewether's south-west 160 × 160 cells for 200 s, with the case's own gauges (needs ../shared/data). */
export async function merewetherCropCase(): Promise<ParityCase> {
  const scenario = parseScenario(JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')));
  const model = merewetherCrop(await prepareScenario(scenario, nodeScenarioFiles(dirname(MEREWETHER_SCENARIO))), 200);
  return { name: 'Merewether crop 160 × 160, 200 s (steep streets below the inflow)', model, setup: runSetupOf(model), times: [50, 100, 150, 200] };
}
