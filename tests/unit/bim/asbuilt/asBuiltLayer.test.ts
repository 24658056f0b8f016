/**
 * The as-built layer in the layer list (Node's own blob URLs stand in for the browser's): stored buildings wait for
 * the city's catalogue (which replaces the layer list) and then appear as one layer keyed by GlobalId; adding a
 * building replaces the layer's spec, keeps the visibility the user chose and frees the previous blob URLs.
 */
import { resolveObjectURL } from 'node:buffer';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_BUILT_LAYER_ID } from '../../../../src/bim/asbuilt/asBuiltLayerSpec';
import { restoreAsBuiltLayer, storeBuilding } from '../../../../src/bim/asbuilt/asBuiltLayer';
import { useAsBuiltStore } from '../../../../src/bim/asbuilt/asBuiltStore';
import { memoryBuildingStorage } from '../../../../src/bim/asbuilt/buildingStorage';
import type { StoredBuilding } from '../../../../src/bim/asbuilt/types';
import type { CityCatalog, TilesetLayerSpec } from '../../../../src/gis/types';
import { useLayerStore } from '../../../../src/state';
import type { TilesetJson } from '../../../../src/tiles';
import { convertPath, DEMO_SUBMISSION, DUPLEX } from '../../tiles/tilesFiles';

const TIMEOUT = 120_000;

const CATALOG: CityCatalog = {
  id: 'test-city',
  name: { vi: 'Thành phố thử', en: 'Test city' },
  province: { gsoCode: '01', name: 'Hà Nội', vn2000: 'EPSG:5897' },
  extent: { west: 105.77, south: 21.03, east: 105.79, north: 21.05 },
  attribution: [],
  layers: [{ id: 'buildings', kind: '3dtiles', title: { vi: 'Nhà', en: 'Buildings' }, url: 'b/tileset.json', visible: true, opacity: 1, source: 'OSM' }],
};

async function building(path: string, submissionId: string, storedAt: string): Promise<StoredBuilding> {
  const { files, summary } = await convertPath(path);
  return { tilesetId: `asbuilt-${submissionId}`, submissionId, title: submissionId, files, summary, storedAt };
}

const asBuiltLayer = () => useLayerStore.getState().layers.find((layer) => layer.spec.id === AS_BUILT_LAYER_ID);

async function servedJson(url: string): Promise<TilesetJson> {
  return JSON.parse(await resolveObjectURL(url)!.text()) as TilesetJson;
}

describe('as-built layer in the layer list', () => {
  let house: StoredBuilding;
  let duplex: StoredBuilding;
  beforeAll(async () => {
    [house, duplex] = [await building(DEMO_SUBMISSION, 'house', '2026-11-23T10:00:00Z'), await building(DUPLEX, 'duplex', '2026-11-23T11:00:00Z')];
  }, TIMEOUT);

  it('restores stored buildings once the catalogue is in, then adds a building in place of the old layer', async () => {
    const storage = memoryBuildingStorage();
    await storage.put(house);
    const restoring = restoreAsBuiltLayer(storage);
    // The catalogue arrives after the stored buildings were read: the layer waits for it rather than being wiped.
    await vi.waitFor(() => expect(useAsBuiltStore.getState().sites).toHaveProperty('asbuilt-house'));
    expect(asBuiltLayer()).toBeUndefined();
    useLayerStore.getState().setCatalog(CATALOG, 'http://localhost/demo/city.json', null);
    await restoring;

    const first = asBuiltLayer()!;
    expect(useLayerStore.getState().layers.map((layer) => layer.spec.id)).toEqual(['buildings', AS_BUILT_LAYER_ID]);
    expect(first.spec).toMatchObject({ kind: '3dtiles', featureKey: 'globalId', title: { vi: 'Công trình hoàn công' } });
    expect((await servedJson(first.spec.url)).root.children).toHaveLength(1);
    expect(Object.keys(useAsBuiltStore.getState().sites)).toEqual(['asbuilt-house']);

    useLayerStore.getState().setVisible(AS_BUILT_LAYER_ID, false);
    await storeBuilding(duplex);
    const second = asBuiltLayer()!;
    expect(second.spec.url).not.toBe(first.spec.url);
    expect((second.spec as TilesetLayerSpec).featureKey).toBe('globalId');
    expect(second.visible, 'the user hid the layer; a new building does not show it again').toBe(false);
    expect(useLayerStore.getState().layers).toHaveLength(2);
    expect((await servedJson(second.spec.url)).root.children).toHaveLength(2);
    expect(resolveObjectURL(first.spec.url), 'the previous layer\'s URLs are freed').toBeUndefined();
    expect(Object.keys(useAsBuiltStore.getState().sites).sort()).toEqual(['asbuilt-duplex', 'asbuilt-house']);
  });
});
