/**
 * The flood benchmark cases, shared by bench:flood (scripts/bench/flood.ts: reference, WASM, WebGPU) and the WebGPU
 * part run alone (scripts/bench/floodWebgpu.ts): Merewether as the engine prepares it, and a 2048 × 2048 grid.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../src/sim/flood/model';
import { nodeScenarioFiles } from '../../src/sim/flood/node/scenarioFiles';
import { parseScenario } from '../../src/sim/flood/parseScenario';
import { prepareScenario } from '../../src/sim/flood/prepare';
import type { FloodModel } from '../../src/sim/flood/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The real Merewether case (321 × 416 cells; its data under ../shared/data). */
export async function merewether(): Promise<FloodModel> {
  const path = join(root, 'tests/fixtures/flood/merewether.scenario.json');
  const scenario = parseScenario(JSON.parse(readFileSync(path, 'utf8')));
  return prepareScenario(scenario, nodeScenarioFiles(dirname(path)));
}

/** 2048 × 2048 cells of 2 m: an undulating valley half under water, sloshing between walls; Δt fixed at 0.1 s. */
export function synthetic(n = 2048): FloodModel {
  const cells = n * n;
  const bed = new Float32Array(cells);
  const stage = new Float32Array(cells);
  for (let k = 0; k < cells; k++) {
    const i = k % n;
    const j = Math.floor(k / n);
    bed[k] = 0.5 * Math.sin(i / 40) * Math.cos(j / 55) + 0.001 * i;
    stage[k] = i < n / 2 ? 1.5 : 0.8;
  }
  return buildModel({
    grid: { nx: n, ny: n, dx: 2, x0: 0, yTop: 2 * n, crs: null },
    bed,
    initialStage: stage,
    manning: new Float32Array(cells).fill(0.03),
    rain: [{ times: [0], values: [20] }],
    drainageMmPerHour: [0],
    inflows: [],
    boundaries: { north: 'wall', east: 'open', south: 'wall', west: 'wall' },
    gauges: [],
    durationSeconds: 1e6,
    outputIntervalSeconds: 1e6,
    numerics: { maxTimeStepSeconds: 0.1 },
  });
}
