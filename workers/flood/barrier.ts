/**
 * A reusable barrier and max-reduction for the threads sharing one state, on a SharedArrayBuffer:
 * `Int32[0]` counts arrivals, `Int32[1]` is the generation; `Float64[1 + 2(set·T + t)]` and the next hold thread t's
 * hMax and speed, in two sets used alternately.
 * The last thread to arrive resets the count and bumps the generation; the others spin briefly (a pass
 * lasts well under a millisecond on small grids) and then sleep in `Atomics.wait`.
 */
import type { ThreadSync } from './stepper';

const SPINS = 2000;

export function controlBytes(threads: number): number {
  return 8 * (1 + 4 * threads);
}

export function createThreadSync(control: SharedArrayBuffer, thread: number, threads: number): ThreadSync {
  const counter = new Int32Array(control, 0, 2);
  // Two sets of values, alternating by call: a thread that is already past the next step's barrier writes into
  // the other set while a slow thread still reads this one (one barrier per step, SCHEME.md).
  const values = new Float64Array(control, 8, 4 * threads);
  let set = 0;
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
    allMax: (hMax, speed, into) => {
      const base = set * 2 * threads;
      set ^= 1;
      values[base + 2 * thread] = hMax;
      values[base + 2 * thread + 1] = speed;
      barrier();
      let h = values[base]!;
      let s = values[base + 1]!;
      for (let t = 1; t < threads; t++) {
        h = Math.max(h, values[base + 2 * t]!);
        s = Math.max(s, values[base + 2 * t + 1]!);
      }
      into.hMax = h;
      into.speed = s;
    },
  };
}
