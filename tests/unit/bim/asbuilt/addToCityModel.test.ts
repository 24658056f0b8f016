/**
 * What `addToCityModel` refuses before any conversion, in the planner's words, shown as the submission's as-built
 * status and leaving the review's record as it was: a submission not accepted, and an accepted one whose IFC
 * file is not in this browser's review store. (The conversion itself runs in a browser worker: tests/e2e/asBuilt.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCityModel } from '../../../../src/bim/asbuilt';
import { useAsBuiltStore } from '../../../../src/bim/asbuilt/asBuiltStore';
import { bindReviewPersistence, memoryReviewDatabase } from '../../../../src/bim/review';
import { useReviewStore } from '../../../../src/state';

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
});
