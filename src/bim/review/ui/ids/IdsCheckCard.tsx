import type { ReviewPartProps } from '../ReviewPanel';

/** Placeholder: replaced by the helper that owns ui/ids/. */
export function IdsCheckCard(_props: ReviewPartProps) {
  return null;
}
