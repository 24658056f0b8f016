/**
 * The WebGPU part of bench:flood: cell updates per second of the WGSL backend in Debian's Chromium with
 * `--enable-unsafe-webgpu` (SwiftShader when there is no GPU). `benchFloodWebgpu(cases)` builds the app, serves it
 * with `vite preview` (tests/e2e/server.ts, as the e2e tests do), opens the flood page (tests/e2e/flood/floodPage.ts,
 * Chromium flags from tests/e2e/harness.ts) on that origin and returns one entry per case for scripts/bench/flood.ts
 * to merge; run alone (`tsx scripts/bench/floodWebgpu.ts`) it benchmarks the cases of floodCases.ts and prints
 * JSON. Two figures per case:
 * - `cellUpdatesPerSecond`: the real driver (SCHEME.md's host time step), which reads the step's maxima (8 bytes)
 *   back after every step and the depth frame at each output time;
 * - `unsyncedCellUpdatesPerSecond`: the same passes recorded back to back without the per-step read-back, the
 *   bound a GPU-resident Δt could reach.
 * Progress goes to stderr; stdout carries only JSON.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { runSetupOf } from '../../src/sim/flood/simulate';
import type { FloodModel } from '../../src/sim/flood/types';
import { launchWebGpuChromium, openFloodPage } from '../../tests/e2e/flood/floodPage';
import type { BenchReply } from '../../tests/e2e/flood/protocol';
import { ROOT, build, preview } from '../../tests/e2e/server';
import type { PreviewServer } from '../../tests/e2e/server';
import { merewether, synthetic } from './floodCases';

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

export type WebGpuBenchResult = ({ adapter: string; fallbackAdapter: boolean } & BenchReply) | { error: string };

const log = (message: string): void => void process.stderr.write(`[bench:flood] ${message}\n`);

/** Never throws: a case (or the whole browser) that fails is reported as `{ error }` in its entry. */
export async function benchFloodWebgpu(cases: readonly WebGpuBenchCase[]): Promise<Record<string, WebGpuBenchResult>> {
  const results: Record<string, WebGpuBenchResult> = {};
  const failAll = (error: unknown): void => {
    for (const c of cases) results[c.name] ??= { error: error instanceof Error ? error.message : String(error) };
  };
  // One folder per process (ignored by git): others build the app in this checkout at the same time.
  const outDir = join('bench-results', `dist-flood-webgpu-${process.pid}`);
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    log(`webgpu: building the app into ${outDir}…`);
    build({ outDir });
    server = await preview({ outDir });
    browser = await launchWebGpuChromium();
    const page = await openFloodPage(browser, server.url);
    const probe = await page.call('probe');
    if (!probe.ok) {
      failAll(`${probe.code}: ${probe.message}`);
      return results;
    }
    log(`webgpu adapter: ${probe.description}${probe.fallback ? ' (fallback)' : ''}`);
    for (const c of cases) {
      log(`webgpu ${c.name}…`);
      try {
        const reply = await page.call('bench', {
          setup: runSetupOf(c.model),
          cellsUrl: page.serveCells(c.model),
          chunkSeconds: c.chunkSeconds ?? 10,
          minWallSeconds: c.minWallSeconds ?? 10,
          unsyncedSteps: c.unsyncedSteps ?? 20,
        });
        results[c.name] = {
          adapter: probe.description,
          fallbackAdapter: probe.fallback,
          ...reply,
          wallSeconds: Number(reply.wallSeconds.toFixed(2)),
          cellUpdatesPerSecond: Math.round(reply.cellUpdatesPerSecond),
          unsyncedCellUpdatesPerSecond: Math.round(reply.unsyncedCellUpdatesPerSecond),
        };
      } catch (error) {
        results[c.name] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  } catch (error) {
    failAll(error);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(join(ROOT, outDir), { recursive: true, force: true });
  }
  return results;
}

/**
 * The cases bench:flood runs: Merewether in 10 s chunks (~100 steps each), the 2048 × 2048 grid in 0.5 s chunks
 * (5 steps of 0.1 s: a SwiftShader step there takes about a second).
 */
export const webgpuCases = (models: { merewether: FloodModel; synthetic2048: FloodModel }): WebGpuBenchCase[] => [
  { name: 'merewether', model: models.merewether, chunkSeconds: 10, minWallSeconds: 10, unsyncedSteps: 20 },
  { name: 'synthetic2048', model: models.synthetic2048, chunkSeconds: 0.5, minWallSeconds: 10, unsyncedSteps: 5 },
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchFloodWebgpu(webgpuCases({ merewether: await merewether(), synthetic2048: synthetic() }));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
