import type { Message } from '../../../../app/i18n';
import { useBimStore } from '../../../../state';
import { submissionReference, useReviewStore } from '../../../../state/reviewStore';
import { openModel } from '../../../ui/openModels';
import { loadSubmittedFile } from '../../bindReviewPersistence';
import { sha256Hex } from '../../hashFile';

export type ReopenResult = { ok: true; modelId: string } | { ok: false; message: Message };

/**
 * Shows a saved submission: its model when it is open, else its stored file opened again and linked to it. The
 * stored bytes are hashed again first: a file that no longer matches the record is not what was submitted.
 */
export async function reopenSubmission(submissionId: string): Promise<ReopenResult> {
  const review = useReviewStore.getState();
  const submission = review.submissions[submissionId];
  if (!submission) return { ok: false, message: { key: 'review.saved.failed', params: { ref: submissionId, detail: 'not found' } } };
  const ref = submissionReference(submission.id);
  const openId = review.modelOfSubmission[submissionId];
  if (openId && useBimStore.getState().models[openId]) {
    useBimStore.getState().setActiveModel(openId);
    return { ok: true, modelId: openId };
  }
  try {
    const stored = await loadSubmittedFile(submission.file.sha256);
    if (!stored) return { ok: false, message: { key: 'review.saved.missingFile', params: { ref, sha: submission.file.sha256 } } };
    const actual = await sha256Hex(stored);
    if (actual !== submission.file.sha256) {
      return { ok: false, message: { key: 'review.saved.hashMismatch', params: { ref, expected: submission.file.sha256, actual } } };
    }
    const modelId = openModel(new File([stored], submission.file.name), { submissionId });
    return { ok: true, modelId };
  } catch (error) {
    return { ok: false, message: { key: 'review.saved.failed', params: { ref, detail: error instanceof Error ? error.message : String(error) } } };
  }
}
