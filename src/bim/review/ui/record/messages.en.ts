import type { reviewRecordVi } from './messages.vi';

/** English strings of the review's record part (spread into `app/i18n/en.ts`). */
export const reviewRecordEn: Record<keyof typeof reviewRecordVi, string> = {
  'review.record.title': 'TODO',
};
