import { useEffect, useState } from 'react';
import { useT } from '../../../../app/useT';
import { useReviewStore } from '../../../../state/reviewStore';

const INPUT_ID = 'review-reviewer';

/** The reviewer's name, kept as typed until the field is left (or Enter): every signed action uses the saved one. */
export function ReviewerName() {
  const t = useT();
  const reviewer = useReviewStore((s) => s.reviewer);
  const [draft, setDraft] = useState(reviewer);
  // The saved name arrives with hydration, after the first render.
  useEffect(() => setDraft(reviewer), [reviewer]);
  const save = () => useReviewStore.getState().setReviewer(draft);
  return (
    <form className="review-form" onSubmit={(event) => {
      event.preventDefault();
      save();
    }}>
      <label className="bim-field" htmlFor={INPUT_ID}>{t('review.record.reviewer')}</label>
      <input id={INPUT_ID} className="review-input" data-testid="review-reviewer" autoComplete="name" value={draft}
        aria-describedby={`${INPUT_ID}-hint`} onChange={(event) => setDraft(event.target.value)} onBlur={save} />
      <p id={`${INPUT_ID}-hint`} className="bim-hint">{t('review.record.reviewerHint')}</p>
    </form>
  );
}

/**
 * Guards a signed action: with no reviewer named it says so (`missing`) and moves focus to the name field instead
 * of running the action.
 */
export function useReviewerGate(): { missing: boolean; signed: (action: () => void) => void } {
  const reviewer = useReviewStore((s) => s.reviewer);
  const [asked, setAsked] = useState(false);
  return {
    missing: asked && reviewer === '',
    signed: (action) => {
      if (useReviewStore.getState().reviewer !== '') return action();
      setAsked(true);
      document.getElementById(INPUT_ID)?.focus();
    },
  };
}
