/**
 * Messages between the Cesium view of IFC models (src/scene/bim/glbBuilder.ts) and the glb worker, in Sao's
 * envelope `{ type, id, payload }`; `id` matches a reply to its request.
 *
 *   app                                         glb worker
 *    │── build { chunks (copied) } ───────────▶│ chunksToGlb
 *    │◀──── built { ChunkGlb | null } ──────────│ glb and feature table transferred
 *    │◀──── failed { name, message } ───────────│
 *
 * The chunks are copied, not transferred: the model registry keeps them for the inspector.
 */
import type { IfcGeometryChunk } from '../../src/bim/types';
import type { ChunkGlb } from '../../src/scene/bim/chunkGlb';

export type IfcGlbRequest = { type: 'build'; id: number; payload: { chunks: IfcGeometryChunk[] } };

export type IfcGlbResponse =
  | { type: 'built'; id: number; payload: ChunkGlb | null }
  | { type: 'failed'; id: number; payload: { name: string; message: string } };

export function transferablesOf(response: IfcGlbResponse): ArrayBuffer[] {
  if (response.type !== 'built' || !response.payload) return [];
  return [response.payload.glb.buffer as ArrayBuffer, response.payload.featureExpressIds.buffer as ArrayBuffer];
}
