/**
 * Where the as-built layer's buildings survive reloads: the IndexedDB database `sao-asbuilt`, one record per
 * building (tileset id → its files). A browser that refuses IndexedDB (private mode) keeps them in memory: the
 * session still works, and says so.
 */
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

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => request.result.createObjectStore(TILESETS, { keyPath: 'tilesetId' });
  return done(request);
}

export function indexedDbBuildingStorage(factory: IDBFactory = indexedDB): BuildingStorage {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => (database ??= open(factory));
  return {
    persistent: true,
    async list() {
      const tx = (await db()).transaction(TILESETS, 'readonly');
      const buildings = (await done(tx.objectStore(TILESETS).getAll())) as StoredBuilding[];
      return buildings.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
    },
    async put(building) {
      const tx = (await db()).transaction(TILESETS, 'readwrite');
      tx.objectStore(TILESETS).put(building);
      await committed(tx);
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
