/**
 * Runs `checkPlan` in a worker of its own (workers/plan/protocol.ts): measuring every triangle of a big model
 * would hold the page for seconds. The page keeps its chunks for drawing; the worker is posted copies of what the
 * checks read, and is ended once it has answered. Not in this folder's index: it needs a Worker, the rest is pure.
 */
import { PlanError } from './PlanError';
import type { PlanModel } from './buildingGeometry';
import type { PlanReport, ZoningPlan } from './types';
import { planChunkCopies } from '../../../workers/plan/protocol';
import type { PlanWorkerRequest, PlanWorkerResponse } from '../../../workers/plan/protocol';
import { askWorker, browserWorkerPort, type WorkerPort } from '../../../workers/workerPort';

/** A plan worker as the client drives it: a browser Worker, or an in-process stand-in in Node tests. */
export type PlanWorkerPort = WorkerPort<PlanWorkerRequest, PlanWorkerResponse>;

function spawnBrowserWorker(): PlanWorkerPort {
  return browserWorkerPort(new Worker(new URL('../../../workers/plan/worker.ts', import.meta.url), { type: 'module', name: 'sao-plan' }));
}

let requests = 0;

export interface CheckPlanInWorkerOptions {
  /** Ends the worker and rejects with the signal's reason (the planner stopped the check, or left the tab). */
  signal?: AbortSignal;
  spawn?: () => PlanWorkerPort;
}

/**
 * The model against the plan, on `parcelId` or (null) the parcel it stands on. Rejects with a `PlanError` whose
 * `userMessage` says what is wrong (`subject`: the plan or the model), or an Error when the worker itself failed.
 */
export function checkPlanInWorker(
  model: PlanModel, plan: ZoningPlan, parcelId: string | null, { signal, spawn = spawnBrowserWorker }: CheckPlanInWorkerOptions = {},
): Promise<PlanReport> {
  const id = ++requests;
  const { chunks, transfer } = planChunkCopies(model.chunks);
  const request: PlanWorkerRequest = { type: 'check', id, payload: { plan, model: { header: model.header, placement: model.placement, chunks }, parcelId } };
  return askWorker(spawn, request, transfer, (response) => (resolve, reject) => {
    if (response.type === 'report') return resolve(response.payload);
    const { name, message, userMessage, subject } = response.payload;
    reject(userMessage ? new PlanError(null, userMessage, null, { subject: subject ?? 'plan' }) : new Error(`${name}: ${message}`));
  }, { label: 'plan worker', signal });
}
