import { useState } from 'react';
import { useT } from '../../../../app/useT';
import { useReviewStore } from '../../../../state/reviewStore';
import type { AsBuiltSubmission, SubmissionDetails } from '../../types';
import { useReviewerGate } from './ReviewerName';

const FIELDS = [
  { key: 'project', label: 'review.record.project' },
  { key: 'investor', label: 'review.record.investor' },
  { key: 'parcelId', label: 'review.record.parcel' },
] as const;

type Draft = Record<(typeof FIELDS)[number]['key'], string>;

/** What the investor stated (project, investor, parcel); the reviewer corrects it, each change in the audit log. */
export function DetailsForm({ submission }: { submission: AsBuiltSubmission }) {
  const t = useT();
  const { missing, signed } = useReviewerGate();
  const saved: Draft = { project: submission.project, investor: submission.investor, parcelId: submission.parcelId ?? '' };
  const [draft, setDraft] = useState<Draft>(saved);
  const [unchanged, setUnchanged] = useState(false);

  const submit = () => {
    const changed: Partial<SubmissionDetails> = {};
    for (const { key } of FIELDS) {
      const value = draft[key].trim();
      if (value === saved[key]) continue;
      if (key === 'parcelId') changed.parcelId = value || null;
      else changed[key] = value;
    }
    setUnchanged(Object.keys(changed).length === 0);
    if (Object.keys(changed).length > 0) signed(() => useReviewStore.getState().editDetails(submission.id, changed));
  };

  return (
    <form className="review-form" aria-labelledby="review-details-title" onSubmit={(event) => {
      event.preventDefault();
      submit();
    }}>
      <h4 id="review-details-title">{t('review.record.details')}</h4>
      {FIELDS.map(({ key, label }) => (
        <label key={key} className="bim-field">
          {t(label)}
          <input className="review-input" data-testid={`review-detail-${key}`} value={draft[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} />
        </label>
      ))}
      <div className="bim-buttons">
        <button type="submit" data-testid="review-details-save">{t('review.record.saveDetails')}</button>
      </div>
      <div aria-live="polite">
        {missing && <p className="bim-error">{t('review.record.reviewerRequired')}</p>}
        {unchanged && <p className="bim-hint">{t('review.record.detailsUnchanged')}</p>}
      </div>
    </form>
  );
}
