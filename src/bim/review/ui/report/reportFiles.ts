/**
 * The review report as files: the HTML written on the page (milliseconds), the PDF in a report worker of its own
 * (workers/report/protocol.ts; laying out and subsetting the font takes up to seconds), and printing through a
 * hidden frame holding the HTML (its A4 print stylesheet lays the pages out).
 */
import type { ReviewReport } from '../../report';
import type { ReportWorkerRequest, ReportWorkerResponse } from '../../../../../workers/report/protocol';
import { askWorker, browserWorkerPort, type WorkerPort } from '../../../../../workers/workerPort';

/** A report worker as the client drives it: a browser Worker, or an in-process stand-in in Node tests. */
export type ReportWorkerPort = WorkerPort<ReportWorkerRequest, ReportWorkerResponse>;

function spawnBrowserWorker(): ReportWorkerPort {
  return browserWorkerPort(new Worker(new URL('../../../../../workers/report/worker.ts', import.meta.url), { type: 'module', name: 'sao-report' }));
}

let requests = 0;

/** The report's PDF, written in a fresh worker; rejects with what the worker met. */
export function writePdfInWorker(report: ReviewReport, spawn: () => ReportWorkerPort = spawnBrowserWorker): Promise<Uint8Array> {
  // Copied, not transferred: the snapshots stay in the review's record.
  const request: ReportWorkerRequest = { type: 'writePdf', id: ++requests, payload: { report } };
  return askWorker(spawn, request, [], (response) => (resolve, reject) => {
    if (response.type === 'pdf') resolve(response.payload);
    else reject(new Error(`${response.payload.name}: ${response.payload.message}`));
  }, { label: 'report worker' });
}

export function downloadFile(content: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as Uint8Array<ArrayBuffer> | string], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens the browser's print dialog on the report's HTML, in a hidden frame that the next print replaces. */
export function printHtml(html: string): Promise<void> {
  document.getElementById('review-report-print')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'review-report-print';
  frame.title = 'print';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
  return new Promise((resolve, reject) => {
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (!view) return reject(new Error('print frame has no window'));
      view.focus();
      view.print();
      resolve();
    }, { once: true });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
