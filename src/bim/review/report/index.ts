/**
 * The review report of an as-built submission (issue 6 §4), in Vietnamese (or English) as one self-contained HTML
 * file and as a printable A4 PDF. Pure functions of the submission record (no DOM, no store state); the panel's
 * ReportCard, the report worker and the tests call the same code.
 *
 * ```ts
 * const report = buildReviewReport(submission, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer });
 * const html = renderReportHtml(report);                       // string, snapshots inlined as data: URLs
 * const pdf = await writeReportPdf(report, { regular, bold }); // Uint8Array; fonts: Noto Sans TTF bytes
 * ```
 */
export type * from './types';
export { buildReviewReport } from './buildReviewReport';
export type { BuildReportOptions } from './buildReviewReport';
export { MAX_ELEMENTS_LISTED } from './idsSection';
export { renderReportHtml } from './renderReportHtml';
export { writeReportPdf } from './writeReportPdf';
export type { ReportFonts } from './writeReportPdf';
