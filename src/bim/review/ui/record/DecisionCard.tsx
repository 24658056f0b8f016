import type { ReviewPartProps } from '../ReviewPanel';

/** Placeholder: replaced by the helper that owns ui/record/. */
export function DecisionCard(_props: ReviewPartProps) {
  return null;
}
