import { create } from 'zustand';
import type { PlanReport } from '../../../plan/types';
import { useBimStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';

/**
 * Whether the scene draws the plan check of the active model's submission (the plan tab's toggle). The scene
 * reads this and the review store (src/scene/bim/PlanOverlay.ts); it keeps nothing of its own.
 */
interface PlanOverlayState {
  shown: boolean;
  show(shown: boolean): void;
}

export const usePlanOverlayStore = create<PlanOverlayState>()((set) => ({
  shown: true,
  show: (shown) => set({ shown }),
}));

/** The stored plan report the scene should draw: the active model's submission's, when the toggle is on. */
export function shownPlanReport(): PlanReport | null {
  if (!usePlanOverlayStore.getState().shown) return null;
  const modelId = useBimStore.getState().activeModelId;
  const { modelOfSubmission, submissions } = useReviewStore.getState();
  const submissionId = Object.keys(modelOfSubmission).find((id) => modelOfSubmission[id] === modelId);
  return (submissionId && submissions[submissionId]?.plan?.report) || null;
}
