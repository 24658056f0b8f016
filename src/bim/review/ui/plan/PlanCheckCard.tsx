import type { ReviewPartProps } from '../ReviewPanel';

/** Placeholder: replaced by the helper that owns ui/plan/. */
export function PlanCheckCard(_props: ReviewPartProps) {
  return null;
}
