/** Browser entry of the report worker: the review report's PDF written off the main thread (src/bim/review/report). */
import regularUrl from 'notosans-fontface/fonts/NotoSans-Regular.ttf?url';
import boldUrl from 'notosans-fontface/fonts/NotoSans-Bold.ttf?url';
import type { ReportFonts } from '../../src/bim/review/report';
import { answerReport } from './answerReport';
import type { ReportWorkerRequest } from './protocol';

/** The font files Vite bundled with the app (same origin, offline). */
async function bundledFonts(): Promise<ReportFonts> {
  const load = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([load(regularUrl), load(boldUrl)]);
  return { regular, bold };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async ({ data }: MessageEvent<ReportWorkerRequest>) => {
  const { response, transfer } = await answerReport(data, bundledFonts);
  scope.postMessage(response, transfer);
};
