/**
 * A reusable barrier and max-reduction for the threads sharing one state, on a SharedArrayBuffer:
 * `Int32[0]` counts arrivals, `Int32[1]` is the generation; `Float64[1 + t]` holds thread t's value.
 * The last thread to arrive resets the count and bumps the generation; the others spin briefly (a pass
 * lasts well under a millisecond on small grids) and then sleep in `Atomics.wait`.
 */
import type { ThreadSync } from './stepper';

const SPINS = 2000;

export function controlBytes(threads: number): number {
  return 8 * (1 + threads);
}

export function createThreadSync(control: SharedArrayBuffer, thread: number, threads: number): ThreadSync {
  const counter = new Int32Array(control, 0, 2);
  const values = new Float64Array(control, 8, threads);
  const barrier = (): void => {
    const generation = Atomics.load(counter, 1);
    if (Atomics.add(counter, 0, 1) === threads - 1) {
      Atomics.store(counter, 0, 0);
      Atomics.add(counter, 1, 1);
      Atomics.notify(counter, 1);
      return;
    }
    for (let spin = 0; spin < SPINS; spin++) if (Atomics.load(counter, 1) !== generation) return;
    while (Atomics.load(counter, 1) === generation) Atomics.wait(counter, 1, generation);
  };
  return {
    barrier,
    allMax: (value) => {
      values[thread] = value;
      barrier();
      let max = values[0]!;
      for (let t = 1; t < threads; t++) max = Math.max(max, values[t]!);
      return max;
    },
  };
}
