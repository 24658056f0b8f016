/**
 * Where the big arrays of flood runs live (STYLE.md: stores hold ids and counters, never buffers): per run, the
 * grid, the buildings, every output frame (depth and speed) and, once done, the maxima. The run client adds to it
 * and bumps `floodStore.frameCount`; the water renderer and the cell chart read from it.
 */
import type { BuildingInfo, DonePayload, FramePayload, StartedPayload } from '../../../workers/floodRun/protocol';
import type { Grid } from './types';

/** One output time of a run: depth and speed per cell, and the counts at that time. */
export type FloodFrame = Omit<FramePayload, 'index'>;

export interface FloodRunData {
  readonly id: string;
  readonly grid: Grid;
  readonly buildings: BuildingInfo[];
  readonly roadMeters: number;
  readonly frames: FloodFrame[];
  maxima: DonePayload['maxima'] | null;
  /** Open-format results to save, once the run is done. */
  files: DonePayload['files'];
}

/** A depth/speed time series at one cell, over the frames so far. */
export interface CellSeries {
  t: number[];
  depth: number[];
  speed: number[];
}

export class FrameRegistry {
  private readonly runs = new Map<string, FloodRunData>();

  /** Starts the data of a run; earlier runs are dropped (one run's frames are tens of MB). */
  open(id: string, started: Pick<StartedPayload, 'grid' | 'buildings' | 'roadMeters'>): FloodRunData {
    this.runs.clear();
    const data: FloodRunData = { id, grid: started.grid, buildings: started.buildings, roadMeters: started.roadMeters, frames: [], maxima: null, files: [] };
    this.runs.set(id, data);
    return data;
  }

  get(id: string | null): FloodRunData | undefined {
    return id === null ? undefined : this.runs.get(id);
  }

  /** Adds a frame at its index; returns the number of frames. */
  addFrame(id: string, index: number, frame: FloodFrame): number {
    const data = this.runs.get(id);
    if (!data) return 0;
    data.frames[index] = frame;
    return data.frames.length;
  }

  setResults(id: string, maxima: DonePayload['maxima'], files: DonePayload['files']): void {
    const data = this.runs.get(id);
    if (!data) return;
    data.maxima = maxima;
    data.files = files;
  }

  cellSeries(id: string | null, cell: number): CellSeries {
    const series: CellSeries = { t: [], depth: [], speed: [] };
    for (const frame of this.get(id)?.frames ?? []) {
      series.t.push(frame.t);
      series.depth.push(frame.depth[cell] ?? NaN);
      series.speed.push(frame.speed[cell] ?? NaN);
    }
    return series;
  }

  delete(id: string): void {
    this.runs.delete(id);
  }

  clear(): void {
    this.runs.clear();
  }
}

export const floodFrames = new FrameRegistry();
