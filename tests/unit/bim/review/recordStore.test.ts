/**
 * The review store as a planner uses it: a received file is a submission with a UUID and an audit line; checks and
 * comments move it to "checking"; a decision is final and signed; the project name comes from the file only when
 * nobody stated one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, submissionReference, useReviewStore } from '../../../../src/state/reviewStore';

const FILE = { name: 'house.ifc', bytes: 1234, sha256: 'ab'.repeat(32) };
const DETAILS = { project: 'Nhà ở lô A', investor: 'Công ty X', parcelId: 'XT-ODT-01' };

function reset(): void {
  useReviewStore.setState({ submissions: {}, hydrated: true, reviewer: '', modelOfSubmission: {}, linkOfSubmission: {}, saveState: 'idle', saveError: null });
}

function record(id: string) {
  const submission = useReviewStore.getState().submissions[id];
  if (!submission) throw new Error(`no submission ${id}`);
  return submission;
}

describe('review store', () => {
  beforeEach(reset);

  it('receives a file as a new submission with a UUID, a reference and the first audit line', () => {
    const store = useReviewStore.getState();
    store.setReviewer('  Nguyễn Văn An ');
    const id = store.receive(DETAILS, FILE);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(submissionReference(id)).toBe(`HS-${id.slice(0, 8).toUpperCase()}`);
    const submission = record(id);
    expect(submission).toMatchObject({ ...DETAILS, file: FILE, status: 'received', decision: null });
    expect(submission.audit).toEqual([
      expect.objectContaining({ seq: 1, actor: 'Nguyễn Văn An', action: 'received' }),
    ]);
    expect(submission.audit[0]!.summary.vi).toContain('house.ifc');
    expect(store.receive(DETAILS, FILE)).not.toBe(id);
  });

  it('numbers audit entries in order and moves received → checking on the first comment', () => {
    const store = useReviewStore.getState();
    store.setReviewer('An');
    const id = store.receive(DETAILS, FILE);
    store.editDetails(id, { investor: 'Công ty Y' });
    expect(record(id).status).toBe('received');
    store.comment(id, 'Thiếu tên tầng');
    const submission = record(id);
    expect(submission.status).toBe('checking');
    expect(submission.investor).toBe('Công ty Y');
    expect(submission.comments).toEqual([expect.objectContaining({ author: 'An', text: 'Thiếu tên tầng' })]);
    expect(submission.audit.map((entry) => [entry.seq, entry.action])).toEqual([[1, 'received'], [2, 'detailsEdited'], [3, 'commented']]);
    expect(submission.audit[1]!.summary.en).toContain('Công ty Y');
  });

  it('records a decision once: a second decision changes nothing', () => {
    const store = useReviewStore.getState();
    store.setReviewer('An');
    const id = store.receive(DETAILS, FILE);
    store.decide(id, 'returned', 'Thiếu IfcMapConversion');
    const decided = record(id);
    expect(decided.status).toBe('returned');
    expect(decided.decision).toMatchObject({ outcome: 'returned', reason: 'Thiếu IfcMapConversion', reviewer: 'An' });
    store.decide(id, 'accepted', 'Đạt');
    expect(record(id)).toBe(decided);
  });

  it('takes the project name from the file only while the project is empty, signed by the app', () => {
    const store = useReviewStore.getState();
    const empty = store.receive({ ...DETAILS, project: '' }, FILE);
    store.takeProjectFromFile(empty, ' Projekt-FZK-Haus ');
    expect(record(empty).project).toBe('Projekt-FZK-Haus');
    expect(record(empty).audit.at(-1)).toMatchObject({ action: 'detailsEdited', actor: SYSTEM_ACTOR });
    const stated = store.receive(DETAILS, FILE);
    store.takeProjectFromFile(stated, 'Projekt-FZK-Haus');
    expect(record(stated).project).toBe(DETAILS.project);
    expect(record(stated).audit).toHaveLength(1);
  });

  it('links a submission to one model at a time and remembers how', () => {
    const store = useReviewStore.getState();
    const id = store.receive(DETAILS, FILE);
    store.linkModel(id, 'ifc-1');
    store.linkModel(id, 'ifc-2', 'matched');
    expect(useReviewStore.getState().modelOfSubmission).toEqual({ [id]: 'ifc-2' });
    expect(useReviewStore.getState().linkOfSubmission).toEqual({ [id]: 'matched' });
    store.linkModel(id, null);
    expect(useReviewStore.getState().modelOfSubmission).toEqual({});
    expect(useReviewStore.getState().linkOfSubmission).toEqual({});
  });
});
