import { create } from 'zustand';
import type { LocalizedText } from '../../geo';
import { manualPlacement } from '../georef/manualPlacement';
import { useBimStore } from '../../state';

/**
 * What the Thẩm định BIM panels ask of the scene, beside the shared model state in `bimStore`: a placement by
 * hand in progress, a flight to a model or one of its elements, which open model came from which submission (its parcel is drawn), and
 * whether the detailed three.js view shares the map area (and how much of it).
 * The scene reads this store and writes back only what it observes (the point clicked, the view's centre).
 */

/** A placement by hand being made: where the project origin goes, the heading and the stated elevation. */
export interface ManualPlacementDraft {
  modelId: string;
  /** WGS 84 degrees; null until the planner clicks (or the scene proposes the centre of the view). */
  lon: number | null;
  lat: number | null;
  headingDegrees: number;
  elevation: number;
  /** The next click in the scene sets the point. */
  awaitingClick: boolean;
}

/** The part of `assets/demo/bim/submission.json` the app shows. */
export interface Submission {
  id: string;
  title: LocalizedText;
  notice: LocalizedText;
  file: { url: string };
  parcel: { osmId: string; tags: Record<string, string>; wgs84: [number, number][] };
}

interface BimViewState {
  placing: ManualPlacementDraft | null;
  /** The latest flight asked for: to a whole model, or to one element of it (`expressId`). */
  flyRequest: { modelId: string; expressId: number | null; seq: number } | null;
  /** Submission of each model opened from one, by model id. */
  submissions: Record<string, Submission>;
  inspectorOpen: boolean;
  /** Share of the map area's width the detailed view takes, 0.2–0.8. */
  inspectorShare: number;
  startPlacing(modelId: string): void;
  /** Merges `patch` into the draft and, once it has a point, places the model there (trust: unverified). */
  editPlacing(patch: Partial<Omit<ManualPlacementDraft, 'modelId'>>): void;
  finishPlacing(): void;
  flyTo(modelId: string): void;
  flyToElement(modelId: string, expressId: number): void;
  attachSubmission(modelId: string, submission: Submission): void;
  forget(modelId: string): void;
  showInspector(open: boolean): void;
  setInspectorShare(share: number): void;
}

let flySeq = 0;

export const useBimViewStore = create<BimViewState>()((set, get) => ({
  placing: null,
  flyRequest: null,
  submissions: {},
  inspectorOpen: false,
  inspectorShare: 0.45,
  startPlacing: (modelId) => {
    const current = useBimStore.getState().models[modelId]?.placement;
    // Start from the model's present heading when it had one; the point comes from a click or the view centre.
    set({ placing: { modelId, lon: null, lat: null, headingDegrees: current?.headingDegrees ?? 0, elevation: current?.datumHeight ?? 0, awaitingClick: true } });
  },
  editPlacing: (patch) => {
    const placing = get().placing;
    if (!placing) return;
    const draft = { ...placing, ...patch };
    set({ placing: draft });
    if (draft.lon === null || draft.lat === null) return;
    const placement = manualPlacement({ lon: draft.lon, lat: draft.lat, headingDegrees: draft.headingDegrees, elevation: draft.elevation });
    useBimStore.getState().patchModel(draft.modelId, { placement });
  },
  finishPlacing: () => set({ placing: null }),
  flyTo: (modelId) => set({ flyRequest: { modelId, expressId: null, seq: ++flySeq } }),
  flyToElement: (modelId, expressId) => set({ flyRequest: { modelId, expressId, seq: ++flySeq } }),
  attachSubmission: (modelId, submission) => set((s) => ({ submissions: { ...s.submissions, [modelId]: submission } })),
  forget: (modelId) =>
    set((s) => {
      const { [modelId]: _gone, ...submissions } = s.submissions;
      return { submissions, placing: s.placing?.modelId === modelId ? null : s.placing };
    }),
  showInspector: (inspectorOpen) => set({ inspectorOpen }),
  setInspectorShare: (share) => set({ inspectorShare: Math.min(0.8, Math.max(0.2, share)) }),
}));
