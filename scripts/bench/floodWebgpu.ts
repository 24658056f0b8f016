/**
 * The WebGPU part of bench:flood: cell updates per second of the WGSL backend in Debian's Chromium (SwiftShader
 * when there is no GPU). `benchFloodWebgpu(cases)` returns one entry per case for scripts/bench/flood.ts to
 * merge; run alone (`tsx scripts/bench/floodWebgpu.ts`) it benchmarks Merewether and the 2048 × 2048 grid of
 * flood.ts and prints JSON. Two figures per case:
 * - `cellUpdatesPerSecond`: the real driver (SCHEME.md's host time step), which reads the maximum depth back
 *   after every step and the depth frame at each output time;
 * - `unsyncedCellUpdatesPerSecond`: the same passes recorded back to back without the per-step read-back, the
 *   bound a GPU-resident Δt could reach.
 */
import { runSetupOf } from '../../src/sim/flood/simulate';
import type { FloodModel } from '../../src/sim/flood/types';
import { launchWebGpuChromium, openFloodPage } from '../../tests/e2e/flood/floodPage';
import type { BenchReply } from '../../tests/e2e/flood/protocol';

export interface WebGpuBenchCase {
  name: string;
  model: FloodModel;
  /** Simulated seconds between output times (frame read-backs); default 10. */
  chunkSeconds?: number;
  /** Minimum wall seconds timed; default 10. */
  minWallSeconds?: number;
  /** Steps of the unsynced measurement; default 20. */
  unsyncedSteps?: number;
}

export type WebGpuBenchResult = ({ adapter: string } & BenchReply) | { error: string };

/** An origin nothing listens on: every request to it is answered by the page's routes. */
const ORIGIN = 'http://127.0.0.1:9';

export async function benchFloodWebgpu(cases: readonly WebGpuBenchCase[]): Promise<Record<string, WebGpuBenchResult>> {
  const results: Record<string, WebGpuBenchResult> = {};
  const browser = await launchWebGpuChromium();
  try {
    const page = await openFloodPage(browser, ORIGIN);
    const probe = await page.call('probe');
    if (!probe.ok) {
      for (const c of cases) results[c.name] = { error: `${probe.code}: ${probe.message}` };
      return results;
    }
    for (const c of cases) {
      process.stderr.write(`[bench:flood] webgpu ${c.name}…\n`);
      const reply = await page.call('bench', {
        setup: runSetupOf(c.model),
        cellsUrl: page.serveCells(c.model),
        chunkSeconds: c.chunkSeconds ?? 10,
        minWallSeconds: c.minWallSeconds ?? 10,
        unsyncedSteps: c.unsyncedSteps ?? 20,
      });
      results[c.name] = {
        adapter: probe.description,
        ...reply,
        cellUpdatesPerSecond: Math.round(reply.cellUpdatesPerSecond),
        unsyncedCellUpdatesPerSecond: Math.round(reply.unsyncedCellUpdatesPerSecond),
      };
    }
  } finally {
    await browser.close();
  }
  return results;
}
