/**
 * One (stack, file) load in a fresh process, so that peak memory is this run's alone:
 *
 *   tsx scripts/bench/ifc/runOnce.ts <ours|thatopen> <file.ifc>
 *
 * Prints one JSON line: the stack's LoadMeasure, the CPU time it took, peak resident memory (maxRSS) and the
 * largest web-ifc wasm heap seen. Module imports happen before the clock starts (an app has them loaded before the user opens a file);
 * web-ifc's wasm initialisation happens after, in both stacks: a fresh worker pays it for every file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { IfcAPI } from 'web-ifc';
import type { StackLoad, StackName } from './stack';

/**
 * The wasm heap only grows (emscripten never shrinks its memory), so its size when a model is closed or the API
 * disposed is the run's peak. Both stacks use this same `web-ifc` module, so one patch sees both.
 */
function trackWasmHeap(): () => number {
  let peak = 0;
  const prototype = IfcAPI.prototype as unknown as Record<'CloseModel' | 'Dispose', (...args: unknown[]) => unknown>;
  for (const method of ['CloseModel', 'Dispose'] as const) {
    const original = prototype[method];
    prototype[method] = function (this: { wasmModule?: { HEAPU8?: Uint8Array } }, ...args: unknown[]) {
      peak = Math.max(peak, this.wasmModule?.HEAPU8?.byteLength ?? 0);
      return original.apply(this, args);
    };
  }
  return () => peak;
}

async function createLoad(stack: StackName): Promise<StackLoad> {
  if (stack === 'ours') return (await import('./ours')).createOurLoad();
  return (await import('./thatOpen')).createThatOpenLoad();
}

const [stack, file] = process.argv.slice(2) as [StackName, string];
const wasmHeapPeak = trackWasmHeap();
const load = await createLoad(stack);
const bytes = new Uint8Array(await readFile(file));
const baselineRssKiB = process.resourceUsage().maxRSS;
const start = performance.now();
const cpuStart = process.cpuUsage();
const clock = (): number => performance.now() - start;
let result: object;
try {
  result = await load(bytes, basename(file), clock);
} catch (error) {
  result = { error: error instanceof Error ? error.message : String(error) };
}
// CPU time of every thread of the process (That Open's fragments worker included): on a busy machine it says
// what the load cost better than the wall clock does.
const cpu = process.cpuUsage(cpuStart);
const memory = { maxRssKiB: process.resourceUsage().maxRSS, baselineRssKiB, wasmHeapBytes: wasmHeapPeak() };
process.stdout.write(`${JSON.stringify({ stack, ...result, cpuMs: (cpu.user + cpu.system) / 1000, ...memory })}\n`);
// The fragments worker thread would keep the process alive.
process.exit(0);
