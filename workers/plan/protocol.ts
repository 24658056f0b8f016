/**
 * Messages between the review's plan check (src/bim/plan/planClient.ts) and the plan worker, in Sao's envelope
 * `{ type, id, payload }`; `id` matches the answer to its request. One worker per check, ended once it answers.
 *
 *   app                                                       plan worker
 *    │── check { plan, model (chunk copies transferred), parcelId } ──▶│ checkPlan: measure every triangle,
 *    │◀──────────────────────────────── report { PlanReport } ─────────│ find the parcel, compare
 *    │◀──────── failed { name, message, userMessage, subject } ────────│ a PlanError, or what went wrong
 *
 * The model's chunks stay in the page's registry for drawing: the worker gets copies of the four arrays the
 * checks read (`planChunkCopies`), transferred.
 */
import type { LocalizedText } from '../../src/geo';
import type { PlanChunk, PlanModel, PlanReport, ZoningPlan } from '../../src/bim/plan';

export interface PlanCheckRequestPayload {
  plan: ZoningPlan;
  model: PlanModel;
  /** The parcel to check against; null: the one the building stands on. */
  parcelId: string | null;
}

export type PlanWorkerRequest = { type: 'check'; id: number; payload: PlanCheckRequestPayload };

/** Why a check gave no report: `userMessage` for a PlanError (which input is at fault in `subject`), else null. */
export interface PlanCheckFailurePayload {
  name: string;
  message: string;
  userMessage: LocalizedText | null;
  subject: 'plan' | 'model' | null;
}

export type PlanWorkerResponse =
  | { type: 'report'; id: number; payload: PlanReport }
  | { type: 'failed'; id: number; payload: PlanCheckFailurePayload };

/** Copies of the arrays the checks read of each chunk, and their buffers to transfer. */
export function planChunkCopies(chunks: readonly PlanChunk[]): { chunks: PlanChunk[]; transfer: ArrayBuffer[] } {
  const copies = chunks.map(({ positions, normals, indices, elementRanges }) => ({
    positions: positions.slice(),
    normals: normals.slice(),
    indices: indices.slice(),
    elementRanges: elementRanges.slice(),
  }));
  const transfer = copies.flatMap((c) => [c.positions, c.normals, c.indices, c.elementRanges].map((a) => a.buffer as ArrayBuffer));
  return { chunks: copies, transfer };
}
