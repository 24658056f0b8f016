/**
 * Opening an IFC file in Thẩm định BIM receives it as a submission (Decree 269/2025 Art. 20.2): its SHA-256 is
 * taken, the record created and linked to the open model, and the file stored so the review can reopen it. A file
 * whose hash matches a submission still under review is linked to that one instead: the same file handed in twice
 * is one submission. A decided submission is final, so the same file again starts a new one.
 */
import { useBimStore } from '../../state';
import { useReviewStore } from '../../state/reviewStore';
import { ifcModels } from '../modelRegistry';
import { saveSubmittedFile, whenReviewsHydrated } from './bindReviewPersistence';
import { sha256Hex } from './hashFile';
import type { AsBuiltSubmission, SubmissionDetails } from './types';

/** What the opener knows of the submission: its stated details (the demo's submission.json), or which saved one it is. */
export interface ReviewOnOpen {
  details?: Partial<SubmissionDetails>;
  /** A saved submission reopened from its stored file: link, do not receive again. */
  submissionId?: string;
}

/** The newest submission of this file still awaiting a decision, if any. */
export function undecidedWithHash(submissions: Record<string, AsBuiltSubmission>, sha256: string): AsBuiltSubmission | null {
  const matches = Object.values(submissions).filter((s) => s.file.sha256 === sha256 && s.decision === null);
  return matches.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0] ?? null;
}

/**
 * Receives the file opened as `modelId` (or links the undecided submission with the same hash); returns the
 * submission's id, or null when the file could not be read (the store's `receiveFailure` says why; the model
 * stays open). `file` holds the bytes: the model's own copy has gone to its worker.
 */
export async function receiveOpenedModel(modelId: string, name: string, file: Blob, details: Partial<SubmissionDetails> = {}): Promise<string | null> {
  let sha256: string;
  try {
    sha256 = await sha256Hex(file);
  } catch (error) {
    useReviewStore.getState().setReceiveFailure({ fileName: name, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return null;
  }
  await whenReviewsHydrated();
  const store = useReviewStore.getState();
  store.setReceiveFailure(null);
  const match = undecidedWithHash(store.submissions, sha256);
  const id = match?.id ?? store.receive(
    { project: details.project ?? '', investor: details.investor ?? '', parcelId: details.parcelId ?? null },
    { name, bytes: file.size, sha256 },
  );
  if (useBimStore.getState().models[modelId]) store.linkModel(id, modelId, match ? 'matched' : 'received');
  await saveSubmittedFile(sha256, file);
  if (!match && !details.project) takeProjectWhenRead(id, modelId);
  return id;
}

/** The IFC's IfcProject name arrives with the model's header, after the record exists. */
function takeProjectWhenRead(submissionId: string, modelId: string): void {
  const attempt = (): boolean => {
    const model = useBimStore.getState().models[modelId];
    const header = ifcModels.get(modelId)?.header;
    if (header?.projectName) useReviewStore.getState().takeProjectFromFile(submissionId, header.projectName);
    return !model || model.status !== 'loading' || Boolean(header);
  };
  if (attempt()) return;
  const unsubscribe = useBimStore.subscribe(() => {
    if (attempt()) unsubscribe();
  });
}
