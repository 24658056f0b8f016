/**
 * Reviews survive a reload: persistence writes every changed record, hydrates a fresh store from what it wrote,
 * keeps submitted files by SHA-256, and says when a write failed (and writes the record again on the next change).
 * Opening the same file twice while it is under review is one submission.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBimStore } from '../../../../src/state';
import type { BimModelState } from '../../../../src/state/bimStore';
import { ifcModels } from '../../../../src/bim/modelRegistry';
import { header, spatial } from '../inspectorFixtures';
import { useReviewStore } from '../../../../src/state/reviewStore';
import {
  bindReviewPersistence, loadSubmittedFile, memoryReviewDatabase, receiveOpenedModel, sha256Hex, whenReviewsHydrated,
  type ReviewDatabase,
} from '../../../../src/bim/review';
import { sha256Digest, sha256Reference } from '../../../../src/bim/review/sha256';
import { answerSha256 } from '../../../../workers/sha256/answerSha256';

const DETAILS = { project: 'Nhà ở lô A', investor: 'Công ty X', parcelId: 'XT-ODT-01' };
const BYTES = new TextEncoder().encode('ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n');

function resetStore(): void {
  useReviewStore.setState({ submissions: {}, hydrated: false, reviewer: '', modelOfSubmission: {}, linkOfSubmission: {}, saveState: 'idle', saveError: null, receiveFailure: null });
}

/** Resolves once no write is in flight. */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => useReviewStore.getState().saveState !== 'saving';
    if (check()) return resolve();
    const unsubscribe = useReviewStore.subscribe(() => {
      if (!check()) return;
      unsubscribe();
      resolve();
    });
  });
}

let unbind: () => void = () => {};

/** A file the browser can no longer read (it changed on disk after it was chosen). */
class Unreadable extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file changed on disk after it was chosen.', 'NotReadableError'));
  }
}

/** Receives like opening a file does, and fails the test when the file was not received. */
async function receive(modelId: string, bytes: Uint8Array<ArrayBuffer>, details?: Parameters<typeof receiveOpenedModel>[3]): Promise<string> {
  const id = await receiveOpenedModel(modelId, 'house.ifc', new Blob([bytes]), details);
  if (id === null) throw new Error(`not received: ${useReviewStore.getState().receiveFailure?.detail}`);
  return id;
}

function model(id: string, status: BimModelState['status']): BimModelState {
  return { id, fileName: 'house.ifc', fileBytes: BYTES.length, status, phase: 'read', progress: 0, chunkCount: 0, placement: null, stats: null, failure: null };
}

