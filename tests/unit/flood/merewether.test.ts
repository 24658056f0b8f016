/**
 * The real Merewether flood (ARR Project 15; ../shared/data/flood/merewether): peak stage at the 5 observation
 * points against the observed levels of the final ARR report. TUFLOW's mean absolute error there is 0.118 m.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/flood/parseScenario';
import { prepareScenario } from '../../../src/sim/flood/prepare';
import { nodeScenarioFiles } from '../../../src/sim/flood/node/scenarioFiles';
import { MEREWETHER_SCENARIO, SHARED_DATA, parityOf, run } from './backends';
import { merewetherCrop } from './merewetherCrop';

/** ObservationPoints.csv, column "stage (ARR Report Final)", by point ID. */
function observedStages(): Map<string, number> {
  const lines = readFileSync(`${SHARED_DATA}/flood/merewether/ObservationPoints.csv`, 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((line) => {
    const fields = line.split(',').map((f) => f.trim());
    return [fields[2]!, Number(fields[4])];
  }));
}

describe('Merewether urban flood (real observations)', { timeout: 180_000 }, () => {
  it('peak stages at the 5 observation points: mean absolute error ≤ 0.15 m (WASM, 2 threads)', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')));
    const model = await prepareScenario(scenario, nodeScenarioFiles(dirname(MEREWETHER_SCENARIO)));
    const results = await run(model, 'wasm-2-threads');
    const observed = observedStages();
    const errors = results.gauges.map((g) => ({ id: g.id, computed: g.peakStage, observed: observed.get(g.id)!, error: g.peakStage - observed.get(g.id)! }));
    const mae = errors.reduce((sum, e) => sum + Math.abs(e.error), 0) / errors.length;
    console.info('Merewether peak stage errors (m):', JSON.stringify(errors.map((e) => [e.id, Number(e.error.toFixed(3))])), 'MAE', mae.toFixed(3));
    expect(errors).toHaveLength(5);
    expect(mae).toBeLessThanOrEqual(0.15);
    expect(Math.abs(results.volume.errorRelative)).toBeLessThan(1e-5);
  });
});

describe('Merewether backend parity (crop)', { timeout: 180_000 }, () => {
  it('south-west 160 × 160 cells, 200 s: WASM = reference within 1e-4 m, 2 threads = 1 thread bitwise', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')));
    const model = await prepareScenario(scenario, nodeScenarioFiles(dirname(MEREWETHER_SCENARIO)));
    const parity = await parityOf(() => merewetherCrop(model, 200));
    console.info(`[flood parity] Merewether crop: ${JSON.stringify(parity)}`);
    expect(parity.finalDepth).toBeLessThan(1e-4);
    expect(parity.maxDepth).toBeLessThan(1e-4);
    expect(parity.peakStage).toBeLessThan(1e-4);
    expect(parity.threadsFinalDepth).toBe(0);
  });
});
