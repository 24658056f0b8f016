/**
 * A `FloodRunner` over several workers: one shared WASM memory holds the state, worker t steps rows
 * [t·ny/T, (t+1)·ny/T) and meets the others at the barriers of every step (barrier.ts). The pool only says
 * "advance to t" and merges the per-thread totals; it works with any worker (web Worker, worker_threads)
 * behind `WorkerPort`.
 */
import { controlBytes } from './barrier';
import { createLayout, fieldsOf } from './layout';
import type { AdvancedPayload, FloodRequest, FloodResponse, InitPayload } from './protocol';
import type { FloodRunner, GaugePeaks, RunSetup } from './runner';
import type { CellArrays } from './state';
import { loadState, maxDepthOf } from './state';
import type { Totals } from './stepper';
import { createFloodMemory } from './wasm';

export interface WorkerPort {
  post(message: FloodRequest): void;
  onMessage(listener: (message: FloodResponse) => void): void;
  terminate(): void;
}

export type SpawnWorker = () => WorkerPort;

/** Merges the threads' totals: sources are counted by every thread alike, edges and deficits per band. */
function mergeTotals(all: Totals[]): Totals {
  const first = all[0]!;
  return {
    ...first,
    outflow: all.reduce((sum, t) => sum + t.outflow, 0),
    deficit: all.reduce((sum, t) => sum + t.deficit, 0),
  };
}

export async function createPoolRunner(
  setup: RunSetup, cells: CellArrays, module: WebAssembly.Module, threads: number, spawn: SpawnWorker,
): Promise<FloodRunner> {
  // Each band needs at least 4 rows: its neighbours read 2–3 of its edge rows from its halo copy (kernel.ts).
  const count = Math.max(1, Math.min(threads, Math.floor(setup.ny / 4)));
  const layout = createLayout(setup.nx, setup.ny, count);
  const memory = createFloodMemory(layout);
  const fields = fieldsOf(memory.buffer, layout);
  loadState(fields, cells);
  const control = new SharedArrayBuffer(controlBytes(count));
  const workers = Array.from({ length: count }, spawn);
  const pending = new Map<number, { resolve: (payload: AdvancedPayload | null) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  workers.forEach((worker) => {
    worker.onMessage((message) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (!waiting) return;
      if (message.type === 'error') waiting.reject(Object.assign(new Error(message.payload.message), { name: message.payload.name }));
      else waiting.resolve(message.type === 'advanced' ? message.payload : null);
    });
  });
  const request = (worker: WorkerPort, message: Omit<FloodRequest, 'id'>): Promise<AdvancedPayload | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.post({ ...message, id } as FloodRequest);
    });

  const hMax = maxDepthOf(fields);
  await Promise.all(workers.map((worker, thread) => {
    const payload: InitPayload = {
      module, memory, control, layout, constants: setup.constants, forcing: setup.forcing, numerics: setup.numerics,
      gaugeCells: setup.gaugeCells, thread, threads: count,
      j0: Math.floor((thread * setup.ny) / count), j1: Math.floor(((thread + 1) * setup.ny) / count), t: 0, hMax,
    };
    return request(worker, { type: 'init', payload });
  }));

  let last: AdvancedPayload[] = [];
  let t = 0;
  return {
    backend: 'wasm',
    threads: count,
    fields,
    get t() {
      return t;
    },
    advance: async (tTarget) => {
      const replies = await Promise.all(workers.map((worker) => request(worker, { type: 'advance', payload: { tTarget } })));
      last = replies.filter((reply): reply is AdvancedPayload => reply !== null);
      t = last[0]?.t ?? t;
    },
    totals: () => (last.length ? mergeTotals(last.map((reply) => reply.totals)) : { steps: 0, rain: 0, drainage: 0, inflow: 0, outflow: 0, deficit: 0 }),
    gaugePeaks: (): GaugePeaks => {
      const stage = new Float64Array(setup.gaugeCells.length).fill(NaN);
      const time = new Float64Array(setup.gaugeCells.length).fill(NaN);
      for (const reply of last) {
        reply.gaugePeak.forEach((value, g) => {
          if (!Number.isNaN(value)) {
            stage[g] = value;
            time[g] = reply.gaugePeakTime[g]!;
          }
        });
      }
      return { stage, time };
    },
    dispose: () => {
      workers.forEach((worker) => {
        worker.post({ type: 'dispose', id: nextId++, payload: null });
        worker.terminate();
      });
    },
  };
}
