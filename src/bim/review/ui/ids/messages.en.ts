import type { reviewIdsVi } from './messages.vi';

/** English strings of the review's ids part (spread into `app/i18n/en.ts`). */
export const reviewIdsEn: Record<keyof typeof reviewIdsVi, string> = {
  'review.ids.title': 'TODO',
};
