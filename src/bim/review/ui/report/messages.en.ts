import type { reviewReportVi } from './messages.vi';

/** English strings of the review's report part (spread into `app/i18n/en.ts`). */
export const reviewReportEn: Record<keyof typeof reviewReportVi, string> = {
  'review.report.title': 'TODO',
};
