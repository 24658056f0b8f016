import { writeReportPdf } from '../../src/bim/review/report';
import type { ReportFonts } from '../../src/bim/review/report';
import type { ReportWorkerRequest, ReportWorkerResponse } from './protocol';

/** The report worker's work, free of any worker API so that Node tests run it as the browser worker does. */
export async function answerReport(
  request: ReportWorkerRequest, fonts: () => Promise<ReportFonts>,
): Promise<{ response: ReportWorkerResponse; transfer: ArrayBuffer[] }> {
  const { id } = request;
  try {
    const bytes = await writeReportPdf(request.payload.report, await fonts());
    return { response: { type: 'pdf', id, payload: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  } catch (error) {
    return {
      response: { type: 'failed', id, payload: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } },
      transfer: [],
    };
  }
}
