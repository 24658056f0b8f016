import { describe, expect, it } from 'vitest';
import { createTransform } from '../../../src/geo';
import { parseAsciiGrid } from '../../../src/sim/flood/asciiGrid';
import { parseScenario } from '../../../src/sim/flood/parseScenario';
import { BLOCK_LIFT_M, FLOOD_OUTPUT_PATHS, REGIONAL_SLOPE, floodGrid } from '../../../scripts/build-demo/terrain';
import type { GeoExtent } from '../../../src/gis/types';
import { readAsset, readAssetJson } from '../demo/demoFiles';

const extent = readAssetJson<{ extent: GeoExtent }>('city.json').extent;
const dem = parseAsciiGrid(readAsset(FLOOD_OUTPUT_PATHS.dem).toString('utf8'));

describe('the synthetic flood terrain of the demo district', () => {
  it('covers the catalogue extent in EPSG:5897 with 2 m cells', () => {
    expect(readAsset(FLOOD_OUTPUT_PATHS.prj).toString('utf8')).toMatch(/AUTHORITY\["EPSG","5897"\]\]\n$/);
    const grid = floodGrid(extent);
    expect({ nx: dem.nx, ny: dem.ny, dx: dem.dx, x0: dem.x0, yTop: dem.yTop }).toEqual({ nx: grid.nx, ny: grid.ny, dx: 2, x0: grid.x0, yTop: grid.yTop });
    const toGrid = createTransform('EPSG:4326', 'EPSG:5897');
    for (const [lon, lat] of [[extent.west, extent.south], [extent.east, extent.north], [extent.west, extent.north], [extent.east, extent.south]]) {
      const [x, y] = toGrid(lon!, lat!);
      expect(x).toBeGreaterThanOrEqual(dem.x0);
      expect(x).toBeLessThanOrEqual(dem.x0 + dem.nx * dem.dx);
      expect(y).toBeLessThanOrEqual(dem.yTop);
      expect(y).toBeGreaterThanOrEqual(dem.yTop - dem.ny * dem.dx);
    }
  });

  it('falls gently to the east-south-east (the Tô Lịch) and has streets below the blocks', () => {
    const at = (i: number, j: number) => dem.values[j * dem.nx + i]!;
    const blocks = [...dem.values];
    // The block level is the highest ground of each stretch: the fall between the west and east edges' maxima.
    const west = Math.max(...Array.from({ length: dem.ny }, (_, j) => at(0, j)));
    const east = Math.max(...Array.from({ length: dem.ny }, (_, j) => at(dem.nx - 1, j)));
    expect(west - east).toBeGreaterThan(0.5 * REGIONAL_SLOPE * dem.nx * dem.dx);
    expect(west - east).toBeLessThan(2 * REGIONAL_SLOPE * dem.nx * dem.dx);
    // Streets: cells 0.15–0.3 m below the highest cell within 10 m along the fall (ESE) direction.
    let streets = 0;
    for (let j = 0; j < dem.ny; j++) {
      for (let i = 0; i < dem.nx; i++) {
        let block = -Infinity;
        for (let d = -5; d <= 5; d++) block = Math.max(block, at(Math.min(dem.nx - 1, Math.max(0, i + d)), j) + d * dem.dx * REGIONAL_SLOPE);
        if (block - at(i, j) > 0.12) streets++;
      }
    }
    expect(streets / blocks.length, 'share of street cells').toBeGreaterThan(0.1);
    expect(streets / blocks.length).toBeLessThan(0.5);
    expect(Math.min(...blocks)).toBeGreaterThan(5);
    expect(Math.max(...blocks)).toBeLessThan(7 + BLOCK_LIFT_M + 1);
  });

  it('comes with a scenario the engine accepts, its gauges inside the grid', () => {
    const scenario = parseScenario(readAssetJson(FLOOD_OUTPUT_PATHS.scenario));
    expect(scenario.crs).toBe('EPSG:5897');
    expect(scenario.gauges!.length).toBeGreaterThanOrEqual(3);
    for (const g of scenario.gauges!) {
      expect(g.x).toBeGreaterThan(dem.x0);
      expect(g.y).toBeLessThan(dem.yTop);
    }
    const buildings = readAssetJson<{ features: unknown[] }>(FLOOD_OUTPUT_PATHS.buildings);
    expect(buildings.features).toHaveLength(87);
  });
});