describe('review persistence', () => {
  beforeEach(resetStore);
  afterEach(() => unbind());

  it('hashes like Node does, with WebCrypto and with the plain reference used where WebCrypto is missing', async () => {
    expect(await sha256Hex(new Blob([BYTES]))).toBe(createHash('sha256').update(BYTES).digest('hex'));
    expect(await sha256Digest(BYTES.slice().buffer)).toBe(createHash('sha256').update(BYTES).digest('hex'));
    // Lengths around the padding's edges (55/56/64 bytes), and past a pause (1 MiB).
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, (1 << 20) + 17]) {
      const bytes = randomBytes(length);
      expect(await sha256Reference(new Uint8Array(bytes)), `${length} bytes`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('hashes a file in the worker, or says why it could not read it', async () => {
    const hashed = await answerSha256({ type: 'hash', id: 7, payload: { file: new Blob([BYTES]) } });
    expect(hashed).toEqual({ type: 'hashed', id: 7, payload: { sha256: createHash('sha256').update(BYTES).digest('hex') } });
    const failed = await answerSha256({ type: 'hash', id: 8, payload: { file: new Unreadable([BYTES]) } });
    expect(failed).toEqual({ type: 'failed', id: 8, payload: { name: 'NotReadableError', message: expect.stringContaining('changed on disk') } });
  });

  it('writes each change and reads it all back into a fresh store', async () => {
    const database = memoryReviewDatabase();
    unbind = bindReviewPersistence(database);
    await whenReviewsHydrated();
    const store = useReviewStore.getState();
    store.setReviewer('Nguyễn Văn An');
    const id = store.receive(DETAILS, { name: 'a.ifc', bytes: 10, sha256: 'cd'.repeat(32) });
    store.comment(id, 'Thiếu tên tầng');
    store.decide(id, 'returned', 'Bổ sung tên tầng');
    await settled();
    expect(useReviewStore.getState().saveState).toBe('saved');
    const written = useReviewStore.getState().submissions[id];
    unbind();

    resetStore();
    unbind = bindReviewPersistence(database);
    await whenReviewsHydrated();
    const restored = useReviewStore.getState();
    expect(restored.reviewer).toBe('Nguyễn Văn An');
    expect(restored.submissions[id]).toEqual(written);
    expect(restored.submissions[id]!.audit.map((entry) => entry.action)).toEqual(['received', 'commented', 'decided']);
  });

  it('shows a failed write with its reason and writes the record again on the next change', async () => {
    const memory = memoryReviewDatabase();
    let refuse = true;
    const database: ReviewDatabase = {
      ...memory,
      putSubmission: (submission) =>
        refuse ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : memory.putSubmission(submission),
    };
    unbind = bindReviewPersistence(database);
    await whenReviewsHydrated();
    const store = useReviewStore.getState();
    const first = store.receive(DETAILS, { name: 'a.ifc', bytes: 10, sha256: 'cd'.repeat(32) });
    await settled();
    expect(useReviewStore.getState()).toMatchObject({ saveState: 'failed', saveError: expect.stringContaining('QuotaExceededError') });

    refuse = false;
    const second = store.receive(DETAILS, { name: 'b.ifc', bytes: 10, sha256: 'ef'.repeat(32) });
    await settled();
    expect(useReviewStore.getState().saveState).toBe('saved');
    expect((await memory.load()).submissions.map((s) => s.id).sort()).toEqual([first, second].sort());
  });

  it('says when the saved reviews cannot be read, and the session still works', async () => {
    const database: ReviewDatabase = { ...memoryReviewDatabase(), load: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')) };
    unbind = bindReviewPersistence(database);
    await whenReviewsHydrated();
    expect(useReviewStore.getState()).toMatchObject({ hydrated: true, saveState: 'failed', saveError: expect.stringContaining('InvalidStateError') });
  });

  it('receives an opened file once: the same bytes again link to the submission under review', async () => {
    const database = memoryReviewDatabase();
    unbind = bindReviewPersistence(database);
    useBimStore.setState({ models: {} });
    const models = ['ifc-a', 'ifc-b', 'ifc-c'];
    for (const id of models) useBimStore.getState().upsertModel(model(id, 'ready'));
    const first = await receive('ifc-a', BYTES, DETAILS);
    const again = await receive('ifc-b', BYTES, DETAILS);
    expect(again).toBe(first);
    expect(useReviewStore.getState().modelOfSubmission).toEqual({ [first]: 'ifc-b' });
    expect(useReviewStore.getState().linkOfSubmission[first]).toBe('matched');
    const stored = await loadSubmittedFile(useReviewStore.getState().submissions[first]!.file.sha256);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(BYTES);

    useReviewStore.getState().decide(first, 'accepted', 'Đạt yêu cầu');
    const resubmitted = await receive('ifc-c', BYTES, DETAILS);
    expect(resubmitted).not.toBe(first);
    expect(Object.keys(useReviewStore.getState().submissions)).toHaveLength(2);
    expect(await loadSubmittedFile('00'.repeat(32))).toBeNull();
  });

  it('takes the project name from the IFC once its header is read, when the opener stated none', async () => {
    unbind = bindReviewPersistence(memoryReviewDatabase());
    useBimStore.setState({ models: {} });
    useBimStore.getState().upsertModel(model('ifc-p', 'loading'));
    ifcModels.create('ifc-p');
    const id = await receive('ifc-p', BYTES);
    expect(useReviewStore.getState().submissions[id]).toMatchObject({ project: '', investor: '', parcelId: null });

    // The worker's header arrives, then the store moves on (the loader bumps progress).
    ifcModels.setHeader('ifc-p', { ...header(spatial(1, 'IfcProject'), []), projectName: 'Projekt-FZK-Haus' });
    useBimStore.getState().patchModel('ifc-p', { progress: 0.5 });
    expect(useReviewStore.getState().submissions[id]!.project).toBe('Projekt-FZK-Haus');
    expect(useReviewStore.getState().submissions[id]!.audit.map((entry) => entry.action)).toEqual(['received', 'detailsEdited']);
    ifcModels.delete('ifc-p');
  });

  it('says which opened file could not be received, and why; the next file received clears it', async () => {
    unbind = bindReviewPersistence(memoryReviewDatabase());
    expect(await receiveOpenedModel('ifc-x', 'moved.ifc', new Unreadable([BYTES]))).toBeNull();
    expect(useReviewStore.getState().receiveFailure).toEqual({ fileName: 'moved.ifc', detail: expect.stringContaining('NotReadableError') });
    expect(useReviewStore.getState().submissions).toEqual({});
    await receive('ifc-y', BYTES);
    expect(useReviewStore.getState().receiveFailure).toBeNull();
  });
});
