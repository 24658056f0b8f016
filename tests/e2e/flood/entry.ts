/// <reference types="@webgpu/types" />
/**
 * The page side of the WebGPU flood tests and benchmark: bundled by floodPage.ts and loaded into a page on the
 * test server's origin (a secure context), it exposes `window.saoFlood` (protocol.ts).
 */
import { FloodWebGpuError, createWebGpuRunner, requestFloodDevice } from '../../../workers/flood/webgpu';
import type { BenchReply, BenchRequest, FloodPageApi, RunReply, RunRequest } from './protocol';
import { decodeCells } from './protocol';
import type { RunSetup } from '../../../workers/flood/runner';
import type { CellArrays } from '../../../workers/flood/state';

async function fetchCells(url: string, setup: RunSetup): Promise<CellArrays> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return decodeCells(await response.arrayBuffer(), setup.nx * setup.ny);
}

const codeOf = (error: unknown): string => (error instanceof FloodWebGpuError ? error.code : String(error));

async function run({ setup, cellsUrl, times }: RunRequest): Promise<RunReply> {
  const runner = await createWebGpuRunner(setup, await fetchCells(cellsUrl, setup));
  const frames: number[][] = [];
  for (const t of times) {
    await runner.advance(t);
    frames.push(Array.from(runner.fields.h));
  }
  const peaks = runner.gaugePeaks();
  const totals = runner.totals();
  const gpuBytesBefore = runner.gpuBytes;
  const lost = runner.device.lost.then((info) => info.reason);
  runner.dispose();
  const advanceAfter = await runner.advance(runner.t + 1).then(() => 'resolved', codeOf);
  const deviceLost = await Promise.race([lost, new Promise<string>((resolve) => setTimeout(() => resolve('not lost'), 2000))]);
  return {
    frames,
    gaugePeakStage: Array.from(peaks.stage),
    gaugePeakTime: Array.from(peaks.time),
    totals,
    disposal: { gpuBytesBefore, gpuBytesAfter: runner.gpuBytes, advanceAfter, deviceLost },
  };
}

async function bench({ setup, cellsUrl, chunkSeconds, minWallSeconds, unsyncedSteps }: BenchRequest): Promise<BenchReply> {
  const runner = await createWebGpuRunner(setup, await fetchCells(cellsUrl, setup));
  try {
    const cellCount = setup.nx * setup.ny;
    // Warm-up: the first submissions pay for pipeline and buffer first use.
    await runner.advance(chunkSeconds);
    const steps0 = runner.totals().steps;
    const start = performance.now();
    while (performance.now() - start < minWallSeconds * 1000) await runner.advance(runner.t + chunkSeconds);
    const wallSeconds = (performance.now() - start) / 1000;
    const steps = runner.totals().steps - steps0;
    const unsynced = await runner.timeUnsyncedSteps(unsyncedSteps);
    return {
      steps,
      wallSeconds,
      cellUpdatesPerSecond: (cellCount * steps) / wallSeconds,
      unsyncedCellUpdatesPerSecond: (cellCount * unsyncedSteps) / unsynced,
      gpuBytes: runner.gpuBytes,
    };
  } finally {
    runner.dispose();
  }
}

const api: FloodPageApi = {
  async probe() {
    try {
      const { device, description, isFallbackAdapter } = await requestFloodDevice();
      device.destroy();
      return { ok: true, description, fallback: isFallbackAdapter };
    } catch (error) {
      return { ok: false, code: codeOf(error), message: error instanceof Error ? error.message : String(error) };
    }
  },
  async noAdapter() {
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    try {
      await requestFloodDevice(gpu);
      return { code: 'none', message: 'an adapter appeared' };
    } catch (error) {
      return { code: codeOf(error), message: error instanceof Error ? error.message : String(error) };
    }
  },
  run,
  bench,
};

(window as unknown as { saoFlood: FloodPageApi }).saoFlood = api;
