import type { reviewReportVi } from './messages.vi';

/** English strings of the review's report part (spread into `app/i18n/en.ts`). */
export const reviewReportEn: Record<keyof typeof reviewReportVi, string> = {
  'review.report.title': 'Review report',
  'review.report.hint': 'The record, the IDS and plan results, the issues, comments, the decision and the audit log, in the current language. The PDF is A4.',
  'review.report.html': 'Download HTML report',
  'review.report.pdf': 'Download PDF report',
  'review.report.print': 'Print',
  'review.report.working': 'Writing the {format} report…',
  'review.report.saved': 'Downloaded {file} ({size} KB).',
  'review.report.printing': 'The print dialog is open.',
  'review.report.failed': 'Could not write the {format} report: {reason}',
  'review.report.logSaved': 'Report exported as {format}: {file} ({size} KB)',
  'review.report.logPrinted': 'Report printed',
};
