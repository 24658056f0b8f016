/** Vietnamese strings of the review's issues part (spread into `app/i18n/vi.ts`). */
export const reviewIssuesVi = {
  'review.issues.title': 'TODO',
};
