/** Vietnamese strings of the review's plan part (spread into `app/i18n/vi.ts`). */
export const reviewPlanVi = {
  'review.plan.title': 'TODO',
};
