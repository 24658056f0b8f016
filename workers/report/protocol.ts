/**
 * Messages between the review's report card (src/bim/review/ui/report/reportFiles.ts) and the report worker, in
 * Sao's envelope `{ type, id, payload }`; `id` matches the answer to its request. One worker per PDF, ended once it
 * answers.
 *
 *   app                                              report worker
 *    │── writePdf { report } ───────────────────────▶│ the bundled Noto Sans, then writeReportPdf
 *    │◀──────────── pdf { bytes (transferred) } ─────│
 *    │◀──────────── failed { name, message } ────────│ what broke (a font that would not load, an unreadable snapshot)
 *
 * Laying out and subsetting the font takes 0.2–2 s for a review's report (seconds with a long audit log): too long
 * for the page's thread. The report's snapshots are copied, not transferred: they stay in the review's record.
 */
import type { ReviewReport } from '../../src/bim/review/report';

export type ReportWorkerRequest = { type: 'writePdf'; id: number; payload: { report: ReviewReport } };

export type ReportWorkerResponse =
  | { type: 'pdf'; id: number; payload: Uint8Array }
  | { type: 'failed'; id: number; payload: { name: string; message: string } };
