/**
 * Runners own a state and advance it: in-process (the reference, or WASM on the calling thread) or a pool of
 * workers that split the rows over a shared memory (pool.ts). The host samples results from `fields` between
 * `advance` calls, when no thread is running.
 */
import type { Forcing } from './forcing';
import type { FloodKernel, KernelConstants } from './kernel';
import type { FloodFields, FloodLayout } from './layout';
import { createLayout, fieldsOf, threadBlockOf } from './layout';
import { createReferenceKernel } from './reference';
import type { Band, Numerics, Totals } from './stepper';
import { SINGLE_THREAD, advanceBand, createBand } from './stepper';
import type { CellArrays } from './state';
import { loadState, maxDepthOf } from './state';
import { createFloodMemory, instantiateFloodKernel } from './wasm';

export type BackendName = 'reference' | 'wasm';

/** Everything that defines a run, plain data (it crosses to workers). */
export interface RunSetup {
  nx: number;
  ny: number;
  constants: KernelConstants;
  forcing: Forcing;
  numerics: Numerics;
  gaugeCells: number[];
}

export interface GaugePeaks {
  stage: Float64Array;
  time: Float64Array;
}

export interface FloodRunner {
  readonly backend: BackendName;
  readonly threads: number;
  readonly fields: FloodFields;
  readonly t: number;
  advance(tTarget: number): Promise<void>;
  totals(): Totals;
  gaugePeaks(): GaugePeaks;
  dispose(): void;
}

/** Runs the whole grid on the calling thread; `module` is required for 'wasm'. */
export function createInProcessRunner(
  setup: RunSetup, cells: CellArrays, backend: BackendName, module?: WebAssembly.Module,
): FloodRunner {
  const layout: FloodLayout = createLayout(setup.nx, setup.ny, 1);
  let buffer: ArrayBufferLike;
  let kernel: FloodKernel;
  let fields: FloodFields;
  if (backend === 'wasm') {
    if (!module) throw new Error('the WASM runner needs a compiled module');
    const memory = createFloodMemory(layout);
    buffer = memory.buffer;
    fields = fieldsOf(buffer, layout);
    loadState(fields, cells);
    kernel = instantiateFloodKernel(module, memory, layout, setup.constants, 0);
  } else {
    buffer = new ArrayBuffer(layout.bytes);
    fields = fieldsOf(buffer, layout);
    loadState(fields, cells);
    const block = threadBlockOf(buffer, layout, 0);
    kernel = createReferenceKernel(fields, setup.constants, block.stages, block.source);
  }
  const band: Band = createBand({
    kernel, fields, forcing: setup.forcing, numerics: setup.numerics, block: threadBlockOf(buffer, layout, 0),
    j0: 0, j1: setup.ny, sync: SINGLE_THREAD, gaugeCells: setup.gaugeCells, t: 0, hMax: maxDepthOf(fields),
  });
  return {
    backend,
    threads: 1,
    fields,
    get t() {
      return band.driver.t;
    },
    advance: async (tTarget) => advanceBand(band, tTarget),
    totals: () => ({ ...band.driver.totals }),
    gaugePeaks: () => ({ stage: band.driver.gaugePeak, time: band.driver.gaugePeakTime }),
    dispose: () => undefined,
  };
}
