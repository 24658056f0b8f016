/**
 * The app's loader client driving the real IFC worker (worker_threads in Node, the same handler as the browser
 * worker): a load from open to properties to close, cancel during a 200 MB parse, a silent worker ended by the
 * watchdog, a crashing worker, an empty file refused before any worker starts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openIfc } from '../../../src/bim/ifcLoaderClient';
import type { IfcWorkerPort } from '../../../src/bim/ifcLoaderClient';
import { ifcModels } from '../../../src/bim/modelRegistry';
import { setEpsgDefinitionSource } from '../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../src/geo/epsg/nodeDefinitionSource';
import { useBimStore } from '../../../src/state/bimStore';
import { spawnNodeIfcWorker } from '../../../workers/ifc/nodeSpawn';
import { sampleBytes } from './ifcSamples';
import { inflatedIfc } from './largeIfc';

const model = (id: string) => useBimStore.getState().models[id];
const source = (name: string, bytes: Uint8Array) => ({ name, bytes: bytes.slice().buffer as ArrayBuffer });
const testWorker = (name: string) => () => spawnNodeIfcWorker({}, new URL(`./workers/${name}.ts`, import.meta.url).href);

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(() => setEpsgDefinitionSource(nodeEpsgDefinitionSource));
afterEach(() => {
  for (const id of Object.keys(useBimStore.getState().models)) useBimStore.getState().removeModel(id);
});

describe('openIfc with the IFC worker', () => {
  it('loads AC20-FZK-Haus: store, registry, placement, properties, close', { timeout: 60_000 }, async () => {
    const handle = openIfc(source('AC20-FZK-Haus.ifc', sampleBytes('ifc/web-ifc/AC20-FZK-Haus.ifc')), { spawn: () => spawnNodeIfcWorker() });
    expect(model(handle.id)).toMatchObject({ status: 'loading', fileName: 'AC20-FZK-Haus.ifc' });
    expect(await handle.settled).toBe('ready');
    const state = model(handle.id)!;
    const loaded = ifcModels.get(handle.id)!;
    expect(state).toMatchObject({ status: 'ready', progress: 1, failure: null });
    expect(state.chunkCount).toBe(loaded.chunks.length);
    expect(state.stats!.chunks).toBe(loaded.chunks.length);
    expect(loaded.header!.elements.length).toBe(state.stats!.elements);
    const wall = loaded.header!.elements.find((element) => element.name === 'Wand-Ext-ERDG-1')!;
    expect(wall.hasGeometry).toBe(true);
    await until(() => model(handle.id)!.placement !== null);
    expect(model(handle.id)!.placement).toMatchObject({ source: 'IfcSite', trust: 'low' });
    const sets = await handle.properties(wall.expressId);
    expect(sets.find((set) => set.name === 'Pset_WallCommon')?.properties[0]?.value).toBe('0.4 W/(m²·K)');
    handle.close();
    expect(model(handle.id)).toBeUndefined();
    expect(ifcModels.get(handle.id)).toBeUndefined();
    await expect(handle.properties(wall.expressId)).rejects.toThrow(/no longer available/);
  });

  it('cancels a 200 MB file while web-ifc parses it; the caller never waits on the parser', { timeout: 120_000 }, async () => {
    const bytes = inflatedIfc('ifc/web-ifc/Office_A_20110811.ifc', 200e6);
    expect(bytes.length).toBeGreaterThan(200e6);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const handle = openIfc({ name: 'big.ifc', bytes: bytes.buffer as ArrayBuffer }, { spawn: () => spawnNodeIfcWorker() });
    await until(() => model(handle.id)!.phase === 'parse' && model(handle.id)!.progress > 0.05, 60_000);
    const ticksWhileParsing = ticks;
    handle.cancel();
    expect(await handle.settled).toBe('cancelled');
    clearInterval(ticker);
    expect(model(handle.id)!.status).toBe('cancelled');
    expect(ifcModels.get(handle.id)).toBeUndefined();
    expect(ticksWhileParsing).toBeGreaterThan(3);
  });

  it('a worker that goes silent is ended by the watchdog: WORKER_UNRESPONSIVE', { timeout: 30_000 }, async () => {
    const handle = openIfc(source('house.ifc', sampleBytes('ifc/web-ifc/IfcOpenHouse_IFC4.ifc')), { spawn: testWorker('silentIfcWorker'), watchdogMs: 1500 });
    expect(await handle.settled).toBe('failed');
    expect(model(handle.id)!.failure).toMatchObject({ code: 'WORKER_UNRESPONSIVE', message: { en: expect.stringMatching(/did not respond for 2 seconds/) } });
    expect(ifcModels.get(handle.id)).toBeUndefined();
  });

  it('a worker that dies is WORKER_CRASHED', { timeout: 30_000 }, async () => {
    const handle = openIfc(source('house.ifc', sampleBytes('ifc/web-ifc/IfcOpenHouse_IFC4.ifc')), { spawn: testWorker('crashingIfcWorker') });
    expect(await handle.settled).toBe('failed');
    expect(model(handle.id)!.failure).toMatchObject({ code: 'WORKER_CRASHED', message: { en: expect.stringMatching(/out of memory \(simulated\)/) } });
  });

  it('an empty file fails at once, before a worker is started', async () => {
    let spawned = 0;
    const handle = openIfc(source('empty.ifc', new Uint8Array(0)), {
      spawn: () => {
        spawned++;
        return {} as IfcWorkerPort;
      },
    });
    expect(await handle.settled).toBe('failed');
    expect(model(handle.id)!.failure!.code).toBe('EMPTY_FILE');
    expect(spawned).toBe(0);
  });

  it('a file the worker rejects reports the reader’s code: NOT_IFC', { timeout: 30_000 }, async () => {
    const handle = openIfc(source('drawing.ifc', new TextEncoder().encode('%PDF-1.7 not a model')), { spawn: () => spawnNodeIfcWorker() });
    expect(await handle.settled).toBe('failed');
    expect(model(handle.id)!.failure).toMatchObject({ code: 'NOT_IFC', message: { en: expect.stringMatching(/PDF/) } });
  });
});
