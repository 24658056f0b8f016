/**
 * What `addToCityModel` refuses before any conversion, in the planner's words, shown as the submission's as-built
 * status and leaving the review's record as it was: a submission not accepted, and an accepted one whose IFC
 * file is not in this browser's review store. The tiles are placed as the review placed the open model: by hand
 * when the planner placed it so, else by the file. (The conversion runs in a browser worker: tests/e2e/asBuilt.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCityModel } from '../../../../src/bim/asbuilt';
import { reviewPlacementByHand } from '../../../../src/bim/asbuilt/addToCityModel';
import { manualPlacement } from '../../../../src/bim/georef';
import type { ModelPlacement } from '../../../../src/bim/types';
import { useAsBuiltStore } from '../../../../src/bim/asbuilt/asBuiltStore';
import { bindReviewPersistence, memoryReviewDatabase } from '../../../../src/bim/review';
import { useBimStore, useReviewStore } from '../../../../src/state';

const FILE = { name: 'nha-o.ifc', bytes: 1234, sha256: 'ab'.repeat(32) };

describe('addToCityModel refusals', () => {
  let unbind: () => void;
  beforeEach(() => {
    unbind = bindReviewPersistence(memoryReviewDatabase());
    useReviewStore.getState().setReviewer('Nguyễn Thị Thẩm Định');
  });
  afterEach(() => unbind());

  it('refuses a submission that is not accepted, and records nothing', async () => {
    const id = useReviewStore.getState().receive({ project: 'Nhà ở', investor: 'Chủ đầu tư', parcelId: null }, FILE);
    const before = useReviewStore.getState().submissions[id];
    await expect(addToCityModel(id)).rejects.toThrow('Only an accepted submission goes into the as-built layer; this one is "received".');
    const progress = useAsBuiltStore.getState().progress[id];
    expect(progress?.state === 'failed' && progress.message.vi).toMatch(/^Chỉ hồ sơ đã được chấp thuận/);
    expect(useReviewStore.getState().submissions[id]).toBe(before);
  });

  it('names the file an accepted submission lacks, and keeps the decision', async () => {
    const id = useReviewStore.getState().receive({ project: 'Nhà ở', investor: 'Chủ đầu tư', parcelId: null }, FILE);
    useReviewStore.getState().decide(id, 'accepted', 'Đạt yêu cầu hoàn công.');
    await expect(addToCityModel(id)).rejects.toThrow(`The file nha-o.ifc (SHA-256 ${FILE.sha256.slice(0, 12)}…) is not stored`);
    const submission = useReviewStore.getState().submissions[id]!;
    expect(submission.status).toBe('accepted');
    expect(submission.decision?.reason).toBe('Đạt yêu cầu hoàn công.');
    expect(submission.asBuilt).toBeNull();
    expect(submission.audit.map((entry) => entry.action)).toEqual(['received', 'decided']);
    expect(useAsBuiltStore.getState().progress[id]).toMatchObject({ state: 'failed', message: { vi: expect.stringContaining('Không tìm thấy tệp nha-o.ifc') } });
  });

  it('places the tiles by hand only where the review placed the open model by hand', () => {
    const id = useReviewStore.getState().receive({ project: 'Nhà ở', investor: 'Chủ đầu tư', parcelId: null }, FILE);
    expect(reviewPlacementByHand(id), 'no open model').toBeNull();

    const georeferenced: ModelPlacement = { ...manualPlacement({ lon: 105.78, lat: 21.04, headingDegrees: 0, elevation: 0 }), source: 'IfcMapConversion', trust: 'high' };
    useBimStore.getState().upsertModel({
      id: 'm1', fileName: FILE.name, fileBytes: FILE.bytes, status: 'ready', phase: 'geometry', progress: 1, chunkCount: 1,
      placement: georeferenced, stats: null, failure: null,
    });
    useReviewStore.getState().linkModel(id, 'm1');
    expect(reviewPlacementByHand(id), 'the file\'s georeferencing').toBeNull();

    const byHand = { lon: 105.7821, lat: 21.0387, headingDegrees: 32.5, elevation: 9.2 };
    useBimStore.getState().patchModel('m1', { placement: manualPlacement(byHand) });
    expect(reviewPlacementByHand(id)).toEqual(byHand);
  });
});
