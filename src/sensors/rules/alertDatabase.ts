/**
 * Where rules, playbooks, alerts, the audit log and the operator's name survive reloads and crashes: one IndexedDB
 * database, written on every change (each action is its own transaction, so a crash loses at most the action in
 * flight). The only module of `rules/` that touches a browser API; the engine never imports it.
 */
import { lazyDatabase, requestDone, transactionDone } from '../../storage/indexedDb';
import type { Alert, AuditEntry } from './alerts';
import type { RuleSet } from './types';

export interface SavedOperations {
  ruleSet: RuleSet | null;
  alerts: Alert[];
  audit: AuditEntry[];
  operator: string | null;
}

/** What the alert store needs from storage; `memoryPersistence` stands in for it in Node tests. */
export interface AlertPersistence {
  load(): Promise<SavedOperations>;
  putRuleSet(ruleSet: RuleSet): Promise<void>;
  putAlert(alert: Alert): Promise<void>;
  appendAudit(entry: AuditEntry): Promise<void>;
  putOperator(name: string): Promise<void>;
}

const DB_NAME = 'sao-operations';
const DB_VERSION = 1;
const SETTINGS = 'settings';
const ALERTS = 'alerts';
const AUDIT = 'audit';

function upgrade(db: IDBDatabase): void {
  db.createObjectStore(SETTINGS);
  db.createObjectStore(ALERTS, { keyPath: 'id' });
  db.createObjectStore(AUDIT, { keyPath: 'seq' });
}

export function indexedDbPersistence(factory: IDBFactory = indexedDB): AlertPersistence {
  const db = lazyDatabase(factory, DB_NAME, DB_VERSION, upgrade);

  async function write(store: string, value: unknown, key?: string): Promise<void> {
    const tx = (await db()).transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    await transactionDone(tx);
  }

  return {
    async load() {
      const tx = (await db()).transaction([SETTINGS, ALERTS, AUDIT], 'readonly');
      const [ruleSet, operator, alerts, audit] = await Promise.all([
        requestDone(tx.objectStore(SETTINGS).get('ruleSet')) as Promise<RuleSet | undefined>,
        requestDone(tx.objectStore(SETTINGS).get('operator')) as Promise<string | undefined>,
        requestDone(tx.objectStore(ALERTS).getAll()) as Promise<Alert[]>,
        requestDone(tx.objectStore(AUDIT).getAll()) as Promise<AuditEntry[]>,
      ]);
      return { ruleSet: ruleSet ?? null, operator: operator ?? null, alerts, audit };
    },
    putRuleSet: (ruleSet) => write(SETTINGS, ruleSet, 'ruleSet'),
    putOperator: (name) => write(SETTINGS, name, 'operator'),
    putAlert: (alert) => write(ALERTS, alert),
    appendAudit: (entry) => write(AUDIT, entry),
  };
}

/** Keeps everything in memory (tests, or a browser that refuses IndexedDB: the session still works). */
export function memoryPersistence(initial: Partial<SavedOperations> = {}): AlertPersistence & { saved: SavedOperations } {
  const saved: SavedOperations = { ruleSet: null, alerts: [], audit: [], operator: null, ...initial };
  return {
    saved,
    load: async () => structuredClone(saved),
    async putRuleSet(ruleSet) {
      saved.ruleSet = structuredClone(ruleSet);
    },
    async putAlert(alert) {
      saved.alerts = [...saved.alerts.filter((a) => a.id !== alert.id), structuredClone(alert)];
    },
    async appendAudit(entry) {
      saved.audit.push(structuredClone(entry));
    },
    async putOperator(name) {
      saved.operator = name;
    },
  };
}
