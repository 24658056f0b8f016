import { PlanError, checkPlan } from '../../src/bim/plan';
import type { PlanWorkerRequest, PlanWorkerResponse } from './protocol';

/** The plan worker's work, free of any worker API so that Node tests run it as the browser worker does. */
export async function answerPlanCheck({ id, payload }: PlanWorkerRequest): Promise<PlanWorkerResponse> {
  try {
    const options = payload.parcelId === null ? {} : { parcelId: payload.parcelId };
    return { type: 'report', id, payload: await checkPlan(payload.model, payload.plan, options) };
  } catch (error) {
    const planError = error instanceof PlanError ? error : null;
    return {
      type: 'failed',
      id,
      payload: {
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        userMessage: planError?.userMessage ?? null,
        subject: planError?.subject ?? null,
      },
    };
  }
}
