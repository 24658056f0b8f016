/**
 * What operators count during a storm (issue 4, item 7): buildings with more than 0.3 m of water against a wall,
 * and the length of road under more than 0.15 m. Pure functions over a depth raster; the footprints and roads
 * are reduced once to cell lists so that counting a frame costs a few thousand reads.
 */
import { burnPolygon } from '../../src/sim/flood/polygons';
import type { Polygon } from '../../src/sim/flood/polygons';
import type { Grid } from '../../src/sim/flood/types';

export const BUILDING_FLOOD_DEPTH_M = 0.3;
export const ROAD_FLOOD_DEPTH_M = 0.15;
/** The thresholds as depths are stored (f32): a depth that reads 0.3 is not "more than 0.3". */
const BUILDING_LIMIT = Math.fround(BUILDING_FLOOD_DEPTH_M);
const ROAD_LIMIT = Math.fround(ROAD_FLOOD_DEPTH_M);
/** Step along a road when sampling it onto cells (m): a quarter cell at 2 m keeps the length error below 1 %. */
const ROAD_SAMPLE_M = 0.5;

export interface BuildingWalls {
  /** Cells just outside each building (4-neighbours of its footprint that are no building), CSR: cells[start[b]..start[b+1]). */
  start: Uint32Array;
  cells: Uint32Array;
}

export interface RoadCells {
  cells: Uint32Array;
  /** Road metres in each cell. */
  meters: Float32Array;
  totalMeters: number;
}

/** The wall cells of each building (footprints in the grid's CRS). */
export function buildingWalls(grid: Grid, footprints: Polygon[][]): BuildingWalls {
  const { nx, ny } = grid;
  const inside = new Int32Array(nx * ny).fill(-1);
  footprints.forEach((polygons, b) => polygons.forEach((polygon) => burnPolygon(grid, polygon, (k) => (inside[k] = b))));
  const start = new Uint32Array(footprints.length + 1);
  const cells: number[] = [];
  footprints.forEach((_, b) => {
    const wall = new Set<number>();
    for (let k = 0; k < inside.length; k++) {
      if (inside[k] !== b) continue;
      const i = k % nx;
      const j = (k - i) / nx;
      for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const [ii, jj] = [i + di, j + dj];
        if (ii >= 0 && ii < nx && jj >= 0 && jj < ny && inside[jj * nx + ii] === -1) wall.add(jj * nx + ii);
      }
    }
    cells.push(...[...wall].sort((p, q) => p - q));
    start[b + 1] = cells.length;
  });
  return { start, cells: Uint32Array.from(cells) };
}

/** Road polylines (grid CRS) sampled onto cells: metres of road per cell. */
export function roadCells(grid: Grid, lines: number[][][]): RoadCells {
  const perCell = new Map<number, number>();
  let totalMeters = 0;
  for (const line of lines) {
    for (let s = 0; s + 1 < line.length; s++) {
      const [ax, ay] = line[s]!;
      const [bx, by] = line[s + 1]!;
      const length = Math.hypot(bx! - ax!, by! - ay!);
      const samples = Math.max(1, Math.ceil(length / ROAD_SAMPLE_M));
      for (let n = 0; n < samples; n++) {
        const u = (n + 0.5) / samples;
        const i = Math.floor((ax! + u * (bx! - ax!) - grid.x0) / grid.dx);
        const j = Math.floor((grid.yTop - (ay! + u * (by! - ay!))) / grid.dx);
        if (i < 0 || i >= grid.nx || j < 0 || j >= grid.ny) continue;
        const k = j * grid.nx + i;
        perCell.set(k, (perCell.get(k) ?? 0) + length / samples);
        totalMeters += length / samples;
      }
    }
  }
  const keys = [...perCell.keys()].sort((p, q) => p - q);
  return { cells: Uint32Array.from(keys), meters: Float32Array.from(keys.map((k) => perCell.get(k)!)), totalMeters };
}

/** Indexes of the buildings with more than `BUILDING_FLOOD_DEPTH_M` at a wall cell. */
export function floodedBuildings(walls: BuildingWalls, depth: Float32Array): Uint16Array {
  const flooded: number[] = [];
  for (let b = 0; b + 1 < walls.start.length; b++) {
    for (let c = walls.start[b]!; c < walls.start[b + 1]!; c++) {
      if (depth[walls.cells[c]!]! > BUILDING_LIMIT) {
        flooded.push(b);
        break;
      }
    }
  }
  return Uint16Array.from(flooded);
}

/** Metres of road under more than `ROAD_FLOOD_DEPTH_M`. */
export function floodedRoadMeters(roads: RoadCells, depth: Float32Array): number {
  let sum = 0;
  for (let c = 0; c < roads.cells.length; c++) if (depth[roads.cells[c]!]! > ROAD_LIMIT) sum += roads.meters[c]!;
  return sum;
}
