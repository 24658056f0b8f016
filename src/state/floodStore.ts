import { create } from 'zustand';

/**
 * The flood scenario being edited and the state of its run. Frames and maxima live in the frame registry
 * (src/sim/flood/frameRegistry.ts) keyed by `runId`; this store only counts them (`frameCount`), so renderers
 * know when to pull. The draft is saved locally on every edit, so a reload or a crash keeps it.
 */

/** An inflow hydrograph at a point, constant over the run (m³/s), in the scenario's CRS. */
export interface DraftInflow {
  x: number;
  y: number;
  dischargeM3s: number;
}

/** What the operator edits; `scenarioOf` (src/sim/flood/ui) turns it into the engine's scenario JSON. */
export interface FloodDraft {
  rainSource: 'designStorm' | 'csv';
  returnPeriodYears: number;
  stormMinutes: number;
  /** A `seconds,mm/h` hyetograph the user loaded (its name and text). */
  rainCsv: { name: string; text: string } | null;
  drainageMmPerHour: number;
  durationMinutes: number;
  inflows: DraftInflow[];
}

export const DEFAULT_DRAFT: FloodDraft = {
  rainSource: 'designStorm',
  returnPeriodYears: 10,
  stormMinutes: 60,
  rainCsv: null,
  drainageMmPerHour: 40,
  durationMinutes: 90,
  inflows: [],
};

export type FloodRunStatus = 'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface FloodBackendInfo {
  name: 'webgpu' | 'wasm' | 'reference';
  detail: string;
  threads: number;
  cells: number;
}

export interface FloodProgress {
  t: number;
  duration: number;
  steps: number;
  wallSeconds: number;
}

export interface FloodSummary {
  maxDepth: number;
  floodedBuildings: number;
  floodedRoadMeters: number;
  roadMeters: number;
  wallSeconds: number;
  steps: number;
  volumeErrorRelative: number;
}

export interface FloodRunError {
  name: string;
  message: string;
  field: string | null;
}

interface FloodState {
  draft: FloodDraft;
  status: FloodRunStatus;
  runId: string | null;
  backend: FloodBackendInfo | null;
  progress: FloodProgress | null;
  /** Frames in the registry for `runId`; the renderer redraws when it or `frameIndex` changes. */
  frameCount: number;
  frameIndex: number;
  /** Follow the newest frame while running (until the user moves the slider). */
  followLatest: boolean;
  playing: boolean;
  selectedCell: number | null;
  summary: FloodSummary | null;
  error: FloodRunError | null;
  showWater: boolean;
  waterOpacity: number;
  editDraft(patch: Partial<FloodDraft>): void;
  resetDraft(): void;
  setStatus(status: FloodRunStatus): void;
  startRun(runId: string): void;
  setBackend(backend: FloodBackendInfo): void;
  setProgress(progress: FloodProgress): void;
  frameAdded(frameCount: number): void;
  setFrameIndex(frameIndex: number): void;
  setPlaying(playing: boolean): void;
  selectCell(cell: number | null): void;
  finish(summary: FloodSummary): void;
  fail(error: FloodRunError): void;
  setShowWater(showWater: boolean): void;
  setWaterOpacity(opacity: number): void;
}

const DRAFT_KEY = 'sao.flood.draft';

/** The saved draft, with any field a newer or older version lacks taken from the default. */
export function loadDraft(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): FloodDraft {
  try {
    const saved = JSON.parse(storage?.getItem(DRAFT_KEY) ?? 'null') as Partial<FloodDraft> | null;
    return saved && typeof saved === 'object' ? { ...DEFAULT_DRAFT, ...saved } : DEFAULT_DRAFT;
  } catch {
    return DEFAULT_DRAFT;
  }
}

export function saveDraft(draft: FloodDraft, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or denied (private mode): the draft still lives in memory for this session.
  }
}

const clampIndex = (index: number, count: number): number => Math.max(0, Math.min(Math.round(index), Math.max(0, count - 1)));

export const useFloodStore = create<FloodState>()((set) => ({
  draft: loadDraft(),
  status: 'idle',
  runId: null,
  backend: null,
  progress: null,
  frameCount: 0,
  frameIndex: 0,
  followLatest: true,
  playing: false,
  selectedCell: null,
  summary: null,
  error: null,
  showWater: true,
  waterOpacity: 0.75,
  editDraft: (patch) =>
    set((s) => {
      const draft = { ...s.draft, ...patch };
      saveDraft(draft);
      return { draft };
    }),
  resetDraft: () => {
    saveDraft(DEFAULT_DRAFT);
    set({ draft: DEFAULT_DRAFT });
  },
  setStatus: (status) => set({ status }),
  startRun: (runId) =>
    set({ runId, status: 'preparing', backend: null, progress: null, frameCount: 0, frameIndex: 0, followLatest: true, playing: false, summary: null, error: null }),
  setBackend: (backend) => set({ backend, status: 'running' }),
  setProgress: (progress) => set({ progress }),
  frameAdded: (frameCount) => set((s) => ({ frameCount, frameIndex: s.followLatest ? frameCount - 1 : s.frameIndex })),
  setFrameIndex: (frameIndex) => set((s) => ({ frameIndex: clampIndex(frameIndex, s.frameCount), followLatest: false })),
  setPlaying: (playing) => set((s) => ({ playing, followLatest: false, frameIndex: playing && s.frameIndex >= s.frameCount - 1 ? 0 : s.frameIndex })),
  selectCell: (selectedCell) => set({ selectedCell }),
  finish: (summary) => set({ summary, status: 'done' }),
  fail: (error) => set({ error, status: 'error' }),
  setShowWater: (showWater) => set({ showWater }),
  setWaterOpacity: (opacity) => set({ waterOpacity: Math.min(1, Math.max(0, opacity)) }),
}));
