/** Manning's n from a land-use layer: each class gets its roughness, explicit zones win, bad specs name the field. */
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatAsciiGrid, parseScenario, prepareScenario, type ScenarioFiles } from '../../../src/sim/flood/index';

/** A flat 10 × 10 DEM of 1 m cells with its lower-left corner at (0, 0). */
const DEM = formatAsciiGrid({ nx: 10, ny: 10, dx: 1, x0: 0, yTop: 10, crs: null }, new Float32Array(100));

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

const LANDUSE = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { landuse: 'grass' }, geometry: square(0, 0, 5, 10) },
    { type: 'Feature', properties: { landuse: 'parking' }, geometry: square(5, 0, 10, 5) },
    { type: 'Feature', properties: { landuse: 'unmapped' }, geometry: square(5, 5, 10, 10) },
  ],
});

function memoryFiles(entries: Record<string, string>): ScenarioFiles {
  const encode = (text: string) => new TextEncoder().encode(text);
  return {
    read: async (path) => {
      const text = entries[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return encode(text);
    },
    exists: async (path) => path in entries,
    expand: async (pattern) => Object.keys(entries).filter((path) => path === pattern),
  };
}

const scenario = (manning: object) =>
  parseScenario({
    dem: 'dem.asc', durationSeconds: 10, outputIntervalSeconds: 10, manning,
    boundaries: { north: 'wall', east: 'wall', south: 'wall', west: 'wall' },
  });

describe("Manning's n from a land-use layer", () => {
  it('gives each mapped class its roughness, the default elsewhere, and lets explicit zones override', async () => {
    const files = memoryFiles({ 'dem.asc': DEM, 'landuse.geojson': LANDUSE, 'road.geojson': JSON.stringify(square(0, 0, 2, 2)) });
    const model = await prepareScenario(
      scenario({
        default: 0.04,
        landUse: { layer: 'landuse.geojson', property: 'landuse', n: { grass: 0.05, parking: 0.015 } },
        zones: [{ polygon: 'road.geojson', n: 0.02 }],
      }),
      files,
    );
    const at = (x: number, y: number) => model.manning[(10 - 1 - Math.floor(y)) * 10 + Math.floor(x)];
    expect(at(2.5, 7.5)).toBeCloseTo(0.05, 6); // grass
    expect(at(7.5, 2.5)).toBeCloseTo(0.015, 6); // parking
    expect(at(7.5, 7.5)).toBeCloseTo(0.04, 6); // a class the table does not name keeps the default
    expect(at(0.5, 0.5)).toBeCloseTo(0.02, 6); // the road zone wins over grass
  });

  it('names the bad field', () => {
    expect(() => scenario({ default: 0.04, landUse: { layer: 'l.geojson', property: 'landuse', n: { grass: -1 } } })).toThrow(
      expect.objectContaining({ field: 'manning.landUse.n.grass' }) as unknown as ScenarioError,
    );
  });
});
