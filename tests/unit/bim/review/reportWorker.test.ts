/**
 * The report worker's protocol, run in process as the browser worker runs it: the card's client gets the PDF bytes
 * (transferred), and a font that does not load comes back as a failure naming it, not as a hung promise.
 */
import { describe, expect, it } from 'vitest';
import { buildReviewReport } from '../../../../src/bim/review/report';
import type { ReportFonts } from '../../../../src/bim/review/report';
import { writePdfInWorker } from '../../../../src/bim/review/ui/report/reportFiles';
import type { ReportWorkerPort } from '../../../../src/bim/review/ui/report/reportFiles';
import { useReviewStore } from '../../../../src/state/reviewStore';
import { answerReport } from '../../../../workers/report/answerReport';
import type { ReportWorkerResponse } from '../../../../workers/report/protocol';
import { reportFonts } from './reportFixtures';
import { poppler } from './reportPdfTools';

/** A port whose "worker" is answerReport in this process; records what it transferred. */
function inProcess(fonts: () => Promise<ReportFonts>, transferred: ArrayBuffer[][] = []): () => ReportWorkerPort {
  return () => {
    let listener: (response: ReportWorkerResponse) => void = () => {};
    return {
      post: (request) => void answerReport(structuredClone(request), fonts).then(({ response, transfer }) => {
        transferred.push(transfer);
        listener(response);
      }),
      onMessage: (l) => (listener = l),
      onError: () => {},
      terminate: () => {},
    };
  };
}

function receivedReport() {
  const store = useReviewStore.getState();
  const id = store.receive({ project: 'Trường mầm non Dịch Vọng', investor: 'UBND quận Cầu Giấy', parcelId: null }, { name: 'truong-mam-non.ifc', bytes: 1_234_567, sha256: 'ab'.repeat(32) });
  return buildReviewReport(useReviewStore.getState().submissions[id]!, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: '' });
}

describe('the report worker', () => {
  it('answers a report with its PDF, the bytes transferred', async () => {
    const transferred: ArrayBuffer[][] = [];
    const pdf = await writePdfInWorker(receivedReport(), inProcess(async () => reportFonts(), transferred));
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(transferred).toEqual([[pdf.buffer]]);
    const text = poppler('pdftotext', pdf, ['-enc', 'UTF-8']);
    expect(text).toContain('Trường mầm non Dịch Vọng');
    expect(text).toContain('chưa kiểm tra');
  }, 60_000);

  it('rejects with the reason when the fonts do not load', async () => {
    const missing = async (): Promise<ReportFonts> => {
      throw new Error('font /assets/NotoSans-Regular.ttf: HTTP 404');
    };
    await expect(writePdfInWorker(receivedReport(), inProcess(missing))).rejects.toThrow('Error: font /assets/NotoSans-Regular.ttf: HTTP 404');
  });
});
