import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../app/useT';
import type { MessageKey } from '../../../app/i18n';
import { useReviewStore, submissionReference } from '../../../state/reviewStore';
import { DecisionCard } from './record/DecisionCard';
import { SubmissionRecord } from './record/SubmissionRecord';
import { IdsCheckCard } from './ids/IdsCheckCard';
import { PlanCheckCard } from './plan/PlanCheckCard';
import { IssuesCard } from './issues/IssuesCard';
import { ReportCard } from './report/ReportCard';
import './review.css';

/** What every part of the review is given: the submission it works on and the open model that shows it. */
export interface ReviewPartProps {
  submissionId: string;
  /** The bimStore id of the open model showing the submission. */
  modelId: string;
}

const TABS = [
  { id: 'record', label: 'review.tab.record', Part: SubmissionRecord },
  { id: 'ids', label: 'review.tab.ids', Part: IdsCheckCard },
  { id: 'plan', label: 'review.tab.plan', Part: PlanCheckCard },
  { id: 'issues', label: 'review.tab.issues', Part: IssuesCard },
  { id: 'decision', label: 'review.tab.decision', Part: DecisionAndReport },
] as const satisfies readonly { id: string; label: MessageKey; Part: (props: ReviewPartProps) => unknown }[];

type TabId = (typeof TABS)[number]['id'];

function DecisionAndReport(props: ReviewPartProps) {
  return (
    <>
      <DecisionCard {...props} />
      <ReportCard {...props} />
    </>
  );
}

/**
 * The review of one submission, in tabs (WAI-ARIA tabs pattern: arrow keys move between tabs): its record, the IDS
 * check, the plan check, the BCF issues, and the decision with the report. Each tab's content is its own part.
 */
export function ReviewPanel({ submissionId, modelId }: ReviewPartProps) {
  const t = useT();
  const [tab, setTab] = useState<TabId>('record');
  const status = useReviewStore((s) => s.submissions[submissionId]?.status);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!status) return null;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next.id);
    tabs.current[TABS.indexOf(next)]?.focus();
  };

  return (
    <section className="review" aria-labelledby="review-title" data-testid="review" data-submission-id={submissionId} data-status={status}>
      <h3 id="review-title">
        {t('review.title')} <span className="review-ref">{submissionReference(submissionId)}</span>{' '}
        <span className={`review-status review-status-${status}`} data-testid="review-status">{t(`review.status.${status}`)}</span>
      </h3>
      <div role="tablist" aria-label={t('review.title')} className="review-tabs">
        {TABS.map((entry, index) => (
          <button key={entry.id} type="button" role="tab" id={`review-tab-${entry.id}`} aria-controls={`review-tabpanel-${entry.id}`}
            aria-selected={tab === entry.id} tabIndex={tab === entry.id ? 0 : -1} data-testid={`review-tab-${entry.id}`}
            ref={(element) => { tabs.current[index] = element; }}
            onClick={() => setTab(entry.id)} onKeyDown={(event) => onKeyDown(event, index)}>
            {t(entry.label)}
          </button>
        ))}
      </div>
      {TABS.filter((entry) => entry.id === tab).map(({ id, Part }) => (
        <div key={id} role="tabpanel" id={`review-tabpanel-${id}`} aria-labelledby={`review-tab-${id}`} className="review-tabpanel">
          <Part submissionId={submissionId} modelId={modelId} />
        </div>
      ))}
    </section>
  );
}
