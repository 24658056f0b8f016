import { create } from 'zustand';
import { useReviewStore } from '../../../../state/reviewStore';
import type { IdsCheckOutcome, IdsReadFailure } from '../../../ids/types';
import { idsCheckedSummary, idsCheckRecord, idsRefusedSummary } from './idsCheckRecord';

/** The check in progress on a submission, or how its last one ended: this session only (the record keeps reports). */
export type IdsRun =
  | { state: 'idle' }
  | { state: 'checking'; name: string }
  | { state: 'checked' }
  | { state: 'refused'; name: string; failure: IdsReadFailure }
  | { state: 'failed'; name: string; detail: string };

const IDLE: IdsRun = { state: 'idle' };

/**
 * Runs by submission id, outside the tab's component: a check goes on, and its refusal stays said, while the
 * planner looks at another tab.
 */
const useIdsRuns = create<{ runs: Record<string, IdsRun> }>()(() => ({ runs: {} }));

function setRun(submissionId: string, run: IdsRun): IdsRun {
  useIdsRuns.setState((s) => ({ runs: { ...s.runs, [submissionId]: run } }));
  return run;
}

export function useIdsRun(submissionId: string): IdsRun {
  return useIdsRuns((s) => s.runs[submissionId] ?? IDLE);
}

/**
 * Checks the submission's model against the IDS `name` with `check` (the app: `checkModelIds`, in the model's
 * worker) and records the report; a refused IDS is logged and leaves the record as it was. One check at a time per
 * submission: a second while one runs gets that one's run. Resolves to how the check ended.
 */
export async function runIdsCheck(
  submissionId: string, name: string, readXml: () => Promise<string>, check: (idsXml: string) => Promise<IdsCheckOutcome>,
): Promise<IdsRun> {
  const current = useIdsRuns.getState().runs[submissionId];
  if (current?.state === 'checking') return current;
  setRun(submissionId, { state: 'checking', name });
  try {
    const outcome = await check(await readXml());
    const review = useReviewStore.getState();
    if (outcome.status === 'refused') {
      review.log(submissionId, 'idsChecked', idsRefusedSummary(name, outcome.failure));
      return setRun(submissionId, { state: 'refused', name, failure: outcome.failure });
    }
    review.recordIds(submissionId, idsCheckRecord(name, outcome.report, new Date().toISOString()), idsCheckedSummary(name, outcome.report));
    return setRun(submissionId, { state: 'checked' });
  } catch (error) {
    return setRun(submissionId, { state: 'failed', name, detail: error instanceof Error ? error.message : String(error) });
  }
}
