import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Message } from '../../../../app/i18n';
import { useRender, useT } from '../../../../app/useT';
import { useBimStore, useViewStore } from '../../../../state';
import { submissionReference, useReviewStore } from '../../../../state/reviewStore';
import { formatTime } from './format';
import { reopenSubmission } from './reopenSubmission';
import './record.css';

/**
 * The submissions kept in this browser, newest change first, each reopened in one click from its stored file (the
 * review tabs then show its saved record). Shown at the top of Thẩm định BIM even with no model open.
 */
export function SavedSubmissions() {
  const t = useT();
  const render = useRender();
  const lang = useViewStore((s) => s.lang);
  const hydrated = useReviewStore((s) => s.hydrated);
  const submissions = useReviewStore(useShallow((s) => Object.values(s.submissions).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))));
  const activeModelId = useBimStore((s) => s.activeModelId);
  const shownId = useReviewStore((s) => Object.keys(s.modelOfSubmission).find((id) => s.modelOfSubmission[id] === activeModelId));
  const [reopening, setReopening] = useState<string | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);

  const reopen = (id: string) => {
    setReopening(id);
    setFailure(null);
    void reopenSubmission(id).then((result) => {
      setReopening(null);
      if (!result.ok) setFailure(result.message);
    });
  };

  return (
    <section className="bim-card" aria-labelledby="review-saved-title" data-testid="review-saved">
      <h4 id="review-saved-title">{t('review.saved.title')}</h4>
      {!hydrated ? <p className="bim-hint">{t('review.saved.loading')}</p>
        : submissions.length === 0 ? <p className="bim-hint">{t('review.saved.none')}</p> : (
          <ul className="review-list review-saved" aria-labelledby="review-saved-title">
            {submissions.map((submission) => {
              const ref = submissionReference(submission.id);
              return (
                <li key={submission.id} data-testid="review-saved-item" data-submission-id={submission.id} data-status={submission.status}>
                  <span className="review-saved-text" id={`review-saved-${submission.id}`}>
                    <strong>{ref} · {submission.file.name}</strong>
                    <span className="bim-meta">
                      {t('review.saved.meta', { project: submission.project || '—', status: t(`review.status.${submission.status}`), at: formatTime(lang, submission.updatedAt) })}
                    </span>
                  </span>
                  <button type="button" data-testid="review-saved-reopen" disabled={reopening !== null}
                    aria-current={shownId === submission.id ? 'true' : undefined}
                    aria-describedby={`review-saved-${submission.id}`} onClick={() => reopen(submission.id)}>
                    {reopening === submission.id ? t('review.saved.reopening') : shownId === submission.id ? t('review.saved.shown') : t('review.saved.reopen')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      {failure && <p className="bim-error" role="alert" data-testid="review-saved-error">{render(failure)}</p>}
      <SaveFailure />
    </section>
  );
}

/** A failed write, or a file not received, shows here: the record tab may not be open (or exist) when it happens. */
function SaveFailure() {
  const t = useT();
  const error = useReviewStore((s) => (s.saveState === 'failed' ? s.saveError ?? '' : null));
  const notReceived = useReviewStore((s) => s.receiveFailure);
  return (
    <>
      {error !== null && <p className="bim-error" role="alert" data-testid="review-saved-save-error">{t('review.save.failed', { detail: error })}</p>}
      {notReceived && (
        <p className="bim-error" role="alert" data-testid="review-saved-receive-error">
          {t('review.saved.receiveFailed', { file: notReceived.fileName, detail: notReceived.detail })}
        </p>
      )}
    </>
  );
}
