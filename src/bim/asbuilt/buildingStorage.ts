/**
 * Where the as-built layer's buildings survive reloads: the IndexedDB database `sao-asbuilt`, one record per
 * building (tileset id → its files). A browser that refuses IndexedDB (private mode) keeps them in memory: the
 * session still works, and says so.
 */
import { lazyDatabase, requestDone, transactionDone } from '../../storage/indexedDb';
import type { StoredBuilding } from './types';

export interface BuildingStorage {
  /** True when what is stored outlives the page. */
  readonly persistent: boolean;
  list(): Promise<StoredBuilding[]>;
  /** Adds a building, or replaces the one with its tileset id. */
  put(building: StoredBuilding): Promise<void>;
}

const DB_NAME = 'sao-asbuilt';
const DB_VERSION = 1;
const TILESETS = 'tilesets';

function upgrade(db: IDBDatabase): void {
  db.createObjectStore(TILESETS, { keyPath: 'tilesetId' });
}

export function indexedDbBuildingStorage(factory: IDBFactory = indexedDB): BuildingStorage {
  const db = lazyDatabase(factory, DB_NAME, DB_VERSION, upgrade);
  return {
    persistent: true,
    async list() {
      const tx = (await db()).transaction(TILESETS, 'readonly');
      const buildings = (await requestDone(tx.objectStore(TILESETS).getAll())) as StoredBuilding[];
      return buildings.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
    },
    async put(building) {
      const tx = (await db()).transaction(TILESETS, 'readwrite');
      tx.objectStore(TILESETS).put(building);
      await transactionDone(tx);
    },
  };
}

export function memoryBuildingStorage(): BuildingStorage {
  const buildings = new Map<string, StoredBuilding>();
  return {
    persistent: false,
    list: async () => [...buildings.values()].sort((a, b) => a.storedAt.localeCompare(b.storedAt)),
    async put(building) {
      buildings.set(building.tilesetId, building);
    },
  };
}

/** IndexedDB where the browser offers it, else memory. */
export function defaultBuildingStorage(): BuildingStorage {
  return typeof indexedDB === 'undefined' ? memoryBuildingStorage() : indexedDbBuildingStorage();
}
