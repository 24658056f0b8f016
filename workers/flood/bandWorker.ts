/** The body of a flood worker, independent of Node or the browser: it answers `FloodRequest`s. */
import { createThreadSync } from './barrier';
import { fieldsOf, threadBlockOf } from './layout';
import type { FloodRequest, FloodResponse } from './protocol';
import type { Band } from './stepper';
import { advanceBand, createBand } from './stepper';
import { instantiateFloodKernel } from './wasm';

export function createBandWorker(post: (message: FloodResponse) => void, close: () => void): (request: FloodRequest) => void {
  let band: Band | undefined;
  const handle = (request: FloodRequest): void => {
    if (request.type === 'init') {
      const p = request.payload;
      const buffer = p.memory.buffer;
      band = createBand({
        kernel: instantiateFloodKernel(p.module, p.memory, p.layout, p.constants, p.thread),
        fields: fieldsOf(buffer, p.layout),
        forcing: p.forcing,
        numerics: p.numerics,
        block: threadBlockOf(buffer, p.layout, p.thread),
        j0: p.j0,
        j1: p.j1,
        sync: createThreadSync(p.control, p.thread, p.threads),
        gaugeCells: p.gaugeCells,
        t: p.t,
        hMax: p.hMax,
      });
      // The first step (parity 0) reads the neighbours' edge rows of the initial state; the pool starts no step
      // before every worker is ready.
      band.kernel.exportHalo(p.j0, p.j1, 0);
      post({ type: 'ready', id: request.id, payload: null });
    } else if (request.type === 'advance') {
      if (!band) throw new Error('advance before init');
      advanceBand(band, request.payload.tTarget);
      const { t, totals, gaugePeak, gaugePeakTime } = band.driver;
      post({ type: 'advanced', id: request.id, payload: { t, totals, gaugePeak, gaugePeakTime } });
    } else {
      close();
    }
  };
  return (request) => {
    try {
      handle(request);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', id: request.id, payload: { name, message } });
    }
  };
}
