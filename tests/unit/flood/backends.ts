/** Test helpers: the WASM module (built when missing or stale), runners per backend, Merewether's files. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFlood, runSetupOf } from '../../../src/sim/flood/simulate';
import type { FloodModel, FloodResults } from '../../../src/sim/flood/types';
import { createPoolRunner } from '../../../workers/flood/pool';
import { spawnNodeWorker } from '../../../workers/flood/nodePool';
import { createInProcessRunner } from '../../../workers/flood/runner';
import { loadFloodWasmModule } from '../../../workers/flood/wasmNode';

export const REPO = resolve(fileURLToPath(import.meta.url), '../../../..');
export const MEREWETHER_SCENARIO = join(REPO, 'tests/fixtures/flood/merewether.scenario.json');

/** `../shared/data` next to the repository, or `$SAO_SHARED_DATA`. */
export const SHARED_DATA = process.env.SAO_SHARED_DATA ?? resolve(REPO, '../shared/data');
/** The shared data sets are part of the test bed (../shared/data beside the repo): their absence fails the tests. */
if (!existsSync(join(SHARED_DATA, 'flood/merewether/topography1.zip'))) {
  throw new Error(`Merewether data missing under ${SHARED_DATA}: clone the repo beside shared/ or set SAO_SHARED_DATA`);
}

export type TestBackend = 'reference' | 'wasm' | 'wasm-2-threads';

export async function run(model: FloodModel, backend: TestBackend): Promise<FloodResults> {
  const setup = runSetupOf(model);
  if (backend === 'wasm-2-threads') {
    const runner = await createPoolRunner(setup, model, loadFloodWasmModule(), 2, spawnNodeWorker);
    try {
      return await runFlood(model, runner);
    } finally {
      runner.dispose();
    }
  }
  return runFlood(model, createInProcessRunner(setup, model, backend, backend === 'wasm' ? loadFloodWasmModule() : undefined));
}

/** Depth differences of the backends on one model (m): WASM vs reference, 2 threads vs 1 thread. */
export interface Parity {
  finalDepth: number;
  maxDepth: number;
  peakStage: number;
  threadsFinalDepth: number;
}

export async function parityOf(model: () => FloodModel): Promise<Parity> {
  const reference = await run(model(), 'reference');
  const wasm = await run(model(), 'wasm');
  const threaded = await run(model(), 'wasm-2-threads');
  return {
    finalDepth: maxAbsDifference(wasm.finalDepth, reference.finalDepth),
    maxDepth: maxAbsDifference(wasm.maxDepth, reference.maxDepth),
    peakStage: Math.max(0, ...wasm.gauges.map((g, k) => Math.abs(g.peakStage - reference.gauges[k]!.peakStage))),
    threadsFinalDepth: maxAbsDifference(threaded.finalDepth, wasm.finalDepth),
  };
}

export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let k = 0; k < a.length; k++) {
    if (Number.isNaN(a[k]!) && Number.isNaN(b[k]!)) continue;
    max = Math.max(max, Math.abs(a[k]! - b[k]!));
  }
  return max;
}
