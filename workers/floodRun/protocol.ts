/**
 * Messages between the app (src/sim/flood/ui/FloodRunClient.ts) and the flood run worker, in Sao's envelope
 * `{ type, id, payload }`; `id` is the run id. One worker per run: it prepares the model, picks the backend,
 * steps to every output time and posts a frame there.
 *
 *   app                                         run worker
 *    │── run { scenario, baseUrl, files, … } ──▶│ parse, prepare (fetch inputs), pick the backend
 *    │◀──────── started { backend, threads, grid, buildings } ──│
 *    │◀──────── frame { t, depth, speed, … } (transferred) ─────│ at t = 0 and every output time
 *    │◀──────── progress { t, duration, stepCount } ────────────│
 *    │── pause / resume ───────────────────────▶│ holds before the next output interval
 *    │── cancel ───────────────────────────────▶│ stops at the next output time (the app terminates it if late)
 *    │◀──────── done { summary, maxima, … } | cancelled | error { name, message, field? } ──│
 */
import type { RunSummary } from '../../src/sim/flood/outputs';
import type { Grid } from '../../src/sim/flood/types';

/** 'auto': WebGPU on a hardware adapter, else the WASM pool, else WASM on the run worker's thread. */
export type BackendPreference = 'auto' | 'webgpu' | 'wasm-pool' | 'wasm';

export interface RunPayload {
  /** The scenario as parsed JSON (the engine's format); its paths are relative to `baseUrl`. */
  scenario: unknown;
  /** Absolute URL of the scenario's folder, on the app's origin. */
  baseUrl: string;
  /** Files the user picked, by the path the scenario names them with; they take precedence over `baseUrl`. */
  files: Record<string, ArrayBuffer>;
  /** Roads (GeoJSON, WGS 84, the demo basemap) for the flooded road length. */
  roadsUrl: string | null;
  backend: BackendPreference;
}

export type FloodRunRequest =
  | { type: 'run'; id: string; payload: RunPayload }
  | { type: 'pause'; id: string; payload: null }
  | { type: 'resume'; id: string; payload: null }
  | { type: 'cancel'; id: string; payload: null };

/** A building of the scenario, for counting and highlighting. */
export interface BuildingInfo {
  osmId: string;
  name: string;
  heightMeters: number;
  /** The outer ring, WGS 84, [lon0, lat0, lon1, lat1, …]. */
  ring: number[];
}

export interface StartedPayload {
  backend: 'webgpu' | 'wasm' | 'reference';
  /** e.g. "WASM SIMD · 4 threads" or the WebGPU adapter ("google swiftshader"). */
  backendDetail: string;
  threads: number;
  cells: number;
  grid: Grid;
  durationSeconds: number;
  outputIntervalSeconds: number;
  buildings: BuildingInfo[];
  /** Length of the roads the stats look at (m). */
  roadMeters: number;
}

export interface FramePayload {
  index: number;
  t: number;
  /** Depth (m) per cell, row 0 north; NaN outside the domain. */
  depth: Float32Array;
  /** Speed (m/s) per cell. */
  speed: Float32Array;
  /** Indexes into `started.buildings` with more than 0.3 m at a wall. */
  floodedBuildings: Uint16Array;
  floodedRoadMeters: number;
  maxDepth: number;
}

/** A result in an open format (ESRI ASCII, GeoTIFF, CSV, JSON), ready to save (Decree Art. 2.5: no lock-in). */
export interface ResultFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface DonePayload {
  summary: RunSummary;
  maxima: { depth: Float32Array; speed: Float32Array; hazard: Float32Array; firstInundation: Float32Array };
  /** Over the whole run (from the maxima). */
  floodedBuildings: Uint16Array;
  floodedRoadMeters: number;
  volumeErrorRelative: number;
  /** Maxima as GeoTIFF and ASCII grids, gauges as CSV, and the scenario JSON that reproduces the run. */
  files: ResultFile[];
}

export interface ErrorPayload {
  name: string;
  message: string;
  /** The scenario field at fault (ScenarioError), when known. */
  field?: string;
}

export type FloodRunResponse =
  | { type: 'started'; id: string; payload: StartedPayload }
  | { type: 'progress'; id: string; payload: { t: number; duration: number; stepCount: number; wallSeconds: number } }
  | { type: 'frame'; id: string; payload: FramePayload }
  | { type: 'paused'; id: string; payload: { paused: boolean } }
  | { type: 'done'; id: string; payload: DonePayload }
  | { type: 'cancelled'; id: string; payload: null }
  | { type: 'error'; id: string; payload: ErrorPayload };

/** What to transfer with a response (its big buffers), so nothing is copied. */
export function transferablesOf(message: FloodRunResponse): Transferable[] {
  if (message.type === 'frame') return [message.payload.depth.buffer, message.payload.speed.buffer, message.payload.floodedBuildings.buffer] as ArrayBuffer[];
  if (message.type === 'done') {
    const { maxima, floodedBuildings, files } = message.payload;
    return [
      maxima.depth.buffer, maxima.speed.buffer, maxima.hazard.buffer, maxima.firstInundation.buffer, floodedBuildings.buffer,
      ...files.map((file) => file.bytes.buffer),
    ] as ArrayBuffer[];
  }
  return [];
}
