/**
 * The planner's review of as-built submissions (issue 6 §4): the record's types, receiving an opened file as a
 * submission, and its persistence in IndexedDB (`sao-review`). The parts of the review UI live in `ui/`.
 */
export type * from './types';
export { bindReviewPersistence, loadSubmittedFile, saveSubmittedFile, whenReviewsHydrated } from './bindReviewPersistence';
export { indexedDbReviewDatabase, memoryReviewDatabase, type ReviewDatabase, type SavedReviews } from './reviewDatabase';
export { receiveOpenedModel, undecidedWithHash, type ReviewOnOpen } from './receiveSubmission';
export { sha256Hex } from './hashFile';
export { sha256Digest } from './sha256';
