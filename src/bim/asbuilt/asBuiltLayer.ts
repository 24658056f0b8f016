/**
 * The as-built layer in the app: the stored buildings composed into one tileset (composeLayer.ts), served from blob
 * URLs and put in the layer list, rebuilt whenever a building is added. Restored from IndexedDB at start-up.
 */
import { geocentricToGeodetic, WGS84_ELLIPSOID } from '../../geo';
import { useLayerStore, useViewStore } from '../../state';
import { asBuiltLayerSpec } from './asBuiltLayerSpec';
import { useAsBuiltStore } from './asBuiltStore';
import { defaultBuildingStorage, memoryBuildingStorage, type BuildingStorage } from './buildingStorage';
import { buildingTileset, composeAsBuiltLayer, rootSphere } from './composeLayer';
import type { BuildingSite, StoredBuilding } from './types';

let storage: BuildingStorage | null = null;
let urls: string[] = [];
/** Rebuilds run one after another, so that a slow one never replaces a newer layer. */
let rebuilding: Promise<void> = Promise.resolve();

const blobUrl = (bytes: Uint8Array, type: string) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));

/**
 * Reads the stored buildings and shows the layer (once the city's catalogue is in: it replaces the layer list).
 * A stored building that cannot be composed is reported as a notice; the city opens without the layer.
 */
export function restoreAsBuiltLayer(chosen: BuildingStorage = defaultBuildingStorage()): Promise<void> {
  storage ??= chosen;
  return rebuild().catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    useViewStore.getState().notify('error', { key: 'asbuilt.restoreFailed', params: { detail } });
  });
}

/** Stores a converted building (replacing an earlier one of its submission) and rebuilds the layer with it. */
export async function storeBuilding(building: StoredBuilding): Promise<void> {
  storage ??= defaultBuildingStorage();
  await storage.put(building);
  await rebuild();
}

function rebuild(): Promise<void> {
  // A failed rebuild was reported to its own caller; the next one starts afresh from what is stored.
  rebuilding = rebuilding.catch(() => {}).then(async () => {
    const buildings = await listBuildings();
    const composed = composeAsBuiltLayer(buildings, blobUrl);
    useAsBuiltStore.getState().setSites(Object.fromEntries(buildings.map((b) => [b.tilesetId, buildingSite(b)])), storage!.persistent);
    if (composed.rootUrl === null) return;
    await catalogLoaded();
    const previous = urls;
    urls = composed.urls;
    // The scene replaces the layer's view at once (a store subscription): the old URLs are unused from here.
    useLayerStore.getState().putLayer(asBuiltLayerSpec(composed.rootUrl));
    previous.forEach((url) => URL.revokeObjectURL(url));
    // Measurements (tests/e2e/asBuilt) tell the conversion's main-thread work from the new layer's drawing by it.
    performance.mark('sao:as-built-layer');
  });
  return rebuilding;
}

/**
 * The stored buildings. A browser that refuses IndexedDB (private mode) keeps this session's in memory, and the
 * status says so (`persistent: false`).
 */
async function listBuildings(): Promise<StoredBuilding[]> {
  try {
    return await storage!.list();
  } catch {
    storage = memoryBuildingStorage();
    return [];
  }
}

function catalogLoaded(): Promise<void> {
  if (useLayerStore.getState().catalog) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = useLayerStore.subscribe((state) => {
      if (!state.catalog) return;
      unsubscribe();
      resolve();
    });
  });
}

/** The building's bounding sphere as a point on Earth and a radius. */
export function buildingSite(building: StoredBuilding): BuildingSite {
  const [x, y, z, radius] = rootSphere(buildingTileset(building).root);
  const [lambda, phi] = geocentricToGeodetic(WGS84_ELLIPSOID, x, y, z, [0, 0, 0]);
  return { lon: (lambda * 180) / Math.PI, lat: (phi * 180) / Math.PI, radius };
}
