/** Scenario files, inputs and outputs: the schema, field-naming errors, ASCII/GeoTIFF round trips, storms. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  ScenarioError, alternatingBlockStorm, formatAsciiGrid, hazardClass, hazardRating, parseAsciiGrid, parseScenario,
  readGeoTiff, writeGeoTiff,
} from '../../../src/sim/flood/index';
import { MEREWETHER_SCENARIO, REPO } from './backends';

const schema = JSON.parse(readFileSync(join(REPO, 'src/sim/flood/scenario.schema.json'), 'utf8')) as object;
const merewether = (): Record<string, unknown> => JSON.parse(readFileSync(MEREWETHER_SCENARIO, 'utf8')) as Record<string, unknown>;

describe('flood scenario', () => {
  it('the Merewether scenario is valid against the JSON Schema and the parser', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(merewether()), JSON.stringify(validate.errors)).toBe(true);
    expect(parseScenario(merewether()).boundaries.north).toBe('open');
  });

  it.each([
    ['durationSeconds', (s: Record<string, unknown>) => (s.durationSeconds = -5)],
    ['boundaries.east', (s: Record<string, unknown>) => ((s.boundaries as Record<string, unknown>).east = 'sea')],
    ['inflows[0].hydrograph[1][0]', (s: Record<string, unknown>) => ((s.inflows as { hydrograph: number[][] }[])[0]!.hydrograph[1]![0] = -1)],
    ['manning.default', (s: Record<string, unknown>) => ((s.manning as Record<string, unknown>).default = 'rough')],
    ['rainfall', (s: Record<string, unknown>) => (s.rainfall = {})],
  ])('rejects a bad %s, naming the field', (field, spoil) => {
    const scenario = merewether();
    spoil(scenario);
    expect(() => parseScenario(scenario)).toThrow(ScenarioError);
    try {
      parseScenario(scenario);
    } catch (error) {
      expect((error as ScenarioError).field).toBe(field);
    }
  });
});

describe('flood inputs and outputs', () => {
  const grid = { nx: 3, ny: 2, dx: 2, x0: 100, yTop: 204, crs: 'EPSG:32756' };
  const values = Float32Array.from([1, 2, 3, 4, NaN, 6]);

  it('round-trips an ESRI ASCII grid (row 0 north, NODATA as NaN)', () => {
    const back = parseAsciiGrid(formatAsciiGrid(grid, values));
    expect([back.nx, back.ny, back.dx, back.x0, back.yTop]).toEqual([3, 2, 2, 100, 204]);
    expect(Array.from(back.values)).toEqual([1, 2, 3, 4, NaN, 6]);
  });

  it('round-trips a Float32 GeoTIFF with its EPSG code', async () => {
    const back = await readGeoTiff(writeGeoTiff(grid, values));
    expect(back.crs).toBe('EPSG:32756');
    expect([back.x0, back.yTop, back.dx]).toEqual([100, 204, 2]);
    expect(Array.from(back.values)).toEqual([1, 2, 3, 4, NaN, 6]);
  });

  it('builds an alternating-block storm whose depth is the IDF depth of the whole duration', () => {
    const idf = { a: 1500, b: 10, c: 0.8 };
    const storm = alternatingBlockStorm({ idf, durationMinutes: 60, blockMinutes: 10 });
    const depth = storm.slice(0, -1).reduce((sum, [, i]) => sum + (i * 10) / 60, 0);
    expect(depth).toBeCloseTo(idf.a / (60 + idf.b) ** idf.c, 9);
    const intensities = storm.map(([, i]) => i);
    expect(intensities.indexOf(Math.max(...intensities))).toBe(2);
  });

  it('rates hazard as FD2320 (HR = d(v + 0.5) + DF)', () => {
    expect(hazardRating(0.2, 0.5, 0.001)).toBeCloseTo(0.2 + 0.5);
    expect(hazardClass(hazardRating(0.5, 1, 0.001))).toBe('significant');
    expect(hazardClass(hazardRating(1.2, 2.5, 0.001))).toBe('extreme');
  });
});
