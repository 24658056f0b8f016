import { create } from 'zustand';
import type { AsBuiltProgress, BuildingSite } from './types';

/**
 * The as-built layer's state for the panels: where each accepted submission's conversion stands (this session),
 * and where each stored building stands on Earth (restored with the layer). Buffers stay in IndexedDB.
 */
interface AsBuiltState {
  /** By submission id. */
  progress: Record<string, AsBuiltProgress>;
  /** By tileset id (`AsBuiltRecord.tilesetId`). */
  sites: Record<string, BuildingSite>;
  /** The layer's buildings outlive the page (false: kept in memory only, the browser refused IndexedDB). */
  persistent: boolean;
  setProgress(submissionId: string, progress: AsBuiltProgress): void;
  setSites(sites: Record<string, BuildingSite>, persistent: boolean): void;
}

export const useAsBuiltStore = create<AsBuiltState>()((set) => ({
  progress: {},
  sites: {},
  persistent: true,
  setProgress: (submissionId, progress) => set((s) => ({ progress: { ...s.progress, [submissionId]: progress } })),
  setSites: (sites, persistent) => set({ sites, persistent }),
}));
