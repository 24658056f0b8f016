/**
 * The issues panel reads and writes .bcfzip files in the BCF worker: the client and the worker's own code
 * (workers/bcf/answerBcf.ts), joined by an in-process port that structured-clones and transfers as postMessage does.
 * A refused file comes back as the same BcfError the reader threw, with its code, entry and message for people.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readBcfZip, writeBcfZip, type BcfDocument } from '../../../../src/bim/bcf';
import { readBcfFile, writeBcfFile, type BcfWorkerPort } from '../../../../src/bim/review/ui/issues/bcfFiles';
import { answerBcf } from '../../../../workers/bcf/answerBcf';
import type { BcfWorkerRequest, BcfWorkerResponse } from '../../../../workers/bcf/protocol';
import { refusal, sampleReview, zipFiles } from '../bcfFixtures';

/** A port that runs the worker's code on the next tick, cloning messages both ways and detaching what is transferred. */
function inProcess(crash = false): () => BcfWorkerPort {
  return () => {
    const listeners: ((response: BcfWorkerResponse) => void)[] = [];
    const errors: ((message: string) => void)[] = [];
    return {
      post: (request: BcfWorkerRequest, transfer: ArrayBuffer[]) => {
        const received = structuredClone(request, { transfer });
        setTimeout(() => {
          if (crash) return errors.forEach((listener) => listener('Uncaught RangeError: out of memory'));
          const { response, transfer: back } = answerBcf(received);
          const delivered = structuredClone(response, { transfer: back });
          listeners.forEach((listener) => listener(delivered));
        });
      },
      onMessage: (listener) => listeners.push(listener),
      onError: (listener) => errors.push(listener),
      terminate: () => undefined,
    };
  };
}

describe('the BCF worker', () => {
  it('writes BCF 3.0 and reads it back with its snapshots', async () => {
    const review = sampleReview();
    const zip = await writeBcfFile(review, inProcess());
    expect(zip).toEqual(writeBcfZip(review));
    const document = await readBcfFile(new Blob([zip as Uint8Array<ArrayBuffer>]), inProcess());
    expect(document).toEqual(readBcfZip(zip));
    const snapshots = document.topics.flatMap((topic) => topic.viewpoints.flatMap((viewpoint) => (viewpoint.snapshot ? [viewpoint.snapshot.bytes] : [])));
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.every((bytes) => bytes.length > 0)).toBe(true);
  });

  it('refuses a hostile file with the reader’s own error: code, entry and message', async () => {
    const traversal = zipFiles({ ...unzipSync(writeBcfZip(sampleReview())), '../../evil.sh': '#!/bin/sh\n' });
    const expected = refusal(() => readBcfZip(traversal));
    const error = await readBcfFile(new Blob([traversal as Uint8Array<ArrayBuffer>]), inProcess()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BcfError', code: 'UNSAFE_PATH', entry: '../../evil.sh', userMessage: expected.userMessage });
  });

  it('refuses to write a document BCF 3.0 cannot hold', async () => {
    const review = sampleReview();
    const blank: BcfDocument = { ...review, topics: [{ ...review.topics[0]!, title: ' ' }] };
    await expect(writeBcfFile(blank, inProcess())).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
  });

  it('says so when the worker itself dies', async () => {
    await expect(readBcfFile(new Blob([new Uint8Array(4)]), inProcess(true))).rejects.toThrow(/bcf worker: Uncaught RangeError/);
  });
});
