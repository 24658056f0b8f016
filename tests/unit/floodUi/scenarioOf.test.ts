import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/flood/parseScenario';
import { alternatingBlockStorm } from '../../../src/sim/flood/rain';
import { hanoiIdf } from '../../../src/sim/flood/ui/hanoiStorm';
import { scenarioOf } from '../../../src/sim/flood/ui/scenarioOf';
import { DEFAULT_DRAFT } from '../../../src/state/floodStore';
import { ASSETS_DIR } from '../demo/demoFiles';

const base = JSON.parse(readFileSync(join(ASSETS_DIR, 'flood/scenario.json'), 'utf8')) as Record<string, unknown>;

describe('the operator draft as an engine scenario', () => {
  it('reproduces the committed demo scenario from the default draft', () => {
    const { scenario, files } = scenarioOf(base, DEFAULT_DRAFT);
    const { $schema: _schema, ...expected } = base;
    expect(scenario).toEqual(expected);
    expect(files).toEqual({});
    expect(() => parseScenario(scenario)).not.toThrow();
  });

  it('applies the return period, duration, drainage (zones in proportion) and inflows', () => {
    const { scenario } = scenarioOf(base, {
      ...DEFAULT_DRAFT, returnPeriodYears: 100, durationMinutes: 120, drainageMmPerHour: 20,
      inflows: [{ x: 581200, y: 2327500, dischargeM3s: 2 }],
    });
    const parsed = parseScenario(scenario);
    expect(parsed.durationSeconds).toBe(7200);
    expect(parsed.rain?.designStorm?.idf).toEqual(hanoiIdf(100));
    expect(parsed.drainage).toEqual({ defaultMmPerHour: 20, zones: [{ polygon: 'drainage-east.geojson', mmPerHour: 15 }] });
    expect(parsed.inflows).toEqual([{ x: 581200, y: 2327500, radiusMeters: 4, hydrograph: [[0, 2], [7200, 2]] }]);
  });

  it('hands a picked rain CSV over as a file the scenario names', () => {
    const { scenario, files } = scenarioOf(base, { ...DEFAULT_DRAFT, rainSource: 'csv', rainCsv: { name: 'mưa 2008.csv', text: '0,50\n600,0\n' } });
    const path = (scenario.rain as { csv: string }).csv;
    expect(new TextDecoder().decode(files[path])).toBe('0,50\n600,0\n');
  });

  it('gives a 10-year, 60 min Hà Nội storm of plausible depth (TCVN 7957:2008 form)', () => {
    const storm = alternatingBlockStorm({ idf: hanoiIdf(10), durationMinutes: 60, blockMinutes: 5 });
    const depthMm = storm.reduce((sum, [, mmPerHour], k) => sum + (k + 1 < storm.length ? (mmPerHour * 5) / 60 : 0), 0);
    expect(depthMm).toBeGreaterThan(70);
    expect(depthMm).toBeLessThan(110);
  });
});
