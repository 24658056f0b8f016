/**
 * The three promises every IndexedDB module of Sao needs (alerts, reviews, the as-built layer): a request's
 * result, a transaction's commit, and a database opened lazily once with its schema. Browser storage only;
 * the modules that use it keep a memory twin for Node tests.
 */

export const requestDone = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

export const transactionDone = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** `connect()` opens the database on first call (creating its stores with `upgrade`) and reuses it after. */
export function lazyDatabase(
  factory: IDBFactory, name: string, version: number, upgrade: (db: IDBDatabase) => void,
): () => Promise<IDBDatabase> {
  let database: Promise<IDBDatabase> | null = null;
  return () => {
    if (database) return database;
    const request = factory.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    return (database = requestDone(request));
  };
}
