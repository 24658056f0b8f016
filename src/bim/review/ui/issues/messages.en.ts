import type { reviewIssuesVi } from './messages.vi';

/** English strings of the review's issues part (spread into `app/i18n/en.ts`). */
export const reviewIssuesEn: Record<keyof typeof reviewIssuesVi, string> = {
  'review.issues.title': 'TODO',
};
