import { useState } from 'react';
import { useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
import type { AsBuiltSubmission } from '../../types';
import { formatTime } from './format';
import { useReviewerGate } from './ReviewerName';

/** The reviewer's comments on the submission as a whole (element issues are BCF topics), and a field to add one. */
export function ReviewComments({ submission }: { submission: AsBuiltSubmission }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const { missing, signed } = useReviewerGate();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);

  const add = () => {
    const comment = text.trim();
    setEmpty(comment === '');
    if (comment) signed(() => {
      useReviewStore.getState().comment(submission.id, comment);
      setText('');
    });
  };

  return (
    <section className="review-form" aria-labelledby="review-comments-title">
      <h4 id="review-comments-title">{t('review.record.comments')}</h4>
      {submission.comments.length === 0 ? <p className="bim-hint">{t('review.record.noComments')}</p> : (
        <ul className="review-list" data-testid="review-comments">
          {submission.comments.map((comment) => (
            <li key={comment.id} data-testid="review-comment">
              <span className="bim-meta">{comment.author || t('review.record.noActor')} · {formatTime(lang, comment.at)}</span>
              <p>{comment.text}</p>
            </li>
          ))}
        </ul>
      )}
      <label className="bim-field" htmlFor="review-comment-text">{t('review.record.comment')}</label>
      <textarea id="review-comment-text" className="review-input" rows={3} data-testid="review-comment-text" value={text}
        onChange={(event) => setText(event.target.value)} />
      <div className="bim-buttons">
        <button type="button" data-testid="review-comment-add" onClick={add}>{t('review.record.addComment')}</button>
      </div>
      <div aria-live="polite">
        {missing && <p className="bim-error">{t('review.record.reviewerRequired')}</p>}
        {empty && <p className="bim-error">{t('review.record.commentEmpty')}</p>}
      </div>
    </section>
  );
}
