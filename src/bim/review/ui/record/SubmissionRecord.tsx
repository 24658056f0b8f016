import { memo } from 'react';
import { useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import { submissionReference, useReviewStore } from '../../../../state/reviewStore';
import { formatBytes } from '../../../ui/format';
import type { ReviewPartProps } from '../ReviewPanel';
import { AuditLog } from './AuditLog';
import { DetailsForm } from './DetailsForm';
import { formatTime } from './format';
import { ReviewComments } from './ReviewComments';
import { ReviewerName } from './ReviewerName';
import { SaveState } from './SaveState';
import './record.css';

/**
 * The submission record (Art. 21.3.a): its unique reference and UUID, the file with its SHA-256, what the investor
 * stated, the reviewer and their comments, the audit log, and whether all of it is saved. Memoised: the panel
 * above re-renders with every geometry chunk of a model streaming in, the record only when it changes.
 */
export const SubmissionRecord = memo(function SubmissionRecord({ submissionId }: ReviewPartProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const submission = useReviewStore((s) => s.submissions[submissionId]);
  const link = useReviewStore((s) => s.linkOfSubmission[submissionId]);
  if (!submission) return null;
  const ref = submissionReference(submission.id);
  const facts = [
    ['review.record.reference', ref, 'review-record-reference'],
    ['review.record.uuid', submission.id, 'review-record-uuid'],
    ['review.record.file', submission.file.name, 'review-record-file'],
    ['review.record.size', formatBytes(lang, submission.file.bytes), 'review-record-size'],
    ['review.record.sha256', submission.file.sha256, 'review-record-sha256'],
    ['review.record.received', formatTime(lang, submission.receivedAt), 'review-record-received'],
    ['review.record.status', t(`review.status.${submission.status}`), 'review-record-status'],
  ] as const;

  return (
    <div className="bim-card review-record" data-testid="review-record">
      {link === 'matched' && (
        <p className="bim-card-warning" role="status" data-testid="review-record-matched">
          {t('review.record.matched', { ref, at: formatTime(lang, submission.receivedAt) })}
        </p>
      )}
      {link === 'reopened' && <p className="bim-hint" role="status">{t('review.record.reopened', { ref })}</p>}
      <h4>{t('review.record.title')}</h4>
      <dl className="attributes">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="review-fact">
            <dt>{t(label)}</dt>
            <dd data-testid={testId} className={label === 'review.record.sha256' || label === 'review.record.uuid' ? 'review-mono' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <DetailsForm key={[submission.project, submission.investor, submission.parcelId].join('\n')} submission={submission} />
      <ReviewerName />
      <ReviewComments submission={submission} />
      <AuditLog audit={submission.audit} />
      <SaveState />
    </div>
  );
});
