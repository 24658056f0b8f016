/** Vietnamese strings of the review's record part (spread into `app/i18n/vi.ts`). */
export const reviewRecordVi = {
  'review.record.title': 'TODO',
};
