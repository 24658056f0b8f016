/**
 * Flood domain types: the scenario a user writes (JSON, `scenario.schema.json`), the model prepared from it
 * (rasters on the DEM grid + forcing), and the results of a run.
 */
import type { Forcing, Series } from '../../../workers/flood/forcing';

export type BoundarySpec = 'wall' | 'open' | { stage: [number, number][] };
export type Edge = 'north' | 'east' | 'south' | 'west';
export const EDGES: readonly Edge[] = ['north', 'east', 'south', 'west'];

/**
 * Manning's n from a land-use layer: each polygon of `layer` (GeoJSON) whose `property` value is a key of `n`
 * gets that roughness. Explicit `manning.zones` are burned after it and win where they overlap.
 */
export interface LandUseManning {
  layer: string;
  property: string;
  n: Record<string, number>;
}

export interface PolygonZone<T> {
  /** A GeoJSON file or a CSV of `x,y` lines (paths relative to the scenario; `*` globs file names). */
  polygon: string;
  value: T;
}

/** The scenario file (SCHEME.md for the numerics; README for the fields). */
export interface Scenario {
  crs?: string;
  dem: string;
  durationSeconds: number;
  initialStage?: string | null;
  manning: { default: number; landUse?: LandUseManning; zones?: { polygon: string; n: number }[] };
  buildings?: { polygons: string[]; mode: 'raise' | 'wall'; heightMeters?: number };
  inflows?: InflowSpec[];
  rain?: RainSpec;
  drainage?: { defaultMmPerHour: number; zones?: { polygon: string; mmPerHour: number }[] };
  boundaries: Record<Edge, BoundarySpec>;
  gauges?: { id: string; x: number; y: number }[];
  outputIntervalSeconds: number;
  numerics?: Partial<NumericsSpec>;
}

export interface InflowSpec {
  x?: number;
  y?: number;
  /** A polyline `[[x, y], …]` instead of a point. */
  line?: [number, number][];
  radiusMeters: number;
  hydrograph: [number, number][];
}

/** Rain: a hyetograph (mm/h pairs), a CSV of `seconds,mm/h`, or an alternating-block design storm; per zone. */
export interface RainSpec {
  hyetograph?: [number, number][];
  csv?: string;
  designStorm?: DesignStormSpec;
  zones?: { polygon: string; hyetograph: [number, number][] }[];
}

/** Alternating-block storm from an IDF curve i = a / (D + b)^c (mm/h, D in minutes). */
export interface DesignStormSpec {
  idf: { a: number; b: number; c: number };
  durationMinutes: number;
  blockMinutes: number;
}

export interface NumericsSpec {
  theta: number;
  cflAlpha: number;
  depthThresholdMeters: number;
  maxTimeStepSeconds: number;
  /** Largest Froude number of a face discharge (SCHEME.md pass A), an optional limiter; 0 (default): none. */
  froudeCap: number;
  /** Depth from which a cell counts as inundated (time of first inundation). */
  inundationDepthMeters: number;
}

/** A raster on a north-up grid: row 0 north, `x0, yTop` the outer corner, square cells. */
export interface Grid {
  nx: number;
  ny: number;
  dx: number;
  x0: number;
  yTop: number;
  crs: string | null;
}

export interface Raster extends Grid {
  values: Float32Array;
  nodata: number;
}

/** Everything a backend needs, on the DEM's grid, elevations relative to `zRef`. */
export interface FloodModel {
  grid: Grid;
  zRef: number;
  z: Float32Array;
  /** Initial depth (m). */
  h: Float32Array;
  manning: Float32Array;
  zone: Uint8Array;
  /** 1 where the cell is part of the domain (not NODATA, not a wall-mode building). */
  active: Uint8Array;
  forcing: Forcing;
  /** Boundary kind per edge, N, E, S, W (workers/flood/kernel.ts). */
  boundary: number[];
  numerics: NumericsSpec;
  gauges: { id: string; x: number; y: number; cell: number }[];
  durationSeconds: number;
  outputIntervalSeconds: number;
}

export type { Forcing, Series };

export interface GaugeResult {
  id: string;
  /** Peak water level (m, the DEM's datum) and its time (s), tracked every step. */
  peakStage: number;
  peakDepth: number;
  timeOfPeak: number;
  /** Samples at each output time. */
  series: { t: number; stage: number; depth: number }[];
}

export interface VolumeBalance {
  inflow: number;
  rain: number;
  outflow: number;
  drainage: number;
  storageChange: number;
  /** (inflow + rain − outflow − drainage − storage change) / (inflow + rain). */
  errorRelative: number;
}

export interface FloodResults {
  grid: Grid;
  /** Depth (m) at the end, maxima over the output times, NaN outside the domain. */
  finalDepth: Float32Array;
  maxDepth: Float32Array;
  maxSpeed: Float32Array;
  /** Max over output times of HR = d·(v + 0.5) + DF (FD2320). */
  maxHazard: Float32Array;
  /** Seconds when depth first reached `inundationDepthMeters`, NaN if never. */
  firstInundation: Float32Array;
  gauges: GaugeResult[];
  volume: VolumeBalance;
  steps: number;
  simSeconds: number;
}
