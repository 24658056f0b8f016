import { submissionReference } from '../../../state/reviewStore';
import type { AsBuiltSubmission } from '../types';
import { reviewEn } from '../ui/messages.en';
import { reviewVi } from '../ui/messages.vi';
import { formatBytes, formatDateTime, formatNumber, TIME_ZONE_LABEL } from './format';
import { idsBlocks } from './idsSection';
import { issuesBlocks } from './issuesSection';
import { planBlocks } from './planSection';
import { AUDIT_ACTION_TEXT, say, sayAll } from './reportText';
import type { ReportBlock, ReportCell, ReportLang, ReviewReport } from './types';

export interface BuildReportOptions {
  lang: ReportLang;
  /** When the report is made (ISO); the reviewer who makes it is the submission's current one. */
  generatedAt: string;
  reviewer: string;
}

const STATUS_TEXT = { vi: reviewVi, en: reviewEn } as const;

/**
 * The review report of a submission (issue 6 §4): its record, the IDS and plan checks, the BCF issues, the
 * comments, the decision and the audit log, in `lang`. A part not done yet says "chưa kiểm tra" / "chưa có"
 * rather than vanishing, so a reader sees what the review did not cover.
 */
export function buildReviewReport(submission: AsBuiltSubmission, { lang, generatedAt, reviewer }: BuildReportOptions): ReviewReport {
  const reference = submissionReference(submission.id);
  return {
    lang,
    title: say(lang, 'title'),
    reference,
    fileStem: `${lang === 'vi' ? 'bao-cao-tham-dinh' : 'review-report'}-${reference}`,
    generatedAt: say(lang, 'generatedAt', { at: formatDateTime(lang, generatedAt), zone: TIME_ZONE_LABEL }),
    legalBasis: say(lang, 'legalBasis'),
    sections: [
      { id: 'record', title: say(lang, 'section.record'), blocks: recordBlocks(lang, submission, reference, reviewer) },
      { id: 'ids', title: say(lang, 'section.ids'), blocks: idsBlocks(lang, submission.ids) },
      { id: 'plan', title: say(lang, 'section.plan'), blocks: planBlocks(lang, submission.plan) },
      { id: 'issues', title: say(lang, 'section.issues'), blocks: issuesBlocks(lang, submission.issues) },
      { id: 'comments', title: say(lang, 'section.comments'), blocks: commentBlocks(lang, submission) },
      { id: 'decision', title: say(lang, 'section.decision'), blocks: decisionBlocks(lang, submission) },
      { id: 'audit', title: say(lang, 'section.audit'), blocks: auditBlocks(lang, submission) },
    ],
  };
}

function recordBlocks(lang: ReportLang, s: AsBuiltSubmission, reference: string, reviewer: string): ReportBlock[] {
  const given = (value: string | null): ReportCell => (value ? { text: value } : { text: say(lang, 'notGiven'), tone: 'note' });
  const rows: [string, ReportCell][] = [
    [say(lang, 'record.reference'), { text: reference }],
    [say(lang, 'record.uuid'), { text: s.id }],
    [say(lang, 'record.project'), given(s.project)],
    [say(lang, 'record.investor'), given(s.investor)],
    [say(lang, 'record.parcel'), given(s.parcelId)],
    [say(lang, 'record.file'), { text: s.file.name }],
    [say(lang, 'record.size'), { text: formatBytes(lang, s.file.bytes) }],
    [say(lang, 'record.sha256'), { text: s.file.sha256 }],
    [say(lang, 'record.received'), { text: formatDateTime(lang, s.receivedAt) }],
    [say(lang, 'record.status'), { text: STATUS_TEXT[lang][`review.status.${s.status}`] }],
    [say(lang, 'record.reviewer'), given(reviewer)],
  ];
  if (s.asBuilt) {
    const { asBuilt } = s;
    rows.push([say(lang, 'record.asBuilt'), {
      text: say(lang, 'record.asBuiltValue', {
        at: formatDateTime(lang, asBuilt.convertedAt), features: formatNumber(lang, asBuilt.features, 0), tiles: formatNumber(lang, asBuilt.tiles, 0),
        size: formatBytes(lang, asBuilt.bytes),
      }),
    }]);
  }
  return [{ kind: 'facts', rows }];
}

function commentBlocks(lang: ReportLang, s: AsBuiltSubmission): ReportBlock[] {
  if (s.comments.length === 0) return [{ kind: 'paragraph', text: say(lang, 'comments.none'), tone: 'note' }];
  return [{
    kind: 'table',
    caption: say(lang, 'comments.table'),
    columns: sayAll(lang, ['comments.col.at', 'comments.col.author', 'comments.col.text']),
    rows: s.comments.map((c) => [{ text: formatDateTime(lang, c.at) }, { text: c.author || say(lang, 'audit.anonymous') }, { text: c.text }]),
  }];
}

function decisionBlocks(lang: ReportLang, s: AsBuiltSubmission): ReportBlock[] {
  const { decision } = s;
  if (!decision) return [{ kind: 'paragraph', text: say(lang, 'decision.none'), tone: 'note' }];
  return [{
    kind: 'facts',
    rows: [
      [say(lang, 'decision.outcome'), { text: say(lang, `decision.${decision.outcome}`), tone: decision.outcome === 'accepted' ? 'pass' : 'fail' }],
      [say(lang, 'decision.reason'), { text: decision.reason }],
      [say(lang, 'decision.reviewer'), { text: decision.reviewer || say(lang, 'audit.anonymous') }],
      [say(lang, 'decision.at'), { text: formatDateTime(lang, decision.at) }],
    ],
  }];
}

function auditBlocks(lang: ReportLang, s: AsBuiltSubmission): ReportBlock[] {
  return [{
    kind: 'table',
    caption: say(lang, 'audit.table'),
    columns: sayAll(lang, ['audit.col.seq', 'audit.col.at', 'audit.col.actor', 'audit.col.action', 'audit.col.summary']),
    rows: s.audit.map((entry) => [
      { text: formatNumber(lang, entry.seq, 0) },
      { text: formatDateTime(lang, entry.at) },
      { text: entry.actor || say(lang, 'audit.anonymous') },
      { text: AUDIT_ACTION_TEXT[entry.action][lang] },
      { text: entry.summary[lang] },
    ]),
  }];
}
