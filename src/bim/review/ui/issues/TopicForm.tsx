import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../../app/useT';
import type { Message } from '../../../../app/i18n';
import { useReviewStore } from '../../../../state/reviewStore';
import { ChoiceSelect } from './ChoiceSelect';
import { choices, describeNewTopic, EMPTY_DRAFT, newTopic, PRIORITIES, TOPIC_STATUSES, TOPIC_TYPES, withTopic, type TopicDraft } from './topics';
import { canFrame, captureViewpoint, fileReferenceOf } from './viewpoints';

/**
 * A new topic raised from the current view: the form's fields, and on submit the city's camera, the element
 * selection and visibility, and a snapshot, captured at that moment (the planner frames the view first).
 */
export function TopicForm({ submissionId, modelId, onCreated, onCancel }: {
  submissionId: string;
  modelId: string;
  onCreated(title: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const reviewer = useReviewStore((s) => s.reviewer);
  const extensions = useReviewStore((s) => s.submissions[submissionId]?.issues.extensions);
  const [draft, setDraft] = useState<TopicDraft>(EMPTY_DRAFT);
  const [reviewerName, setReviewerName] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  const edit = (patch: Partial<TopicDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const problemOf = (): Message | null => {
    if (draft.title.trim() === '') return { key: 'review.issues.titleRequired' };
    if (reviewer === '' && reviewerName.trim() === '') return { key: 'review.issues.reviewerRequired' };
    if (!canFrame(modelId)) return { key: 'review.issues.notPlaced' };
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemOf();
    setProblem(found);
    if (found) {
      if (found.key === 'review.issues.titleRequired') title.current?.focus();
      return;
    }
    if (reviewer === '') useReviewStore.getState().setReviewer(reviewerName);
    setBusy(true);
    try {
      const viewpoint = await captureViewpoint(modelId);
      const store = useReviewStore.getState();
      const issues = store.submissions[submissionId]?.issues;
      if (!issues) return;
      const topic = newTopic(draft, viewpoint, fileReferenceOf(modelId), { author: store.reviewer, at: new Date().toISOString() });
      store.setIssues(submissionId, withTopic(issues, topic), 'issuesChanged', describeNewTopic(topic));
      onCreated(topic.title);
    } catch (error) {
      setProblem({ key: 'review.issues.captureFailed', params: { detail: error instanceof Error ? error.message : String(error) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-issues-form" aria-labelledby={`${id}-heading`} data-testid="review-topic-form" onSubmit={(event) => void submit(event)} noValidate>
      <h5 id={`${id}-heading`}>{t('review.issues.newTitle')}</h5>
      <p className="bim-hint">{t('review.issues.newHint')}</p>
      <label htmlFor={`${id}-title`} className="review-issues-field">
        <span>{t('review.issues.field.title')}</span>
        <input id={`${id}-title`} ref={title} required value={draft.title} data-testid="review-topic-title"
          aria-invalid={problem?.key === 'review.issues.titleRequired'} aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => edit({ title: event.target.value })} />
      </label>
      <label htmlFor={`${id}-description`} className="review-issues-field">
        <span>{t('review.issues.field.description')}</span>
        <textarea id={`${id}-description`} rows={3} value={draft.description} data-testid="review-topic-description"
          onChange={(event) => edit({ description: event.target.value })} />
      </label>
      <div className="review-issues-row">
        <ChoiceSelect id={`${id}-type`} label={t('review.issues.field.type')} value={draft.topicType}
          options={choices(TOPIC_TYPES, extensions?.topicTypes ?? [], null)} onChange={(topicType) => edit({ topicType })} />
        <ChoiceSelect id={`${id}-status`} label={t('review.issues.field.status')} value={draft.topicStatus}
          options={choices(TOPIC_STATUSES, extensions?.topicStatuses ?? [], null)} onChange={(topicStatus) => edit({ topicStatus })} />
        <ChoiceSelect id={`${id}-priority`} label={t('review.issues.field.priority')} value={draft.priority} optional
          options={choices(PRIORITIES, extensions?.priorities ?? [], null)} testId="review-topic-priority" onChange={(priority) => edit({ priority })} />
      </div>
      <label htmlFor={`${id}-assigned`} className="review-issues-field">
        <span>{t('review.issues.field.assignedTo')}</span>
        <input id={`${id}-assigned`} value={draft.assignedTo} list={`${id}-users`} data-testid="review-topic-assigned"
          onChange={(event) => edit({ assignedTo: event.target.value })} />
        <datalist id={`${id}-users`}>{extensions?.users.map((user) => <option key={user} value={user} />)}</datalist>
      </label>
      <label htmlFor={`${id}-labels`} className="review-issues-field">
        <span>{t('review.issues.field.labels')}</span>
        <input id={`${id}-labels`} value={draft.labels} onChange={(event) => edit({ labels: event.target.value })} />
      </label>
      {reviewer === '' && (
        <label htmlFor={`${id}-reviewer`} className="review-issues-field">
          <span>{t('review.issues.field.reviewer')}</span>
          <input id={`${id}-reviewer`} value={reviewerName} autoComplete="name" data-testid="review-topic-reviewer"
            onChange={(event) => setReviewerName(event.target.value)} />
        </label>
      )}
      {problem && <p id={`${id}-problem`} className="bim-error" role="alert" data-testid="review-topic-problem">{t(problem.key, problem.params)}</p>}
      <div className="bim-buttons">
        <button type="submit" className="bim-primary" disabled={busy} data-testid="review-topic-create">
          {busy ? t('review.issues.creating') : t('review.issues.create')}
        </button>
        <button type="button" onClick={onCancel}>{t('review.issues.cancel')}</button>
      </div>
    </form>
  );
}
