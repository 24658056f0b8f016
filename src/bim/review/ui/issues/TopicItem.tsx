import { useId, useState } from 'react';
import { useT } from '../../../../app/useT';
import type { Message } from '../../../../app/i18n';
import type { LocalizedText } from '../../../../geo';
import type { BcfTopic } from '../../../bcf/types';
import { useReviewStore } from '../../../../state/reviewStore';
import { useViewStore } from '../../../../state';
import { ChoiceSelect } from './ChoiceSelect';
import { SnapshotThumbnail } from './SnapshotThumbnail';
import {
  choices, commentOnTopic, describeComment, describeEdit, editTopic, PRIORITIES, TOPIC_STATUSES, withTopic, type Signature, type TopicEdit,
} from './topics';
import { showViewpoint } from './viewpoints';

interface TopicItemProps {
  submissionId: string;
  modelId: string;
  topic: BcfTopic;
  onNotice(notice: Message): void;
}

/** Replaces one topic of the submission through the review store, with its audit line; nothing when unchanged. */
function changeTopic(submissionId: string, guid: string, change: (topic: BcfTopic, signature: Signature) => BcfTopic, describe: (before: BcfTopic, after: BcfTopic) => LocalizedText): void {
  const store = useReviewStore.getState();
  const issues = store.submissions[submissionId]?.issues;
  const before = issues?.topics.find((topic) => topic.guid === guid);
  if (!issues || !before) return;
  const after = change(before, { author: store.reviewer, at: new Date().toISOString() });
  if (after !== before) store.setIssues(submissionId, withTopic(issues, after), 'issuesChanged', describe(before, after));
}

/** One topic in the list: its snapshot, title and state; "show" restores its view; details edit it and hold its comments. */
export function TopicItem({ submissionId, modelId, topic, onNotice }: TopicItemProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const viewpoint = topic.viewpoints[0];
  const show = () => {
    const unknown = viewpoint ? showViewpoint(viewpoint, modelId) : null;
    if (unknown === null) onNotice({ key: 'review.issues.noCamera' });
    else if (unknown.length > 0) onNotice({ key: 'review.issues.unknownElements', params: { title: topic.title, count: unknown.length } });
    else onNotice({ key: 'review.issues.shown', params: { title: topic.title } });
  };
  return (
    <li className="review-topic" data-testid="review-topic" data-guid={topic.guid} data-status={topic.topicStatus}>
      <div className="review-topic-head">
        {viewpoint?.snapshot
          ? <SnapshotThumbnail snapshot={viewpoint.snapshot} alt={t('review.issues.snapshotOf', { title: topic.title })} />
          : <span className="review-topic-snapshot review-topic-nosnapshot">{t('review.issues.noSnapshot')}</span>}
        <div className="review-topic-summary">
          <h5 data-testid="review-topic-name">{topic.title}</h5>
          <p className="bim-meta">
            <span data-testid="review-topic-status">{topic.topicStatus}</span>
            {' · '}<span data-testid="review-topic-priority-shown">{topic.priority ?? '—'}</span>
            {' · '}<span data-testid="review-topic-assignee">{topic.assignedTo ? t('review.issues.assignedTo', { name: topic.assignedTo }) : t('review.issues.unassigned')}</span>
            {' · '}<span data-testid="review-topic-comments">{t('review.issues.comments', { count: topic.comments.length })}</span>
          </p>
        </div>
      </div>
      <div className="bim-buttons">
        <button type="button" disabled={!viewpoint?.camera} data-testid="review-topic-show" onClick={show}>{t('review.issues.show')}</button>
        <button type="button" aria-expanded={open} aria-controls={`${id}-details`} data-testid="review-topic-details" onClick={() => setOpen(!open)}>
          {t('review.issues.details')}
        </button>
      </div>
      {open && <TopicDetails id={`${id}-details`} submissionId={submissionId} topic={topic} />}
    </li>
  );
}

/** Status, priority and assignee edited in place (each change one audit line), the description and the comments. */
function TopicDetails({ id, submissionId, topic }: { id: string; submissionId: string; topic: BcfTopic }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const reviewer = useReviewStore((s) => s.reviewer);
  const extensions = useReviewStore((s) => s.submissions[submissionId]?.issues.extensions);
  const [assignee, setAssignee] = useState(topic.assignedTo ?? '');
  const [comment, setComment] = useState('');
  const signed = reviewer !== '';
  const edit = (change: TopicEdit) => changeTopic(submissionId, topic.guid, (before, signature) => editTopic(before, change, signature), describeEdit);
  const addComment = () => {
    if (comment.trim() === '') return;
    changeTopic(submissionId, topic.guid, (before, signature) => commentOnTopic(before, comment, signature), (_, after) => describeComment(after, comment));
    setComment('');
  };
  const date = (value: string) => new Date(value).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <div id={id} className="review-topic-details">
      {topic.description && <p className="review-topic-description">{topic.description}</p>}
      <p className="bim-meta">{t('review.issues.author', { author: topic.creationAuthor, date: date(topic.creationDate) })}{topic.labels.length > 0 && ` · ${topic.labels.join(', ')}`}</p>
      {!signed && <p className="bim-hint">{t('review.issues.reviewerRequired')}</p>}
      <fieldset disabled={!signed} className="review-issues-edit">
        <div className="review-issues-row">
          <ChoiceSelect id={`${id}-status`} label={t('review.issues.field.status')} value={topic.topicStatus} testId="review-topic-edit-status"
            options={choices(TOPIC_STATUSES, extensions?.topicStatuses ?? [], topic.topicStatus)} onChange={(topicStatus) => edit({ topicStatus })} />
          <ChoiceSelect id={`${id}-priority`} label={t('review.issues.field.priority')} value={topic.priority ?? ''} optional testId="review-topic-edit-priority"
            options={choices(PRIORITIES, extensions?.priorities ?? [], topic.priority)} onChange={(priority) => edit({ priority: priority || null })} />
        </div>
        <form className="review-issues-inline" onSubmit={(event) => { event.preventDefault(); edit({ assignedTo: assignee.trim() || null }); }}>
          <label htmlFor={`${id}-assigned`} className="review-issues-field">
            <span>{t('review.issues.field.assignedTo')}</span>
            <input id={`${id}-assigned`} value={assignee} data-testid="review-topic-edit-assigned" onChange={(event) => setAssignee(event.target.value)} />
          </label>
          <button type="submit">{t('review.issues.save')}</button>
        </form>
        {topic.comments.length > 0 && (
          <ol className="review-topic-comments" data-testid="review-topic-comment-list">
            {topic.comments.map((entry) => (
              <li key={entry.guid}>
                <p className="bim-meta">{t('review.issues.author', { author: entry.author, date: date(entry.date) })}</p>
                <p>{entry.comment}</p>
              </li>
            ))}
          </ol>
        )}
        <form className="review-issues-inline" onSubmit={(event) => { event.preventDefault(); addComment(); }}>
          <label htmlFor={`${id}-comment`} className="review-issues-field">
            <span>{t('review.issues.commentLabel')}</span>
            <textarea id={`${id}-comment`} rows={2} value={comment} data-testid="review-topic-comment" onChange={(event) => setComment(event.target.value)} />
          </label>
          <button type="submit" disabled={comment.trim() === ''} data-testid="review-topic-add-comment">{t('review.issues.addComment')}</button>
        </form>
      </fieldset>
    </div>
  );
}
