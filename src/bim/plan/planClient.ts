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

/** A worker as the client drives it: a browser Worker, or an in-process stand-in in Node tests. */
export interface PlanWorkerPort {
  post(request: PlanWorkerRequest, transfer: ArrayBuffer[]): void;
  onMessage(listener: (response: PlanWorkerResponse) => void): void;
  /** The worker died (an uncaught error, a script that would not load). */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

function spawnBrowserWorker(): PlanWorkerPort {
  const worker = new Worker(new URL('../../../workers/plan/worker.ts', import.meta.url), { type: 'module', name: 'sao-plan' });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<PlanWorkerResponse>) => listener(event.data)),
    onError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'error')),
    terminate: () => worker.terminate(),
  };
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
  if (signal?.aborted) return Promise.reject(signal.reason);
  const id = ++requests;
  const { chunks, transfer } = planChunkCopies(model.chunks);
  return new Promise<PlanReport>((resolve, reject) => {
    const port = spawn();
    const abort = (): void => {
      port.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const end = (): void => {
      signal?.removeEventListener('abort', abort);
      port.terminate();
    };
    port.onMessage((response) => {
      if (response.id !== id) return;
      end();
      if (response.type === 'report') return resolve(response.payload);
      const { name, message, userMessage, subject } = response.payload;
      reject(userMessage ? new PlanError(null, userMessage, null, { subject: subject ?? 'plan' }) : new Error(`${name}: ${message}`));
    });
    port.onError((message) => {
      end();
      reject(new Error(`plan worker: ${message}`));
    });
    port.post({ type: 'check', id, payload: { plan, model: { header: model.header, placement: model.placement, chunks }, parcelId } }, transfer);
  });
}
