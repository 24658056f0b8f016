/**
 * Physics validation (issue 4 item 6) on every backend: lake at rest, Hunter et al. (2005) wave front, mass
 * conservation; and parity of the WASM kernel (1 and 2 threads) with the TypeScript reference.
 */
import { describe, expect, it } from 'vitest';
import { HUNTER, basinModel, hunterDepth, hunterModel, lakeModel } from './synthetic';
import { parityOf, run } from './backends';
import type { TestBackend } from './backends';

const BACKENDS: TestBackend[] = ['reference', 'wasm'];

describe.each(BACKENDS)('flood physics, %s backend', { timeout: 60_000 }, (backend) => {
  it('keeps a lake at rest over uneven ground with islands for 1 h (no speed above 1e-6 m/s)', async () => {
    const results = await run(lakeModel(), backend);
    expect(results.simSeconds).toBe(3600);
    expect(Math.max(...results.maxSpeed.filter((v) => !Number.isNaN(v)))).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(results.volume.storageChange)).toBeLessThan(1e-6);
  });

  it('moves the Hunter et al. (2005) front at u = 0.5 m/s over a flat plane, within 5 % after 1 h', async () => {
    const results = await run(hunterModel(), backend);
    const row = HUNTER.nx; // the second row, away from nothing in particular (walls are frictionless in y)
    let front = 0;
    for (let i = 0; i < HUNTER.nx; i++) if (results.finalDepth[row + i]! > 0.01) front = (i + 1) * HUNTER.dx;
    const exact = HUNTER.u * HUNTER.seconds;
    expect(Math.abs(front - exact) / exact).toBeLessThan(0.05);
    // Depths behind the front follow h = [7/3·n²u²(ut − x)]^(3/7) within 3 cm.
    for (const x of [5, 505, 1005]) {
      expect(results.finalDepth[row + Math.floor(x / HUNTER.dx)]!).toBeCloseTo(hunterDepth(x, HUNTER.seconds), 1);
    }
  });

  it('conserves mass with rain, a point inflow, drainage and an open edge (relative error < 1e-5)', async () => {
    const results = await run(basinModel(), backend);
    const { volume } = results;
    expect(volume.outflow).toBeGreaterThan(0);
    expect(volume.drainage).toBeGreaterThan(0);
    expect(Math.abs(volume.errorRelative)).toBeLessThan(1e-5);
  });
});

describe('backend parity (SCHEME.md: same depths within 1e-4 m)', { timeout: 120_000 }, () => {
  const cases = [
    ['lake at rest', lakeModel],
    ['Hunter front', hunterModel],
    ['rain, inflow, drainage basin (steep, near-critical sheet flow)', basinModel],
  ] as const;
  it.each(cases)('%s: WASM = reference within 1e-4 m, 2 threads = 1 thread bitwise', async (name, model) => {
    const parity = await parityOf(model);
    console.info(`[flood parity] ${name}: ${JSON.stringify(parity)}`);
    expect(parity.finalDepth).toBeLessThan(1e-4);
    expect(parity.maxDepth).toBeLessThan(1e-4);
    expect(parity.peakStage).toBeLessThan(1e-4);
    expect(parity.threadsFinalDepth).toBe(0);
  });
});
