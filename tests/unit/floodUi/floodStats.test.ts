import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../src/sim/flood/types';
import { buildingWalls, floodedBuildings, floodedRoadMeters, roadCells } from '../../../workers/floodRun/floodStats';

/** 10 × 10 cells of 2 m, x 0..20 east, y 20..0 south. */
const GRID: Grid = { nx: 10, ny: 10, dx: 2, x0: 0, yTop: 20, crs: null };
const cell = (i: number, j: number) => j * GRID.nx + i;
/** A 4 m × 4 m building covering cells i 2..3, j 2..3. */
const SQUARE = [[[4, 16, 8, 16, 8, 12, 4, 12, 4, 16]]];

describe('flood statistics', () => {
  it('finds the wall cells of a building: the ring of cells touching its footprint, not the footprint', () => {
    const walls = buildingWalls(GRID, [SQUARE]);
    const cells = [...walls.cells];
    expect(cells).toHaveLength(8);
    expect(cells).toContain(cell(1, 2));
    expect(cells).toContain(cell(4, 3));
    expect(cells).not.toContain(cell(2, 2));
    expect(cells).not.toContain(cell(1, 1)); // diagonal: water there does not stand against a wall
  });

  it('counts a building as flooded above 0.3 m at a wall, not at 0.3 m', () => {
    const walls = buildingWalls(GRID, [SQUARE, [[[14, 6, 18, 6, 18, 2, 14, 2, 14, 6]]]]);
    const depth = new Float32Array(GRID.nx * GRID.ny);
    depth[cell(1, 3)] = 0.3;
    expect([...floodedBuildings(walls, depth)]).toEqual([]);
    depth[cell(1, 3)] = 0.31;
    depth[cell(2, 2)] = 5; // inside the footprint: not a wall
    expect([...floodedBuildings(walls, depth)]).toEqual([0]);
  });

  it('measures road length under more than 0.15 m', () => {
    // A 20 m road along row j = 5 (y = 9), one cell deep in water over 6 m of it.
    const roads = roadCells(GRID, [[[0, 9], [20, 9]]]);
    expect(roads.totalMeters).toBeCloseTo(20, 6);
    const depth = new Float32Array(GRID.nx * GRID.ny);
    for (const i of [3, 4, 5]) depth[cell(i, 5)] = 0.2;
    depth[cell(6, 5)] = 0.15;
    expect(floodedRoadMeters(roads, depth)).toBeCloseTo(6, 6);
  });

  it('leaves out the parts of a road outside the grid', () => {
    expect(roadCells(GRID, [[[-10, 9], [10, 9]]]).totalMeters).toBeCloseTo(10, 6);
  });
});
