/** Vietnamese strings of the review's ids part (spread into `app/i18n/vi.ts`). */
export const reviewIdsVi = {
  'review.ids.title': 'TODO',
};
