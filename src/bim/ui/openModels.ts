/**
 * The IFC models open in the app and the loader handles behind them: the panels open, cancel and close models
 * here, and the inspector asks for element properties. Loading itself (worker, registry, store) is the loader
 * client's; this module only keeps the handles so that every view reaches the same worker.
 */
import { useBimStore } from '../../state';
import { openIfc, type IfcLoadHandle } from '../ifcLoaderClient';
import { ifcModels } from '../modelRegistry';
import { receiveOpenedModel, type ReviewOnOpen } from '../review/receiveSubmission';
import { useReviewStore } from '../../state/reviewStore';
import type { IdsCheckOutcome } from '../ids/types';
import type { IfcPropertySetInfo } from '../types';
import type { LocalizedText } from '../../geo';
import { useBimViewStore, type Submission } from './bimViewStore';

const handles = new Map<string, IfcLoadHandle>();

/**
 * Opens a file (or bytes) in a worker of its own and makes it the active model; returns its id. The file is
 * received as a submission for review (src/bim/review), or linked to the saved one `review.submissionId` names.
 */
export function openModel(source: File | { name: string; bytes: ArrayBuffer }, review: ReviewOnOpen = {}): string {
  // The review hashes and stores the bytes; the worker's copy is transferred (detached) by `openIfc`.
  const file = source instanceof Blob ? source : new Blob([source.bytes]);
  const handle = openIfc(source);
  handles.set(handle.id, handle);
  useBimStore.getState().setActiveModel(handle.id);
  if (review.submissionId) useReviewStore.getState().linkModel(review.submissionId, handle.id, 'reopened');
  else void receiveOpenedModel(handle.id, source.name, file, review.details);
  return handle.id;
}

/** Stops a load: the worker is terminated whatever it is doing. */
export function cancelModel(id: string): void {
  handles.get(id)?.cancel();
}

/** Frees the model's worker, geometry and state; other models stay as they are. */
export function closeModel(id: string): void {
  handles.get(id)?.close();
  handles.delete(id);
  ifcModels.delete(id);
  useBimStore.getState().removeModel(id);
  useBimViewStore.getState().forget(id);
}

/** Property sets, quantities and type of one element, read by the model's worker on demand. */
export function elementProperties(modelId: string, expressId: number): Promise<IfcPropertySetInfo[]> {
  const handle = handles.get(modelId);
  if (!handle) return Promise.reject(new Error(`IFC model ${modelId} is not open`));
  return handle.properties(expressId);
}

/** Checks an open model against an IDS 1.0 file in the model's worker (web-ifc holds the model there). */
export function checkModelIds(modelId: string, idsXml: string): Promise<IdsCheckOutcome> {
  const handle = handles.get(modelId);
  if (!handle) return Promise.reject(new Error(`IFC model ${modelId} is not open`));
  return handle.checkIds(idsXml);
}

/** The demo district's submission (`npm run build:demo` writes it beside the city). */
export const DEMO_SUBMISSION_URL = '/demo/bim/submission.json';

/** Fetches a submission and its IFC file, then opens the file; the submission stays attached to the model. */
export async function openSubmission(url: string): Promise<string> {
  // Investor and project as the submission states them: the review record starts from them (Vietnamese first).
  const submission = (await fetchOk(url).then((response) => response.json())) as Submission & Partial<Record<'investor' | 'project', LocalizedText>>;
  const fileUrl = new URL(submission.file.url, new URL(url, window.location.href)).href;
  const bytes = await fetchOk(fileUrl).then((response) => response.arrayBuffer());
  const details = { project: submission.project?.vi, investor: submission.investor?.vi, parcelId: submission.parcel.osmId };
  const id = openModel({ name: decodeURIComponent(fileUrl.slice(fileUrl.lastIndexOf('/') + 1)), bytes }, { details });
  useBimViewStore.getState().attachSubmission(id, submission);
  return id;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return response;
}
