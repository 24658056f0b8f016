import { create } from 'zustand';

/**
 * The ground position under the mouse, WGS 84 degrees. Updated at most once per animation frame by the scene;
 * read by the status bar only, so its updates re-render nothing else.
 */
interface CursorState {
  position: { lon: number; lat: number } | null;
  setPosition(position: { lon: number; lat: number } | null): void;
}

export const useCursorStore = create<CursorState>()((set) => ({
  position: null,
  setPosition: (position) => set({ position }),
}));
