import { create } from 'zustand';

/** One attribute of a picked feature: its raw property name (translated by the UI when known) and value. */
export interface FeatureAttribute {
  name: string;
  value: string | number | boolean;
}

export interface PickedFeature {
  layerId: string;
  /** The feature's identifying value within its layer (e.g. the OSM id), used to highlight it. */
  key: string | null;
  attributes: FeatureAttribute[];
}

interface SelectionState {
  picked: PickedFeature | null;
  pick(feature: PickedFeature | null): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  picked: null,
  pick: (picked) => set({ picked }),
}));
