import type { reviewPlanVi } from './messages.vi';

/** English strings of the review's plan part (spread into `app/i18n/en.ts`). */
export const reviewPlanEn: Record<keyof typeof reviewPlanVi, string> = {
  'review.plan.title': 'TODO',
};
