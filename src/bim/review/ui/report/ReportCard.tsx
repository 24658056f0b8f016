import type { ReviewPartProps } from '../ReviewPanel';

/** Placeholder: replaced by the helper that owns ui/report/. */
export function ReportCard(_props: ReviewPartProps) {
  return null;
}
