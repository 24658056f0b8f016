/** Browser entry of the BCF worker: .bcfzip files read and written off the main thread (src/bim/bcf). */
import { answerBcf } from './answerBcf';
import type { BcfWorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = ({ data }: MessageEvent<BcfWorkerRequest>) => {
  const { response, transfer } = answerBcf(data);
  scope.postMessage(response, transfer);
};
