/** Vietnamese strings of the review's report part (spread into `app/i18n/vi.ts`). */
export const reviewReportVi = {
  'review.report.title': 'TODO',
};
