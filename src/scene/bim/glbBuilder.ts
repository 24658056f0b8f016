import type { IfcGeometryChunk } from '../../bim/types';
import type { IfcGlbRequest, IfcGlbResponse } from '../../../workers/ifcGlb/protocol';
import type { ChunkGlb } from './chunkGlb';

/**
 * Builds IFC glbs in one shared worker (workers/ifcGlb): walking a model's vertices on the main thread would
 * stall the scene while a file streams in. Requests are answered in order; the worker starts with the first.
 */
export class GlbBuilder {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (glb: ChunkGlb | null) => void; reject: (error: Error) => void }>();

  build(chunks: readonly IfcGeometryChunk[]): Promise<ChunkGlb | null> {
    const worker = (this.worker ??= this.spawn());
    const id = ++this.nextId;
    const request: IfcGlbRequest = { type: 'build', id, payload: { chunks: [...chunks] } };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error('the glb worker was stopped'));
    this.pending.clear();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../../../workers/ifcGlb/worker.ts', import.meta.url), { type: 'module', name: 'sao-ifc-glb' });
    worker.onmessage = ({ data }: MessageEvent<IfcGlbResponse>) => {
      const request = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.type === 'built') request?.resolve(data.payload);
      else request?.reject(Object.assign(new Error(data.payload.message), { name: data.payload.name }));
    };
    worker.onerror = (event) => {
      for (const { reject } of this.pending.values()) reject(new Error(event.message || 'the glb worker failed'));
      this.pending.clear();
    };
    return worker;
  }
}
