/**
 * bench:flood — cell updates per second (cells × steps / wall time of the stepping only) on Merewether and on a
 * 2048 × 2048 synthetic grid (floodCases.ts), for the TypeScript reference, WASM on 1 thread, WASM on every core
 * and WebGPU in Debian's Chromium (floodWebgpu.ts; SwiftShader without a GPU), in one run. The CPU backends run
 * first, then the browser, so that they do not compete for the cores. Prints JSON on stdout; progress on stderr.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { runSetupOf } from '../../src/sim/flood/simulate';
import type { FloodModel } from '../../src/sim/flood/types';
import { spawnNodeWorker } from '../../workers/flood/nodePool';
import { createPoolRunner } from '../../workers/flood/pool';
import type { FloodRunner } from '../../workers/flood/runner';
import { createInProcessRunner } from '../../workers/flood/runner';
import { loadFloodWasmModule } from '../../workers/flood/wasmNode';
import { merewether, synthetic } from './floodCases';
import { benchFloodWebgpu, webgpuCases } from './floodWebgpu';
const THREADS = availableParallelism();
/**
 * Bytes a WASM cell update streams from memory at least once (SCHEME.md "Passes fused in one sweep"): the fused
 * sweep reads z, h, n, qxe, qye (20) and zone (1) and writes h, qxe, qye (12); raw discharges and limiter
 * factors stay in a 4-row ring in cache. (Three separate passes, as the reference runs them, stream 73.)
 */
const BYTES_PER_CELL_UPDATE = { wasm: 33, reference: 73 };

interface Measurement {
  cellUpdatesPerSecond: number;
  steps: number;
  /**
   * CPU seconds of the whole process (worker threads included) per wall second while stepping: how many cores
   * the run really got (a barrier waits in Atomics.wait after a short spin, so waiting costs little CPU).
   */
  coresUsed: number;
  /** Cell updates per CPU second: what a free machine would give per busy core (cores used ≈ threads). */
  cellUpdatesPerCpuSecond: number;
}

async function measure(model: FloodModel, runner: FloodRunner, minSeconds: number): Promise<Measurement> {
  const cells = model.grid.nx * model.grid.ny;
  await runner.advance(runner.t + 1); // warm-up (JIT, page faults)
  const steps0 = runner.totals().steps;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let t = runner.t;
  while (performance.now() - started < minSeconds * 1000) {
    t += 1;
    await runner.advance(t);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const steps = runner.totals().steps - steps0;
  runner.dispose();
  return {
    cellUpdatesPerSecond: Math.round((cells * steps) / seconds),
    steps,
    coresUsed: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)),
    cellUpdatesPerCpuSecond: Math.round((cells * steps) / ((cpu.user + cpu.system) / 1e6)),
  };
}

async function benchCase(name: string, model: FloodModel): Promise<Record<string, unknown>> {
  const setup = runSetupOf(model);
  const module = loadFloodWasmModule();
  process.stderr.write(`[bench:flood] ${name}: reference…`);
  const reference = await measure(model, createInProcessRunner(setup, model, 'reference'), 4);
  process.stderr.write(' wasm 1 thread…');
  const wasm1 = await measure(model, createInProcessRunner(setup, model, 'wasm', module), 4);
  process.stderr.write(` wasm ${THREADS} threads…\n`);
  const wasmAll = await measure(model, await createPoolRunner(setup, model, module, THREADS, spawnNodeWorker), 4);
  const gbPerSecond = (rate: number): number => Number(((rate * BYTES_PER_CELL_UPDATE.wasm) / 1e9).toFixed(2));
  return {
    cells: model.grid.nx * model.grid.ny,
    wasmSpeedupOverReference: Number((wasmAll.cellUpdatesPerSecond / reference.cellUpdatesPerSecond).toFixed(1)),
    wasmAllCoresOverOneThread: Number((wasmAll.cellUpdatesPerSecond / wasm1.cellUpdatesPerSecond).toFixed(2)),
    wasmGBPerSecond: { oneThread: gbPerSecond(wasm1.cellUpdatesPerSecond), allCores: gbPerSecond(wasmAll.cellUpdatesPerSecond) },
    reference,
    wasm1Thread: wasm1,
    wasmAllCores: { threads: THREADS, ...wasmAll },
  };
}

// The machine may be shared: the load average before and after says how far to trust the numbers.
const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
const models = { merewether: await merewether(), synthetic2048: synthetic() };
const cpu = {
  merewether: await benchCase('merewether 321×416', models.merewether),
  synthetic2048: await benchCase('synthetic 2048×2048', models.synthetic2048),
};
const webgpu = await benchFloodWebgpu(webgpuCases(models));
const results = {
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: THREADS, node: process.version, loadAverageBefore: loadBefore },
  bytesPerCellUpdate: BYTES_PER_CELL_UPDATE,
  merewether: { ...cpu.merewether, webgpu: webgpu.merewether ?? null },
  synthetic2048: { ...cpu.synthetic2048, webgpu: webgpu.synthetic2048 ?? null },
};
process.stdout.write(`${JSON.stringify({ ...results, loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))) }, null, 2)}\n`);
