/**
 * Where reviews survive reloads and crashes: the IndexedDB database `sao-review` — `submissions` (the records,
 * keyPath id), `files` (the submitted IFC files as Blobs, keyed by SHA-256) and `settings` (the reviewer's name).
 * Every write is its own transaction, committed with strict durability, so a crash loses at most the write in
 * flight. The only module of `review/` that touches a browser storage API.
 */
import { lazyDatabase, requestDone, transactionDone } from '../../storage/indexedDb';
import type { AsBuiltSubmission } from './types';

export interface SavedReviews {
  submissions: AsBuiltSubmission[];
  reviewer: string | null;
}

/** What the review persistence needs from storage; `memoryReviewDatabase` stands in for it in Node tests. */
export interface ReviewDatabase {
  load(): Promise<SavedReviews>;
  putSubmission(submission: AsBuiltSubmission): Promise<void>;
  putReviewer(name: string): Promise<void>;
  /** Keeps the file under its SHA-256; a file already stored under it is left as it is (same hash, same bytes). */
  putFile(sha256: string, file: Blob): Promise<void>;
  getFile(sha256: string): Promise<Blob | null>;
}

const DB_NAME = 'sao-review';
const DB_VERSION = 1;
const SUBMISSIONS = 'submissions';
const FILES = 'files';
const SETTINGS = 'settings';
const REVIEWER = 'reviewer';

function upgrade(db: IDBDatabase): void {
  db.createObjectStore(SUBMISSIONS, { keyPath: 'id' });
  db.createObjectStore(FILES);
  db.createObjectStore(SETTINGS);
}

export function indexedDbReviewDatabase(factory: IDBFactory = indexedDB): ReviewDatabase {
  const db = lazyDatabase(factory, DB_NAME, DB_VERSION, upgrade);
  // Strict: the write is on disk when the transaction completes, not merely handed to the browser process.
  const writing = async (store: string) => (await db()).transaction(store, 'readwrite', { durability: 'strict' });

  return {
    async load() {
      const tx = (await db()).transaction([SUBMISSIONS, SETTINGS], 'readonly');
      const [submissions, reviewer] = await Promise.all([
        requestDone(tx.objectStore(SUBMISSIONS).getAll()) as Promise<AsBuiltSubmission[]>,
        requestDone(tx.objectStore(SETTINGS).get(REVIEWER)) as Promise<string | undefined>,
      ]);
      return { submissions, reviewer: reviewer ?? null };
    },
    async putSubmission(submission) {
      const tx = await writing(SUBMISSIONS);
      tx.objectStore(SUBMISSIONS).put(submission);
      await transactionDone(tx);
    },
    async putReviewer(name) {
      const tx = await writing(SETTINGS);
      tx.objectStore(SETTINGS).put(name, REVIEWER);
      await transactionDone(tx);
    },
    async putFile(sha256, file) {
      const tx = await writing(FILES);
      const files = tx.objectStore(FILES);
      const request = files.getKey(sha256);
      request.onsuccess = () => {
        if (request.result === undefined) files.put(file, sha256);
      };
      await transactionDone(tx);
    },
    async getFile(sha256) {
      const tx = (await db()).transaction(FILES, 'readonly');
      return ((await requestDone(tx.objectStore(FILES).get(sha256))) as Blob | undefined) ?? null;
    },
  };
}

/** Keeps everything in memory: Node tests, or a browser without IndexedDB (the session works, nothing survives it). */
export function memoryReviewDatabase(initial: Partial<SavedReviews> = {}): ReviewDatabase & { files: Map<string, Blob> } {
  const submissions = new Map((initial.submissions ?? []).map((s) => [s.id, structuredClone(s)]));
  let reviewer = initial.reviewer ?? null;
  const files = new Map<string, Blob>();
  return {
    files,
    load: async () => ({ submissions: [...submissions.values()].map((s) => structuredClone(s)), reviewer }),
    async putSubmission(submission) {
      submissions.set(submission.id, structuredClone(submission));
    },
    async putReviewer(name) {
      reviewer = name;
    },
    async putFile(sha256, file) {
      if (!files.has(sha256)) files.set(sha256, file);
    },
    getFile: async (sha256) => files.get(sha256) ?? null,
  };
}
