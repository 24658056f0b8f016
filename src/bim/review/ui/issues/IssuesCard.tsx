import { useId, useRef, useState } from 'react';
import { useT } from '../../../../app/useT';
import type { Message } from '../../../../app/i18n';
import type { LocalizedText } from '../../../../geo';
import { mergeBcfDocuments, BcfError } from '../../../bcf';
import { useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
import type { ReviewPartProps } from '../ReviewPanel';
import { downloadFile } from '../report/reportFiles';
import { issuesFileName, readBcfFile, writeBcfFile } from './bcfFiles';
import { TopicForm } from './TopicForm';
import { TopicItem } from './TopicItem';
import { describeExport, describeImport, importCounts } from './topics';
import './issues.css';

/** What the card last said: a message, with the library's own words (`detail`) when a file was refused. */
interface Notice {
  message: Message;
  detail?: LocalizedText;
  error: boolean;
}

const detailOf = (error: unknown): LocalizedText => {
  if (error instanceof BcfError) return error.userMessage;
  const text = error instanceof Error ? error.message : String(error);
  return { vi: text, en: text };
};

/**
 * The submission's review issues as BCF topics (issue 6 §3): the list, a new topic from the current view, and the
 * topics exported to or imported from a .bcfzip. A refused file (§6) says why and leaves the topics as they were.
 */
export function IssuesCard({ submissionId, modelId }: ReviewPartProps) {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const issues = useReviewStore((s) => s.submissions[submissionId]?.issues);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const input = useRef<HTMLInputElement>(null);
  if (!issues) return null;
  const say = (message: Message, error = false, detail?: LocalizedText) => setNotice({ message, error, detail });

  const exportIssues = async () => {
    const fileName = issuesFileName(submissionId);
    try {
      downloadFile(await writeBcfFile(issues), fileName, 'application/octet-stream');
      useReviewStore.getState().log(submissionId, 'issuesExported', describeExport(fileName, issues));
      say({ key: 'review.issues.exported', params: { file: fileName, count: issues.topics.length } });
    } catch (error) {
      say({ key: 'review.issues.exportRefused' }, true, detailOf(error));
    }
  };

  const importIssues = async (file: File) => {
    try {
      const imported = await readBcfFile(file);
      // The store's record now, not the one rendered: an edit may have landed while the file was read.
      const review = useReviewStore.getState().submissions[submissionId]?.issues;
      if (!review) return;
      const counts = importCounts(review, imported);
      useReviewStore.getState().setIssues(submissionId, mergeBcfDocuments(review, imported), 'issuesImported', describeImport(file.name, counts));
      say({ key: 'review.issues.imported', params: { file: file.name, ...counts } });
    } catch (error) {
      say({ key: 'review.issues.importRefused', params: { file: file.name } }, true, detailOf(error));
    }
  };

  return (
    <section className="bim-card review-issues" aria-labelledby={`${id}-title`} data-testid="review-issues" data-topics={issues.topics.length}>
      <h4 id={`${id}-title`}>{t('review.issues.title')} <span className="bim-meta">{t('review.issues.count', { count: issues.topics.length })}</span></h4>
      {creating
        ? <TopicForm submissionId={submissionId} modelId={modelId} onCancel={() => setCreating(false)}
            onCreated={(title) => { setCreating(false); say({ key: 'review.issues.created', params: { title } }); }} />
        : <button type="button" className="bim-primary" data-testid="review-topic-new" onClick={() => setCreating(true)}>{t('review.issues.new')}</button>}
      {issues.topics.length === 0
        ? <p className="bim-hint">{t('review.issues.none')}</p>
        : (
          <ol className="review-topics" aria-labelledby={`${id}-title`} data-testid="review-topic-list">
            {issues.topics.map((topic) => <TopicItem key={topic.guid} submissionId={submissionId} modelId={modelId} topic={topic} onNotice={(message) => say(message)} />)}
          </ol>
        )}
      <div className="bim-buttons">
        <button type="button" disabled={issues.topics.length === 0} data-testid="review-issues-export" onClick={() => void exportIssues()}>{t('review.issues.export')}</button>
        <button type="button" data-testid="review-issues-import" onClick={() => input.current?.click()}>{t('review.issues.import')}</button>
        <input ref={input} type="file" accept=".bcfzip,.bcf,.zip" hidden data-testid="review-issues-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importIssues(file);
          }} />
      </div>
      <p className={notice?.error ? 'bim-error' : 'bim-hint'} role="status" data-testid="review-issues-notice"
        data-kind={notice ? (notice.error ? 'error' : 'ok') : undefined}>
        {notice && t(notice.message.key, { ...notice.message.params, detail: notice.detail?.[lang] ?? '' })}
      </p>
    </section>
  );
}
