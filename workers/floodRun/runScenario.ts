/**
 * The body of the flood run worker, independent of the worker global: answers `FloodRunRequest`s. A run
 * parses and prepares the scenario, picks the backend (chooseRunner.ts), and lets the engine's `runFlood` step to
 * each output time; there it posts a frame (depth and speed, transferred) with the counts operators read.
 */
import { ScenarioError } from '../../src/sim/flood/ScenarioError';
import { parseScenario } from '../../src/sim/flood/parseScenario';
import { prepareScenario } from '../../src/sim/flood/prepare';
import { resultFiles, summarize } from '../../src/sim/flood/outputs';
import { cellSpeed } from '../../src/sim/flood/results';
import { runFlood, runSetupOf } from '../../src/sim/flood/simulate';
import type { FloodModel, FloodResults } from '../../src/sim/flood/types';
import type { FloodFields } from '../flood/layout';
import type { FloodRunner } from '../flood/runner';
import { chooseRunner } from './chooseRunner';
import { buildingWalls, floodedBuildings, floodedRoadMeters, roadCells } from './floodStats';
import type { BuildingWalls, RoadCells } from './floodStats';
import type { FloodRunRequest, FloodRunResponse, ResultFile, RunPayload } from './protocol';
import { fetchScenarioFiles, readBuildings, readRoads } from './scenarioInputs';

type Post = (message: FloodRunResponse) => void;

/** Pause and cancel, checked before every output interval. */
class RunControl {
  readonly abort = new AbortController();
  private resume: (() => void) | null = null;
  private held: Promise<void> | null = null;

  pause(): void {
    this.held ??= new Promise((resolve) => (this.resume = resolve));
  }

  proceed(): void {
    this.resume?.();
    this.held = this.resume = null;
  }

  cancel(): void {
    this.abort.abort();
    this.proceed();
  }

  get paused(): boolean {
    return this.held !== null;
  }

  /** Resolves when running; yields a task first, so that pause and cancel messages get through between intervals. */
  async whenRunning(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.held) await this.held;
    this.abort.signal.throwIfAborted();
  }
}

/** Speed per cell (the engine's `cellSpeed`, as the maxima use it), into `out`. */
function cellSpeeds(fields: FloodFields, hEps: number, out: Float32Array): Float32Array {
  for (let k = 0; k < out.length; k++) out[k] = cellSpeed(fields, k, fields.h[k]!, hEps);
  return out;
}

function gated(runner: FloodRunner, control: RunControl): FloodRunner {
  return {
    backend: runner.backend,
    threads: runner.threads,
    get fields() {
      return runner.fields;
    },
    get t() {
      return runner.t;
    },
    advance: async (t) => {
      await control.whenRunning();
      await runner.advance(t);
    },
    totals: () => runner.totals(),
    gaugePeaks: () => runner.gaugePeaks(),
    dispose: () => runner.dispose(),
  };
}

interface Stats {
  walls: BuildingWalls;
  roads: RoadCells;
}

function framePayload(model: FloodModel, fields: FloodFields, stats: Stats, index: number, t: number) {
  const depth = new Float32Array(fields.h);
  let maxDepth = 0;
  for (let k = 0; k < depth.length; k++) {
    if (!model.active[k]) depth[k] = NaN;
    else if (depth[k]! > maxDepth) maxDepth = depth[k]!;
  }
  const speed = cellSpeeds(fields, model.numerics.depthThresholdMeters, new Float32Array(depth.length));
  return {
    index, t, depth, speed, maxDepth,
    floodedBuildings: floodedBuildings(stats.walls, depth),
    floodedRoadMeters: floodedRoadMeters(stats.roads, depth),
  };
}

const MEDIA_TYPES: Record<string, string> = { asc: 'text/plain', tif: 'image/tiff', csv: 'text/csv', json: 'application/json' };

/** The engine's output files (as the CLI writes them) plus the scenario as run, each in its own buffer. */
function resultFilesOf(results: FloodResults, scenario: unknown): ResultFile[] {
  const encoder = new TextEncoder();
  const files = [...resultFiles(results), { name: 'scenario.json', content: `${JSON.stringify(scenario, null, 2)}\n` }];
  return files.map(({ name, content }) => ({
    name,
    mediaType: MEDIA_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
    bytes: typeof content === 'string' ? encoder.encode(content) : content.slice(),
  }));
}

async function run(id: string, payload: RunPayload, control: RunControl, post: Post): Promise<void> {
  const began = performance.now();
  const scenario = parseScenario(payload.scenario);
  const files = fetchScenarioFiles(payload.baseUrl, payload.files);
  const model = await prepareScenario(scenario, files);
  const buildings = await readBuildings(files, scenario, model.grid);
  const stats: Stats = {
    walls: buildingWalls(model.grid, buildings.footprints),
    roads: roadCells(model.grid, await readRoads(payload.roadsUrl, model.grid)),
  };
  const chosen = await chooseRunner(runSetupOf(model), model, payload.backend);
  const runner = gated(chosen.runner, control);
  const { grid } = model;
  post({ type: 'started', id, payload: {
    backend: chosen.backend, backendDetail: chosen.detail, threads: runner.threads, cells: grid.nx * grid.ny,
    grid, durationSeconds: model.durationSeconds, outputIntervalSeconds: model.outputIntervalSeconds,
    buildings: buildings.info, roadMeters: stats.roads.totalMeters,
  } });
  let index = 0;
  post({ type: 'frame', id, payload: framePayload(model, runner.fields, stats, index++, 0) });
  try {
    const results = await runFlood(model, runner, {
      signal: control.abort.signal,
      onProgress: (t, duration) => {
        post({ type: 'frame', id, payload: framePayload(model, runner.fields, stats, index++, t) });
        const wallSeconds = (performance.now() - began) / 1000;
        post({ type: 'progress', id, payload: { t, duration, stepCount: runner.totals().steps, wallSeconds } });
      },
    });
    const summary = summarize(results, chosen.backend, (performance.now() - began) / 1000);
    post({ type: 'done', id, payload: {
      summary,
      maxima: { depth: results.maxDepth, speed: results.maxSpeed, hazard: results.maxHazard, firstInundation: results.firstInundation },
      floodedBuildings: floodedBuildings(stats.walls, results.maxDepth),
      floodedRoadMeters: floodedRoadMeters(stats.roads, results.maxDepth),
      volumeErrorRelative: results.volume.errorRelative,
      files: resultFilesOf(results, payload.scenario),
    } });
  } finally {
    runner.dispose();
  }
}

/** Handles the requests of one worker (one run at a time); `post` sends with the buffers transferred. */
export function createRunHandler(post: Post): (request: FloodRunRequest) => void {
  let control: RunControl | null = null;
  return (request) => {
    const { id } = request;
    if (request.type === 'run') {
      const current = new RunControl();
      control = current;
      run(id, request.payload, current, post).catch((error: unknown) => {
        if (current.abort.signal.aborted) post({ type: 'cancelled', id, payload: null });
        else {
          const e = error instanceof Error ? error : new Error(String(error));
          post({ type: 'error', id, payload: { name: e.name, message: e.message, ...(e instanceof ScenarioError ? { field: e.field } : {}) } });
        }
      });
    } else if (request.type === 'pause' || request.type === 'resume') {
      if (request.type === 'pause') control?.pause();
      else control?.proceed();
      post({ type: 'paused', id, payload: { paused: control?.paused ?? false } });
    } else {
      control?.cancel();
    }
  };
}
