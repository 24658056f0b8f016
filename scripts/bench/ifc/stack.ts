/** What one IFC loading stack reports for one file, timed from before its web-ifc is initialised. */
export interface LoadMeasure {
  /** When the first triangles were ready for a renderer (ms), null when none ever were. */
  firstGeometryMs: number | null;
  /** When the model was complete: all geometry built and handed over (ms). */
  completeMs: number;
  triangles: number;
  /** Stack-specific figures worth printing (e.g. That Open's conversion time). */
  extra?: Record<string, number | string | null>;
}

/** Loads the bytes of one IFC file; `clock()` is milliseconds since the run's start. */
export type StackLoad = (bytes: Uint8Array, fileName: string, clock: () => number) => Promise<LoadMeasure>;

export const STACKS = ['ours', 'thatopen'] as const;
export type StackName = (typeof STACKS)[number];
