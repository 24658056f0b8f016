import { useT } from '../../../../app/useT';
import { useReviewStore } from '../../../../state/reviewStore';

/** Whether the review reached IndexedDB: a failed write is an alert with its reason, never silent. */
export function SaveState() {
  const t = useT();
  const state = useReviewStore((s) => s.saveState);
  const error = useReviewStore((s) => s.saveError);
  const failed = state === 'failed';
  return (
    <p className={failed ? 'bim-error' : 'bim-hint'} data-testid="review-save-state" data-state={state}
      role={failed ? 'alert' : 'status'}>
      {failed ? t('review.save.failed', { detail: error ?? '' }) : t(`review.save.${state}`)}
    </p>
  );
}
