import { create } from 'zustand';
import type { IfcLoadFailure, IfcLoadStats, ModelPlacement } from '../bim/types';
import type { IfcLoadPhase } from '../../workers/ifc/protocol';

/**
 * IFC models open in the Thẩm định BIM workspace and what the planner does with them. Geometry and the element
 * index live in `ifcModels` (src/bim/modelRegistry.ts); this store holds ids, status, placement and the view
 * state every view shares: the selection, hidden and isolated elements, so the tree, the three.js inspector and
 * the Cesium scene stay in sync.
 */

export type BimModelStatus = 'loading' | 'ready' | 'failed' | 'cancelled';

export interface BimModelState {
  id: string;
  fileName: string;
  fileBytes: number;
  status: BimModelStatus;
  phase: IfcLoadPhase;
  /** 0–1 within the current phase. */
  progress: number;
  /** Chunks received so far: renderers pull new ones from the registry when it grows. */
  chunkCount: number;
  /** Null until resolved; a manual placement replaces it and is `trust: 'unverified'`. */
  placement: ModelPlacement | null;
  stats: IfcLoadStats | null;
  failure: IfcLoadFailure | null;
}

interface BimState {
  models: Record<string, BimModelState>;
  /** The model the panels show. */
  activeModelId: string | null;
  /** Selected element (expressId) of the active model. */
  selectedElementId: number | null;
  /** Elements hidden by the planner (expressIds). */
  hiddenElementIds: ReadonlySet<number>;
  /** When non-null, only these elements are shown. */
  isolatedElementIds: ReadonlySet<number> | null;
  upsertModel(model: BimModelState): void;
  patchModel(id: string, patch: Partial<Omit<BimModelState, 'id'>>): void;
  removeModel(id: string): void;
  setActiveModel(id: string | null): void;
  select(expressId: number | null): void;
  setHidden(ids: ReadonlySet<number>): void;
  isolate(ids: ReadonlySet<number> | null): void;
}

export const useBimStore = create<BimState>()((set) => ({
  models: {},
  activeModelId: null,
  selectedElementId: null,
  hiddenElementIds: new Set(),
  isolatedElementIds: null,
  upsertModel: (model) => set((s) => ({ models: { ...s.models, [model.id]: model } })),
  patchModel: (id, patch) =>
    set((s) => {
      const model = s.models[id];
      return model ? { models: { ...s.models, [id]: { ...model, ...patch } } } : {};
    }),
  removeModel: (id) =>
    set((s) => {
      const { [id]: _removed, ...models } = s.models;
      return {
        models,
        activeModelId: s.activeModelId === id ? null : s.activeModelId,
        selectedElementId: s.activeModelId === id ? null : s.selectedElementId,
      };
    }),
  setActiveModel: (activeModelId) =>
    set({ activeModelId, selectedElementId: null, hiddenElementIds: new Set(), isolatedElementIds: null }),
  select: (selectedElementId) => set({ selectedElementId }),
  setHidden: (hiddenElementIds) => set({ hiddenElementIds }),
  isolate: (isolatedElementIds) => set({ isolatedElementIds }),
}));
