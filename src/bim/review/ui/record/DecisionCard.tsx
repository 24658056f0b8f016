import { memo, useState } from 'react';
import type { Message } from '../../../../app/i18n';
import { useRender, useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
import { addToCityModel, AsBuiltStatus } from '../../../asbuilt';
import type { DecisionOutcome, SubmissionDecision } from '../../types';
import type { ReviewPartProps } from '../ReviewPanel';
import { DecisionContext } from './DecisionContext';
import { formatTime } from './format';
import { ReviewerName, useReviewerGate } from './ReviewerName';
import './record.css';

/** Shorter than this, a reason cannot say what to fix or why the file is good enough. */
const MIN_REASON = 10;

/**
 * The decision on the submission: accept or return, with a required reason, given what the checks and issues say.
 * It is final (the store refuses a second one); an accepted model goes on into the city's as-built layer.
 * Memoised, like the record, against the panel's re-renders while a model streams in.
 */
export const DecisionCard = memo(function DecisionCard({ submissionId }: ReviewPartProps) {
  const t = useT();
  const submission = useReviewStore((s) => s.submissions[submissionId]);
  if (!submission) return null;
  return (
    <section className="bim-card" aria-labelledby="review-decision-title" data-testid="review-decision" data-outcome={submission.decision?.outcome}>
      <h4 id="review-decision-title">{t('review.decision.title')}</h4>
      <DecisionContext submission={submission} />
      {submission.decision ? <RecordedDecision submissionId={submissionId} decision={submission.decision} /> : <DecisionForm submissionId={submissionId} />}
    </section>
  );
});

function RecordedDecision({ submissionId, decision }: { submissionId: string; decision: SubmissionDecision }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const outcome = t(decision.outcome === 'accepted' ? 'review.status.accepted' : 'review.status.returned');
  return (
    <>
      <p data-testid="review-decision-recorded"><strong>{t('review.decision.recorded', { outcome, reviewer: decision.reviewer, at: formatTime(lang, decision.at) })}</strong></p>
      <p data-testid="review-decision-reason">{t('review.decision.reasonShown', { reason: decision.reason })}</p>
      <p className="bim-hint">{t('review.decision.final')}</p>
      <AsBuiltStatus submissionId={submissionId} />
    </>
  );
}

function DecisionForm({ submissionId }: { submissionId: string }) {
  const t = useT();
  const render = useRender();
  const { missing, signed } = useReviewerGate();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);

  const submit = () => {
    const text = reason.trim();
    if (!outcome) return setProblem({ key: 'review.decision.chooseOutcome' });
    if (text.length < MIN_REASON) return setProblem({ key: 'review.decision.reasonTooShort', params: { length: text.length, min: MIN_REASON } });
    setProblem(null);
    signed(() => {
      useReviewStore.getState().decide(submissionId, outcome, text);
      // AsBuiltStatus (shown with the recorded decision) says why a conversion failed and offers to retry; the
      // decision stands either way, so the rejection needs nothing more here.
      if (outcome === 'accepted') addToCityModel(submissionId).catch(() => undefined);
    });
  };

  return (
    <>
      <ReviewerName />
      <form className="review-form" noValidate aria-describedby="review-decision-final" onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}>
        <fieldset className="review-form">
          <legend>{t('review.decision.outcome')}</legend>
          {(['accepted', 'returned'] as const).map((value) => (
            <label key={value} className="review-choice">
              <input type="radio" name="review-decision-outcome" value={value} data-testid={`review-decision-${value}`}
                checked={outcome === value} onChange={() => setOutcome(value)} />
              {t(value === 'accepted' ? 'review.decision.accept' : 'review.decision.return')}
            </label>
          ))}
        </fieldset>
        <label className="bim-field" htmlFor="review-decision-reason">{t('review.decision.reason')}</label>
        <textarea id="review-decision-reason" className="review-input" rows={3} required data-testid="review-decision-reason-input"
          aria-invalid={problem !== null && outcome !== null} aria-describedby="review-decision-reason-hint"
          value={reason} onChange={(event) => setReason(event.target.value)} />
        <p id="review-decision-reason-hint" className="bim-hint">
          {t(outcome === 'returned' ? 'review.decision.reasonHintReturn' : 'review.decision.reasonHintAccept')}
        </p>
        <p id="review-decision-final" className="bim-hint">{t('review.decision.final')}</p>
        <div className="bim-buttons">
          <button type="submit" className="bim-primary" data-testid="review-decision-submit">{t('review.decision.submit')}</button>
        </div>
        <div aria-live="polite">
          {problem && <p className="bim-error" data-testid="review-decision-problem">{render(problem)}</p>}
          {missing && <p className="bim-error">{t('review.record.reviewerRequired')}</p>}
        </div>
      </form>
    </>
  );
}
