import type { ReviewPartProps } from '../ReviewPanel';

/** Placeholder: replaced by the helper that owns ui/issues/. */
export function IssuesCard(_props: ReviewPartProps) {
  return null;
}
