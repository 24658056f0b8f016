/**
 * The IFC models open in the app and the loader handles behind them: the panels open, cancel and close models
 * here, and the inspector asks for element properties. Loading itself (worker, registry, store) is the loader
 * client's; this module only keeps the handles so that every view reaches the same worker.
 */
import { useBimStore } from '../../state';
import { openIfc, type IfcLoadHandle } from '../ifcLoaderClient';
import { ifcModels } from '../modelRegistry';
import type { IfcPropertySetInfo } from '../types';
import { useBimViewStore, type Submission } from './bimViewStore';

const handles = new Map<string, IfcLoadHandle>();

/** Opens a file (or bytes) in a worker of its own and makes it the active model; returns its id. */
export function openModel(source: File | { name: string; bytes: ArrayBuffer }): string {
  const handle = openIfc(source);
  handles.set(handle.id, handle);
  useBimStore.getState().setActiveModel(handle.id);
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

/** The demo district's submission (`npm run build:demo` writes it beside the city). */
export const DEMO_SUBMISSION_URL = '/demo/bim/submission.json';

/** Fetches a submission and its IFC file, then opens the file; the submission stays attached to the model. */
export async function openSubmission(url: string): Promise<string> {
  const submission = (await fetchOk(url).then((response) => response.json())) as Submission;
  const fileUrl = new URL(submission.file.url, new URL(url, window.location.href)).href;
  const bytes = await fetchOk(fileUrl).then((response) => response.arrayBuffer());
  const id = openModel({ name: decodeURIComponent(fileUrl.slice(fileUrl.lastIndexOf('/') + 1)), bytes });
  useBimViewStore.getState().attachSubmission(id, submission);
  return id;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return response;
}
