/**
 * The as-built layer as one tileset of blob URLs: two real buildings (the demo submission in Cầu Giấy and the
 * Duplex in Luxembourg) composed as external tilesets. What a tileset loader would check: valid tileset JSON at
 * every level, every content URI resolving to the stored glb, bounding spheres that hold each building, and the
 * building's site where its georeferencing puts it. Storage: the memory fallback keeps one building per tileset id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildingSite } from '../../../../src/bim/asbuilt/asBuiltLayer';
import { memoryBuildingStorage } from '../../../../src/bim/asbuilt/buildingStorage';
import { composeAsBuiltLayer, rootSphere } from '../../../../src/bim/asbuilt/composeLayer';
import type { StoredBuilding } from '../../../../src/bim/asbuilt/types';
import type { IfcTiles, TileJson, TilesetJson } from '../../../../src/tiles';
import { tilesSchemaValidator } from '../../demo/demoFiles';
import { convertPath, DEMO_SUBMISSION, DUPLEX } from '../../tiles/tilesFiles';

const TIMEOUT = 120_000;

function stored(tiles: IfcTiles, submissionId: string, storedAt: string): StoredBuilding {
  return { tilesetId: `asbuilt-${submissionId}`, submissionId, title: submissionId, files: tiles.files, summary: tiles.summary, storedAt };
}

/** A stand-in for URL.createObjectURL that remembers what each URL serves. */
function blobServer() {
  const served = new Map<string, { bytes: Uint8Array; type: string }>();
  const urlOf = (bytes: Uint8Array, type: string) => {
    const url = `blob:test/${served.size}`;
    served.set(url, { bytes, type });
    return url;
  };
  const json = (url: string) => JSON.parse(new TextDecoder().decode(served.get(url)!.bytes)) as TilesetJson;
  return { served, urlOf, json };
}

const contentUris = (tile: TileJson): string[] => [...(tile.content ? [tile.content.uri] : []), ...(tile.children ?? []).flatMap(contentUris)];

/** Metres between two lon/lat points (equirectangular: enough within a building). */
function metres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const k = (Math.PI / 180) * 6_378_137;
  return Math.hypot((lon2 - lon1) * k * Math.cos((lat1 * Math.PI) / 180), (lat2 - lat1) * k);
}

describe('as-built layer composition', () => {
  let house: StoredBuilding;
  let duplex: StoredBuilding;
  beforeAll(async () => {
    house = stored(await convertPath(DEMO_SUBMISSION), 'house', '2026-11-23T10:00:00Z');
    duplex = stored(await convertPath(DUPLEX), 'duplex', '2026-11-23T11:00:00Z');
  }, TIMEOUT);

  it('composes each building as an external tileset whose content URIs are the blob URLs of its own glbs', { timeout: TIMEOUT }, () => {
    const { served, urlOf, json } = blobServer();
    const layer = composeAsBuiltLayer([house, duplex], urlOf);
    expect(layer.rootUrl).not.toBeNull();
    // Every URL made is listed, so that a rebuild can revoke them all.
    expect(new Set(layer.urls)).toEqual(new Set(served.keys()));

    const validate = tilesSchemaValidator('tileset.schema.json');
    const root = json(layer.rootUrl!);
    expect(validate(root), JSON.stringify(validate.errors)).toBe(true);
    expect(root.root.children).toHaveLength(2);
    for (const [index, building] of [house, duplex].entries()) {
      const child = root.root.children![index]!;
      expect(child.transform, 'the external root carries its own transform').toBeUndefined();
      const external = json(child.content!.uri);
      expect(validate(external), JSON.stringify(validate.errors)).toBe(true);
      const original = JSON.parse(new TextDecoder().decode(building.files[0]!.bytes)) as TilesetJson;
      expect(external.root.transform).toEqual(original.root.transform);
      expect(external.metadata).toEqual(original.metadata);
      // CesiumJS would add `?v=` to the blob URLs of a versioned tileset, and such a URL is not found.
      expect(original.asset.tilesetVersion).toMatch(/^[0-9a-f]{16}$/);
      expect(external.asset.tilesetVersion).toBeUndefined();
      expect(external.asset.extras).toMatchObject({ tilesetVersion: original.asset.tilesetVersion });
      const originalUris = contentUris(original.root);
      const rewritten = contentUris(external.root);
      expect(rewritten).toHaveLength(originalUris.length);
      for (const [i, uri] of rewritten.entries()) {
        expect(uri).toMatch(/^blob:/);
        const file = building.files.find((f) => f.path === originalUris[i])!;
        expect(served.get(uri)).toEqual({ bytes: file.bytes, type: 'model/gltf-binary' });
      }
    }
  });

  it('bounds every building with its child sphere, and both with the root sphere', () => {
    const { urlOf, json } = blobServer();
    const root = json(composeAsBuiltLayer([house, duplex], urlOf).rootUrl!).root;
    const [rx, ry, rz, rr] = root.boundingVolume.sphere!;
    for (const child of root.children!) {
      const [x, y, z, r] = child.boundingVolume.sphere!;
      const external = json(child.content!.uri).root;
      expect(rootSphere(external)).toEqual([x, y, z, r]);
      expect(Math.hypot(x! - rx!, y! - ry!, z! - rz!) + r!).toBeLessThanOrEqual(rr! + 1e-6);
    }
    // Hà Nội and Luxembourg are ~9,000 km apart: the root sphere is that wide, each building's is house-sized.
    expect(rr).toBeGreaterThan(4_000_000);
    for (const child of root.children!) expect(child.boundingVolume.sphere![3]).toBeLessThan(100);
  });

  it('puts each building\'s site within its radius of the origin its georeferencing states', () => {
    for (const building of [house, duplex]) {
      const tileset = JSON.parse(new TextDecoder().decode(building.files[0]!.bytes)) as TilesetJson;
      const { originLongitude, originLatitude } = tileset.metadata!.properties as { originLongitude: number; originLatitude: number };
      const site = buildingSite(building);
      expect(metres([site.lon, site.lat], [originLongitude, originLatitude])).toBeLessThan(site.radius);
    }
  });

  it('names a content file that is referenced but not stored', () => {
    const broken = { ...house, files: house.files.filter((file) => file.path !== 'content/0.glb') };
    expect(() => composeAsBuiltLayer([broken], blobServer().urlOf)).toThrow('as-built building asbuilt-house: content/0.glb is referenced but not stored');
  });

  it('composes nothing when no building is stored', () => {
    expect(composeAsBuiltLayer([], blobServer().urlOf)).toEqual({ rootUrl: null, urls: [] });
  });

  it('keeps one building per tileset id in memory, oldest first, and says it does not persist', async () => {
    const storage = memoryBuildingStorage();
    expect(storage.persistent).toBe(false);
    await storage.put(duplex);
    await storage.put(house);
    await storage.put({ ...duplex, title: 'retried', storedAt: '2026-11-23T12:00:00Z' });
    expect((await storage.list()).map((b) => [b.tilesetId, b.title])).toEqual([['asbuilt-house', 'house'], ['asbuilt-duplex', 'retried']]);
  });
});
