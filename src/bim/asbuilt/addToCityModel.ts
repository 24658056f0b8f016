/**
 * An accepted submission into the city's as-built layer (issue 6 §5): its stored IFC file → 3D Tiles 1.1 in a
 * worker, placed as the review placed it → IndexedDB → the layer, then `recordAsBuilt` logs it in the review.
 * A failure is shown (AsBuiltStatus) and leaves the decision as recorded; the planner can retry.
 */
import type { LocalizedText } from '../../geo';
import { useBimStore, useReviewStore } from '../../state';
import type { ManualPlacementInput } from '../georef';
import { loadSubmittedFile } from '../review';
import type { AsBuiltSubmission } from '../review/types';
import { buildingSite, storeBuilding } from './asBuiltLayer';
import { useAsBuiltStore } from './asBuiltStore';
import { AsBuiltConversionError, convertInWorker } from './convertInWorker';
import type { StoredBuilding } from './types';

/** The as-built building of a submission: one per submission, so a retry replaces its own. */
export const tilesetIdOf = (submissionId: string) => `asbuilt-${submissionId}`;

export async function addToCityModel(submissionId: string): Promise<void> {
  const { setProgress } = useAsBuiltStore.getState();
  setProgress(submissionId, { state: 'converting', phase: 'read', done: 0, total: 1 });
  try {
    const submission = acceptedSubmission(submissionId);
    const file = await loadSubmittedFile(submission.file.sha256);
    if (!file) {
      throw failure(
        'FILE_NOT_STORED',
        `Không tìm thấy tệp ${submission.file.name} (SHA-256 ${submission.file.sha256.slice(0, 12)}…) trong kho hồ sơ của trình duyệt này: hãy mở lại tệp đã nộp.`,
        `The file ${submission.file.name} (SHA-256 ${submission.file.sha256.slice(0, 12)}…) is not stored in this browser's review store: open the submitted file again.`,
      );
    }
    const { files, summary } = await convertInWorker(submission.file.name, await file.arrayBuffer(), reviewPlacementByHand(submissionId), (phase, done, total) =>
      setProgress(submissionId, { state: 'converting', phase, done, total }),
    );
    const building: StoredBuilding = {
      tilesetId: tilesetIdOf(submissionId),
      submissionId,
      title: submission.project,
      files,
      summary,
      storedAt: new Date().toISOString(),
    };
    await storeBuilding(building);
    useReviewStore.getState().recordAsBuilt(submissionId, {
      tilesetId: building.tilesetId,
      tiles: summary.tiles,
      bytes: summary.bytes,
      features: summary.features,
      convertedAt: building.storedAt,
    });
    setProgress(submissionId, { state: 'added', site: buildingSite(building) });
  } catch (error) {
    setProgress(submissionId, { state: 'failed', message: messageOf(error) });
    throw error;
  }
}

function acceptedSubmission(submissionId: string): AsBuiltSubmission {
  const submission = useReviewStore.getState().submissions[submissionId];
  if (!submission) throw failure('NO_SUBMISSION', `Không có hồ sơ ${submissionId}.`, `There is no submission ${submissionId}.`);
  if (submission.status !== 'accepted') {
    throw failure(
      'NOT_ACCEPTED',
      `Chỉ hồ sơ đã được chấp thuận mới đưa vào lớp hoàn công; hồ sơ này đang ở trạng thái "${submission.status}".`,
      `Only an accepted submission goes into the as-built layer; this one is "${submission.status}".`,
    );
  }
  return submission;
}

/**
 * The placement the review saw: when the open model was placed by hand (trust 'unverified'), the same placement
 * for the tiles; otherwise none, and the converter reads the file's own georeferencing.
 */
export function reviewPlacementByHand(submissionId: string): ManualPlacementInput | null {
  const modelId = useReviewStore.getState().modelOfSubmission[submissionId];
  const placement = modelId === undefined ? null : useBimStore.getState().models[modelId]?.placement;
  if (!placement || placement.source !== 'manual') return null;
  const [lon, lat] = placement.originWgs84;
  return { lon, lat, headingDegrees: placement.headingDegrees, elevation: placement.datumHeight ?? 0 };
}

function failure(code: string, vi: string, en: string): AsBuiltConversionError {
  return new AsBuiltConversionError({ code, message: { vi, en } });
}

function messageOf(error: unknown): LocalizedText {
  if (error instanceof AsBuiltConversionError) return error.failure.message;
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `Không đưa được công trình vào lớp hoàn công: ${detail}`, en: `The building could not be added to the as-built layer: ${detail}` };
}
