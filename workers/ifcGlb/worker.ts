/** Browser entry of the glb worker: IFC geometry chunks → glb, off the main thread (src/scene/bim/chunkGlb.ts). */
import { chunksToGlb } from '../../src/scene/bim/chunkGlb';
import { transferablesOf, type IfcGlbRequest, type IfcGlbResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = ({ data: { id, payload } }: MessageEvent<IfcGlbRequest>) => {
  let response: IfcGlbResponse;
  try {
    response = { type: 'built', id, payload: chunksToGlb(payload.chunks) };
  } catch (error) {
    response = { type: 'failed', id, payload: { name: (error as Error).name ?? 'Error', message: String((error as Error).message ?? error) } };
  }
  scope.postMessage(response, transferablesOf(response));
};
