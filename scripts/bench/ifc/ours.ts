/**
 * Sao's load, as the IFC worker runs it: a fresh web-ifc API, then `readIfcModel` (parse, spatial structure,
 * georeferencing, geometry streamed in transferable chunks). *First geometry* is the first chunk handed to the
 * sink (what the worker posts to the app); *complete* is when the last chunk has been handed over.
 */
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { closeIfcModel, readIfcModel } from '../../../src/bim/ifc/readIfcModel';
import type { StackLoad } from './stack';

export async function createOurLoad(): Promise<StackLoad> {
  return async (bytes, fileName, clock) => {
    const api = await createNodeIfcApi();
    let firstGeometryMs: number | null = null;
    let triangles = 0;
    const { modelId, stats } = readIfcModel(api, bytes, fileName, {
      progress: () => {},
      header: () => {},
      chunk: (chunk) => {
        firstGeometryMs ??= clock();
        triangles += chunk.indices.length / 3;
      },
    });
    const completeMs = clock();
    closeIfcModel(api, modelId);
    return { firstGeometryMs, completeMs, triangles, extra: { parseMs: Math.round(stats.parseMs), chunks: stats.chunks } };
  };
}
