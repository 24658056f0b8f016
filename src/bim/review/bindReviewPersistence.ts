/**
 * Keeps the review store and the `sao-review` database in step: at start-up the saved reviews are read back into
 * the store (`hydrated`), then every submission whose record changed (a new object: the store never mutates) is
 * written in its own transaction, and the reviewer's name when it changes. `saveState` says saving → saved, or
 * failed with the reason: a lost write is shown, never silent, and the record is written again on the next change.
 */
import { useReviewStore } from '../../state/reviewStore';
import { indexedDbReviewDatabase, memoryReviewDatabase, type ReviewDatabase } from './reviewDatabase';
import type { AsBuiltSubmission } from './types';

let bound: ReviewDatabase | null = null;
let pending = 0;
/** Writes whose last attempt failed, by key (`submission:<id>`, `file:<sha256>`, `reviewer`), with the reason. */
const failures = new Map<string, string>();

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const notStarted = () => new Error('review persistence is not started (bindReviewPersistence)');

function reportSaveState(): void {
  const store = useReviewStore.getState();
  if (pending > 0) store.setSaveState('saving');
  else if (failures.size > 0) store.setSaveState('failed', [...failures.values()].at(-1));
  else store.setSaveState('saved');
}

function track(key: string, write: () => Promise<void>): Promise<void> {
  pending++;
  reportSaveState();
  return write().then(
    () => {
      failures.delete(key);
    },
    (error: unknown) => {
      failures.set(key, describe(error));
    },
  ).finally(() => {
    pending--;
    reportSaveState();
  });
}

/** IndexedDB where the browser has it; memory in Node. */
function defaultDatabase(): ReviewDatabase {
  return typeof indexedDB === 'undefined' ? memoryReviewDatabase() : indexedDbReviewDatabase();
}

/** Starts persistence (once, at app start); returns the function that stops it (tests). */
export function bindReviewPersistence(database: ReviewDatabase = defaultDatabase()): () => void {
  bound = database;
  const written = new Map<string, AsBuiltSubmission>();
  const unsubscribe = useReviewStore.subscribe((state, previous) => {
    if (state.reviewer !== previous.reviewer) void track('reviewer', () => database.putReviewer(state.reviewer));
    if (state.submissions === previous.submissions) return;
    for (const submission of Object.values(state.submissions)) {
      const key = `submission:${submission.id}`;
      if (written.get(submission.id) === submission && !failures.has(key)) continue;
      written.set(submission.id, submission);
      void track(key, () => database.putSubmission(submission));
    }
  });
  database.load().then(
    (saved) => {
      if (bound !== database) return;
      for (const submission of saved.submissions) written.set(submission.id, submission);
      useReviewStore.getState().hydrate(saved.submissions, saved.reviewer);
    },
    (error: unknown) => {
      if (bound !== database) return;
      // Stays until reload: the saved reviews are not in this session, whatever later writes do.
      failures.set('load', `reading the saved reviews: ${describe(error)}`);
      useReviewStore.getState().hydrate([], null);
      reportSaveState();
    },
  );
  return () => {
    unsubscribe();
    if (bound === database) bound = null;
    failures.clear();
    pending = 0;
  };
}

/** Stores a submitted file under its SHA-256 (the save state covers it like any record, failure included). */
export function saveSubmittedFile(sha256: string, file: Blob): Promise<void> {
  const database = bound;
  return track(`file:${sha256}`, () => database?.putFile(sha256, file) ?? Promise.reject(notStarted()));
}

/** The submitted IFC file stored under `sha256`, or null when none is (the as-built layer converts it from here). */
export function loadSubmittedFile(sha256: string): Promise<Blob | null> {
  const database = bound;
  return database ? database.getFile(sha256) : Promise.reject(notStarted());
}

/** Settles once the saved reviews are in the store (at once when they already are). */
export function whenReviewsHydrated(): Promise<void> {
  if (useReviewStore.getState().hydrated) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = useReviewStore.subscribe((state) => {
      if (!state.hydrated) return;
      unsubscribe();
      resolve();
    });
  });
}
