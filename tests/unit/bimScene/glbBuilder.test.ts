import { afterEach, describe, expect, it } from 'vitest';
import type { IfcGlbRequest, IfcGlbResponse } from '../../../workers/ifcGlb/protocol';
import { chunksToGlb } from '../../../src/scene/bim/chunkGlb';
import { GlbBuilder } from '../../../src/scene/bim/glbBuilder';
import type { IfcGeometryChunk } from '../../../src/bim/types';

/** A stand-in for the browser's Worker that answers like workers/ifcGlb/worker.ts, a macrotask later. */
class FakeWorker {
  static spawned: FakeWorker[] = [];
  onmessage: ((event: { data: IfcGlbResponse }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.spawned.push(this);
  }
  postMessage({ id, payload }: IfcGlbRequest): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: { type: 'built', id, payload: chunksToGlb(payload.chunks) } });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const triangle: IfcGeometryChunk = {
  chunkIndex: 0,
  positions: Float32Array.of(0, 0, 0, 1, 0, 0, 0, 1, 0),
  normals: Float32Array.of(0, 0, 1, 0, 0, 1, 0, 0, 1),
  colors: new Uint8Array(12).fill(255),
  vertexElementIds: Uint32Array.of(7, 7, 7),
  indices: Uint32Array.of(0, 1, 2),
  elementRanges: Uint32Array.of(7, 0, 3),
};

describe('GlbBuilder (IFC glbs built in a worker)', () => {
  const original = globalThis.Worker;
  afterEach(() => {
    globalThis.Worker = original;
    FakeWorker.spawned = [];
  });

  it('starts one worker on the first build and answers each request with its own glb', async () => {
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    const builder = new GlbBuilder();
    expect(FakeWorker.spawned).toHaveLength(0);
    const [one, none] = await Promise.all([builder.build([triangle]), builder.build([])]);
    expect(FakeWorker.spawned).toHaveLength(1);
    expect(FakeWorker.spawned[0]!.url.pathname).toMatch(/workers\/ifcGlb\/worker\.ts$/);
    expect([...one!.featureExpressIds]).toEqual([7]);
    expect(none).toBeNull();
    builder.dispose();
  });

  it('dispose terminates the worker and rejects what is still pending', async () => {
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    const builder = new GlbBuilder();
    const pending = builder.build([triangle]);
    builder.dispose();
    expect(FakeWorker.spawned[0]!.terminated).toBe(true);
    await expect(pending).rejects.toThrow('the glb worker was stopped');
  });
});
