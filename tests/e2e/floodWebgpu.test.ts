/**
 * The WGSL flood backend where it really runs: Debian's Chromium with `--enable-unsafe-webgpu`, on SwiftShader
 * when the machine has no GPU. Each case runs in the page (WebGPU) and here (the TypeScript reference, the oracle)
 * and must agree within 1e-4 m of depth at every output time and at the gauges' peaks (SCHEME.md). No adapter is a
 * failure, not a skip: CI has the same Chromium, so a missing adapter means a broken setup.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInProcessRunner } from '../../workers/flood/runner';
import { PARITY_CASES, merewetherCropCase } from './flood/cases';
import type { ParityCase } from './flood/cases';
import { WEBGPU_ARGS, launchWebGpuChromium, openFloodPage } from './flood/floodPage';
import type { FloodPage } from './flood/floodPage';
import type { RunReply } from './flood/protocol';

const TOLERANCE = 1e-4;

interface Comparison {
  /** max |Δdepth| per output time (m). */
  depth: number[];
  /** max |Δ peak stage| over the gauges (m). */
  peakStage: number;
  reply: RunReply;
}

describe('WebGPU flood backend in Chromium (parity with the reference)', { timeout: 240_000 }, () => {
  let browser: Browser;
  let page: FloodPage;

  beforeAll(async () => {
    browser = await launchWebGpuChromium();
    page = await openFloodPage(browser, inject('baseUrl'));
    const probe = await page.call('probe');
    if (!probe.ok) {
      throw new Error(`No WebGPU in Chromium started with ${WEBGPU_ARGS.join(' ')}: ${probe.code}: ${probe.message}`);
    }
    console.log(`[sao e2e] WebGPU adapter: ${probe.description}${probe.fallback ? ' (fallback)' : ''}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const compare = async (c: ParityCase): Promise<Comparison> => {
    const reply = await page.call('run', { setup: c.setup, cellsUrl: page.serveCells(c.model), times: c.times });
    const reference = createInProcessRunner(c.setup, c.model, 'reference');
    const depth: number[] = [];
    for (const [f, t] of c.times.entries()) {
      await reference.advance(t);
      const frame = reply.frames[f]!;
      let max = 0;
      for (let k = 0; k < frame.length; k++) max = Math.max(max, Math.abs(frame[k]! - reference.fields.h[k]!));
      depth.push(max);
    }
    const peaks = reference.gaugePeaks().stage;
    const peakStage = Math.max(...reply.gaugePeakStage.map((stage, g) => Math.abs(stage - peaks[g]!)));
    console.log(`[sao e2e] ${c.name}: max |Δdepth| ${depth.map((d) => d.toExponential(1)).join(', ')} m; ` +
      `max |Δ peak stage| ${peakStage.toExponential(1)} m; ${reply.totals.steps} steps (reference ${reference.totals().steps})`);
    // Same Δt sequence: Δt is rounded to f32 from maxima (depth, face speed) that agree to about an ulp.
    expect(reply.totals.steps).toBe(reference.totals().steps);
    return { depth, peakStage, reply };
  };

  it.each(PARITY_CASES.map((make) => [make().name, make] as const))('%s: WGSL = reference within 1e-4 m', async (_, make) => {
    const { depth, peakStage, reply } = await compare(make());
    for (const d of depth) expect(d).toBeLessThanOrEqual(TOLERANCE);
    expect(peakStage).toBeLessThanOrEqual(TOLERANCE);
    expect(page.problems).toEqual([]);
    // dispose() destroyed every buffer and the runner's own device, and the runner refuses to go on.
    expect(reply.disposal.gpuBytesBefore).toBeGreaterThan(0);
    expect(reply.disposal).toMatchObject({ gpuBytesAfter: 0, advanceAfter: 'disposed', deviceLost: 'destroyed' });
  });

  // The engine's own parity case (tests/unit/flood/merewether.test.ts): near-critical flow on 6 % streets, where
  // the old time step let an f32 ulp grow ×10 every ~9 steps (SCHEME.md change log, 2024-06).
  it('Merewether crop: WGSL = reference within 1e-4 m', async () => {
    const { depth, peakStage } = await compare(await merewetherCropCase());
    for (const d of depth) expect(d).toBeLessThanOrEqual(TOLERANCE);
    expect(peakStage).toBeLessThanOrEqual(TOLERANCE);
    expect(page.problems).toEqual([]);
  });

  it('reports a missing adapter as an error with code no-adapter and says what to do', async () => {
    const { code, message } = await page.call('noAdapter');
    expect(code).toBe('no-adapter');
    expect(message).toMatch(/--enable-unsafe-webgpu/);
  });
});
