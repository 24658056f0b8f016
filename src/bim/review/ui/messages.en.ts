import type { reviewVi } from './messages.vi';

/** English strings of the review's frame (spread into `app/i18n/en.ts`). */
export const reviewEn: Record<keyof typeof reviewVi, string> = {
  'review.title': 'Submission review',
  'review.tab.record': 'Record',
  'review.tab.ids': 'Information requirements (IDS)',
  'review.tab.plan': 'Zoning plan',
  'review.tab.issues': 'Issues (BCF)',
  'review.tab.decision': 'Decision',
  'review.status.received': 'Received',
  'review.status.checking': 'Under review',
  'review.status.returned': 'Returned',
  'review.status.accepted': 'Accepted',
};
