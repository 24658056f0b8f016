/**
 * Builds the `FloodModel` a backend runs from rasters on one grid (SCHEME.md "Grid and storage"): datum shift,
 * inactive cells, source zones (rain zone × drainage zone), forcing. Scenario files go through prepare.ts first;
 * tests and benchmarks call this directly.
 */
import { BOUNDARY_OPEN, BOUNDARY_STAGE, BOUNDARY_WALL } from '../../../workers/flood/kernel';
import { INACTIVE_BED, INACTIVE_ZONE } from '../../../workers/flood/layout';
import type { Series, SourceZone } from '../../../workers/flood/forcing';
import { ScenarioError } from './ScenarioError';
import { EDGES } from './types';
import type { BoundarySpec, Edge, FloodModel, Grid, NumericsSpec } from './types';

export const DEFAULT_NUMERICS: NumericsSpec = {
  theta: 0.7,
  cflAlpha: 0.55,
  depthThresholdMeters: 1e-3,
  maxTimeStepSeconds: 1,
  // No Froude cap (0): the velocity-aware time step keeps the scheme stable (SCHEME.md "Time step").
  froudeCap: 0,
  inundationDepthMeters: 0.01,
};

export interface ModelInput {
  grid: Grid;
  /** Bed elevation with buildings burned in; NaN marks a cell outside the domain. */
  bed: Float32Array;
  /** Initial water level per cell (NaN or below the bed: dry), or none. */
  initialStage?: Float32Array;
  manning: Float32Array;
  /** Rain zone per cell (index into `rain`), default 0. */
  rainZone?: Uint8Array;
  rain: Series[];
  drainageZone?: Uint8Array;
  drainageMmPerHour: number[];
  inflows: { cells: number[]; hydrograph: Series }[];
  boundaries: Record<Edge, BoundarySpec>;
  gauges: { id: string; x: number; y: number }[];
  durationSeconds: number;
  outputIntervalSeconds: number;
  numerics?: Partial<NumericsSpec>;
}

/** Index of the cell containing (x, y), or −1 outside the grid. */
export function cellAt(grid: Grid, x: number, y: number): number {
  const i = Math.floor((x - grid.x0) / grid.dx);
  const j = Math.floor((grid.yTop - y) / grid.dx);
  return i >= 0 && i < grid.nx && j >= 0 && j < grid.ny ? j * grid.nx + i : -1;
}

/**
 * The f32 depth whose f32 level z + h is the f32 initial level: a lake at rest then has an exactly flat surface in
 * every backend (SCHEME.md "Grid and storage"), at a cost of at most one ulp of depth.
 */
function initialDepth(z: number, stage: number): number {
  const target = Math.fround(stage);
  let h = Math.fround(target - z);
  for (let tries = 0; tries < 4 && Math.fround(z + h) !== target; tries++) {
    h = Math.fround(h + (target - Math.fround(z + h)));
  }
  return h;
}

function boundaryKind(spec: BoundarySpec): number {
  if (spec === 'wall') return BOUNDARY_WALL;
  return spec === 'open' ? BOUNDARY_OPEN : BOUNDARY_STAGE;
}

/** Dense source zones: one per (rain zone, drainage zone) pair present among active cells. */
function sourceZones(input: ModelInput, active: Uint8Array, zone: Uint8Array): SourceZone[] {
  const ids = new Map<number, number>();
  const counts: number[] = [];
  const pairs: [number, number][] = [];
  for (let k = 0; k < zone.length; k++) {
    if (!active[k]) {
      zone[k] = INACTIVE_ZONE;
      continue;
    }
    const rain = input.rainZone?.[k] ?? 0;
    const drainage = input.drainageZone?.[k] ?? 0;
    const key = rain * 256 + drainage;
    let id = ids.get(key);
    if (id === undefined) {
      id = pairs.length;
      if (id >= INACTIVE_ZONE) throw new ScenarioError('rain.zones', 'too many rain × drainage zone combinations (at most 254)');
      ids.set(key, id);
      pairs.push([rain, drainage]);
      counts.push(0);
    }
    zone[k] = id;
    counts[id]!++;
  }
  return pairs.map(([rain, drainage], id) => ({ rain, drainage, cells: counts[id]! }));
}

export function buildModel(input: ModelInput): FloodModel {
  const { grid, bed } = input;
  const cells = grid.nx * grid.ny;
  const active = new Uint8Array(cells);
  let zMin = Infinity;
  for (let k = 0; k < cells; k++) {
    if (Number.isFinite(bed[k]!)) {
      active[k] = 1;
      zMin = Math.min(zMin, bed[k]!);
    }
  }
  if (zMin === Infinity) throw new ScenarioError('dem', 'the DEM has no valid cell');
  const zRef = Math.floor(zMin);
  const z = new Float32Array(cells);
  const h = new Float32Array(cells);
  for (let k = 0; k < cells; k++) {
    z[k] = active[k] ? bed[k]! - zRef : INACTIVE_BED;
    const stage = input.initialStage?.[k] ?? NaN;
    if (active[k] && stage - zRef > z[k]!) h[k] = initialDepth(z[k]!, stage - zRef);
  }
  const zone = new Uint8Array(cells);
  const zones = sourceZones(input, active, zone);
  const shift = (series: Series): Series => ({ times: series.times, values: series.values.map((v) => v - zRef) });
  const stageOf = (spec: BoundarySpec): Series | null =>
    typeof spec === 'object' ? shift({ times: spec.stage.map((p) => p[0]), values: spec.stage.map((p) => p[1]) }) : null;
  return {
    grid,
    zRef,
    z,
    h,
    manning: input.manning,
    zone,
    active,
    forcing: {
      dx: grid.dx,
      rain: input.rain,
      drainageMmPerHour: input.drainageMmPerHour,
      zones,
      inflows: input.inflows.map((inflow) => ({ hydrograph: inflow.hydrograph, cells: inflow.cells.filter((k) => active[k]) })),
      stages: EDGES.map((edge) => stageOf(input.boundaries[edge])),
    },
    boundary: EDGES.map((edge) => boundaryKind(input.boundaries[edge])),
    numerics: { ...DEFAULT_NUMERICS, ...input.numerics },
    gauges: input.gauges.map((g, i) => {
      const cell = cellAt(grid, g.x, g.y);
      if (cell < 0) throw new ScenarioError(`gauges[${i}]`, `gauge "${g.id}" lies outside the DEM`);
      return { ...g, cell };
    }),
    durationSeconds: input.durationSeconds,
    outputIntervalSeconds: input.outputIntervalSeconds,
  };
}
