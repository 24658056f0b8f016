/**
 * The ifcTiles worker's protocol, driven in Node with the Node build of web-ifc: the demo submission converts with
 * progress and comes back as transferable files; a file without georeferencing fails with the converter's words
 * unless the review's placement by hand is given; a web-ifc that cannot start says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeIfcApi } from '../../../../src/bim/ifc/node';
import { createIfcTilesWorkerHandler } from '../../../../workers/ifcTiles/ifcTilesWorkerHandler';
import type { IfcTilesRequest, IfcTilesResponse } from '../../../../workers/ifcTiles/protocol';
import { DATA_DIR } from '../../demo/demoFiles';
import { DEMO_SUBMISSION } from '../../tiles/tilesFiles';

const TIMEOUT = 120_000;
/** Neither a map conversion nor IfcSite RefLatitude/RefLongitude. */
const OPEN_HOUSE = join(DATA_DIR, 'ifc/web-ifc/IfcOpenHouse_IFC4.ifc');

async function convert(path: string, placeByHand: IfcTilesRequest['payload']['placeByHand'], createApi = createNodeIfcApi) {
  const posted: { message: IfcTilesResponse; transfer: ArrayBuffer[] }[] = [];
  const handle = createIfcTilesWorkerHandler(createApi, (message, transfer) => posted.push({ message, transfer }));
  const bytes = new Uint8Array(readFileSync(path)).buffer;
  await handle({ type: 'convert', id: 'c1', payload: { fileName: path.split('/').pop()!, bytes, placeByHand } });
  return posted;
}

describe('ifcTiles worker protocol', () => {
  it('converts the demo submission with progress, files transferred, tileset.json first', { timeout: TIMEOUT }, async () => {
    const posted = await convert(DEMO_SUBMISSION, null);
    const last = posted.at(-1)!;
    expect(last.message.type).toBe('converted');
    expect(posted.every(({ message }) => message.id === 'c1')).toBe(true);
    const phases = new Set(posted.flatMap(({ message }) => (message.type === 'progress' ? [message.payload.phase] : [])));
    expect([...phases]).toEqual(expect.arrayContaining(['geometry', 'properties', 'content']));
    if (last.message.type !== 'converted') return;
    const { files, summary } = last.message.payload;
    expect(files[0]!.path).toBe('tileset.json');
    expect(files.filter((file) => file.path.endsWith('.glb'))).toHaveLength(summary.glbs);
    // Every file crosses as its own buffer, listed for transfer: nothing is copied twice.
    expect(last.transfer).toEqual(files.map((file) => file.bytes));
    expect(files.reduce((sum, file) => sum + file.bytes.byteLength, 0)).toBe(summary.bytes);
    expect(summary.placement).toMatchObject({ source: 'IfcMapConversion', verified: true });
  });

  it('refuses a model without georeferencing in the planner\'s words, and places it by hand when told', { timeout: TIMEOUT }, async () => {
    const refused = (await convert(OPEN_HOUSE, null)).at(-1)!.message;
    expect(refused.type).toBe('failed');
    if (refused.type !== 'failed') return;
    expect(refused.payload.code).toBe('NOT_GEOREFERENCED');
    expect(refused.payload.message.en).toMatch(/IfcOpenHouse_IFC4\.ifc is not georeferenced.*Place it by hand/);
    expect(refused.payload.message.vi).toMatch(/không được định vị/);

    const placed = (await convert(OPEN_HOUSE, { lon: 105.78, lat: 21.04, headingDegrees: 30, elevation: 12 })).at(-1)!.message;
    expect(placed.type).toBe('converted');
    if (placed.type !== 'converted') return;
    expect(placed.payload.summary.placement).toEqual({ source: 'manual', trust: 'unverified', verified: false });
  });

  it('says web-ifc could not start', async () => {
    const posted = await convert(DEMO_SUBMISSION, null, () => Promise.reject(new Error('wasm refused')));
    expect(posted.at(-1)!.message).toEqual({
      type: 'failed',
      id: 'c1',
      payload: { code: 'WORKER_CRASHED', message: { vi: 'Không khởi động được web-ifc: wasm refused', en: 'web-ifc could not start: wasm refused' } },
    });
  });
});
