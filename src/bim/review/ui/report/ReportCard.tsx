import { useState } from 'react';
import { translate } from '../../../../app/i18n';
import type { Message } from '../../../../app/i18n';
import { useRender, useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
// Not from the folder's index: that would bring pdf-lib and fontkit (~1 MB) into the panel's chunk; the PDF writer
// belongs to the report worker alone.
import { buildReviewReport } from '../../report/buildReviewReport';
import { renderReportHtml } from '../../report/renderReportHtml';
import type { ReviewReport } from '../../report';
import type { ReviewPartProps } from '../ReviewPanel';
import { downloadFile, printHtml, writePdfInWorker } from './reportFiles';

type ReportFormat = 'html' | 'pdf' | 'print';

/** What one export writes and what it logs; the PDF is written in its worker. */
async function exportReport(format: ReportFormat, report: ReviewReport): Promise<{ file: string; bytes: number } | null> {
  if (format === 'print') {
    await printHtml(renderReportHtml(report));
    return null;
  }
  const file = `${report.fileStem}.${format}`;
  if (format === 'html') {
    const html = renderReportHtml(report);
    downloadFile(html, file, 'text/html;charset=utf-8');
    return { file, bytes: new TextEncoder().encode(html).length };
  }
  const pdf = await writePdfInWorker(report);
  downloadFile(pdf, file, 'application/pdf');
  return { file, bytes: pdf.length };
}

/**
 * The review report under the decision: downloaded as one HTML file or an A4 PDF, or printed, in the panel's
 * language. Each export is logged in the submission's audit trail (Art. 21.3), so the log says which reports left.
 */
export function ReportCard({ submissionId }: ReviewPartProps) {
  const t = useT();
  const render = useRender();
  const lang = useViewStore((s) => s.lang);
  const [working, setWorking] = useState<ReportFormat | null>(null);
  const [outcome, setOutcome] = useState<{ message: Message; failed: boolean } | null>(null);
  if (!useReviewStore((s) => s.submissions[submissionId])) return null;

  const run = async (format: ReportFormat) => {
    const { submissions, reviewer, log } = useReviewStore.getState();
    const label = format === 'print' ? t('review.report.print') : format.toUpperCase();
    setWorking(format);
    setOutcome(null);
    try {
      const report = buildReviewReport(submissions[submissionId]!, { lang, generatedAt: new Date().toISOString(), reviewer });
      const written = await exportReport(format, report);
      const params: Record<string, string | number> = written
        ? { format: format.toUpperCase(), file: written.file, size: Math.max(1, Math.round(written.bytes / 1024)) }
        : {};
      const key = written ? 'review.report.logSaved' : 'review.report.logPrinted';
      log(submissionId, 'reportExported', { vi: translate('vi', key, params), en: translate('en', key, params) });
      setOutcome({ message: written ? { key: 'review.report.saved', params } : { key: 'review.report.printing' }, failed: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ message: { key: 'review.report.failed', params: { format: label, reason } }, failed: true });
    } finally {
      setWorking(null);
    }
  };

  return (
    <section className="bim-card" aria-labelledby="review-report-title" data-testid="review-report">
      <h4 id="review-report-title">{t('review.report.title')}</h4>
      <p className="bim-hint">{t('review.report.hint')}</p>
      <div className="bim-buttons">
        {(['html', 'pdf', 'print'] as const).map((format) => (
          <button key={format} type="button" className={format === 'pdf' ? 'bim-primary' : undefined} data-testid={`review-report-${format}`}
            disabled={working !== null} onClick={() => void run(format)}>
            {t(`review.report.${format}`)}
          </button>
        ))}
      </div>
      <p aria-live="polite" data-testid="review-report-status" className={outcome?.failed ? 'bim-error' : 'bim-hint'}>
        {working ? t('review.report.working', { format: working === 'print' ? t('review.report.print') : working.toUpperCase() }) : outcome ? render(outcome.message) : null}
      </p>
    </section>
  );
}
