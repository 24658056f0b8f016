import { create } from 'zustand';
import { act, afterRestart, clear, raise, update, type Alert, type AuditAction, type AuditDraft, type AuditEntry, type OperatorAction } from '../sensors/rules/alerts';
import type { AlertPersistence } from '../sensors/rules/alertDatabase';
import type { AlertEvent, RuleSet } from '../sensors/rules/types';

/**
 * The operators' side of sensor rules (issue 5 §4): the rule set in force, the alerts the engine raised and what
 * operators did with them, in an append-only audit log signed with the operator's name from the profile. Every
 * change is written through `AlertPersistence` (IndexedDB in the app) as it happens. Engine events that arrive
 * before the saved state has loaded wait, so a reload never duplicates an alert that is still up.
 */

/** Audit entries kept in memory for the panel; the database keeps them all. */
const AUDIT_IN_MEMORY = 1000;

export type RuleSetOrigin = 'sample' | 'saved';

interface AlertState {
  loaded: boolean;
  ruleSet: RuleSet | null;
  ruleSetOrigin: RuleSetOrigin | null;
  alerts: Record<string, Alert>;
  audit: AuditEntry[];
  /** The operator named in the profile; actions are signed with it. Empty until set. */
  operator: string;
  /** The newest raised alert, for the live region; `seq` changes on every raise. */
  announcement: { alertId: string; seq: number } | null;
  selectedAlertId: string | null;
  persistError: string | null;
  /** Loads what was saved; the sample set is used when no rule set was saved. */
  hydrate(persistence: AlertPersistence, sample: RuleSet): Promise<void>;
  applyEngineEvents(events: readonly AlertEvent[]): void;
  act(alertId: string, action: OperatorAction): void;
  saveRuleSet(ruleSet: RuleSet, how: Extract<AuditAction, 'rulesSaved' | 'rulesImported' | 'rulesReset'>): void;
  setOperator(name: string): void;
  /** Logs that the operator opened a flood scenario from an alert's action. */
  logFloodScenarioOpened(alertId: string, detail: string): void;
  selectAlert(alertId: string | null): void;
}

/** A fresh store (the app has one, `useAlertStore`; tests make their own). */
export const createAlertStore = () => create<AlertState>()((set, get) => {
  let persistence: AlertPersistence | null = null;
  let pending: AlertEvent[] = [];
  /** Engine alert id → alert id in the log (they differ when a previous session used the engine's id). */
  const links = new Map<string, string>();
  let seq = 0;

  const failed = (error: unknown) => set({ persistError: error instanceof Error ? error.message : String(error) });

  /** Keeps and saves changed alerts and new audit entries. */
  function commit(changed: Alert[], drafts: AuditDraft[], extra: Partial<AlertState> = {}): void {
    const entries = drafts.map((d): AuditEntry => ({ ...d, seq: ++seq }));
    set((s) => ({
      ...extra,
      alerts: changed.length ? { ...s.alerts, ...Object.fromEntries(changed.map((a) => [a.id, a])) } : s.alerts,
      audit: entries.length ? [...s.audit, ...entries].slice(-AUDIT_IN_MEMORY) : s.audit,
    }));
    for (const alert of changed) persistence?.putAlert(alert).catch(failed);
    for (const entry of entries) persistence?.appendAudit(entry).catch(failed);
  }

  function apply(events: readonly AlertEvent[]): void {
    const now = Date.now();
    const alerts = { ...get().alerts };
    const changed = new Map<string, Alert>();
    const drafts: AuditDraft[] = [];
    let announced: string | null = null;
    for (const event of events) {
      if (event.type === 'raised') {
        const unresolved = Object.values(alerts).find((a) => a.key === event.key && a.status !== 'resolved');
        const rule = get().ruleSet?.rules.find((r) => r.id === event.ruleId);
        const { alert, audit } = raise(event, rule?.name ?? null, unresolved, (id) => id in alerts, now);
        links.set(event.alertId, alert.id);
        alerts[alert.id] = alert;
        changed.set(alert.id, alert);
        drafts.push(audit);
        announced = alert.id;
        continue;
      }
      const alert = alerts[links.get(event.alertId) ?? ''];
      if (!alert) continue;
      if (event.type === 'updated') {
        alerts[alert.id] = update(alert, event);
      } else {
        const cleared = clear(alert, event.reason, now);
        alerts[alert.id] = cleared.alert;
        drafts.push(cleared.audit);
        links.delete(event.alertId);
      }
      changed.set(alert.id, alerts[alert.id]!);
    }
    const extra: Partial<AlertState> = announced ? { announcement: { alertId: announced, seq: seq + 1 } } : {};
    commit([...changed.values()], drafts, extra);
  }

  return {
    loaded: false,
    ruleSet: null,
    ruleSetOrigin: null,
    alerts: {},
    audit: [],
    operator: '',
    announcement: null,
    selectedAlertId: null,
    persistError: null,

    async hydrate(store, sample) {
      persistence = store;
      try {
        const saved = await store.load();
        const now = Date.now();
        const restarted = saved.alerts.filter((a) => a.active).map((a) => afterRestart(a, now));
        const alerts = Object.fromEntries([...saved.alerts, ...restarted].map((a) => [a.id, a]));
        seq = saved.audit.reduce((max, e) => Math.max(max, e.seq), 0);
        set({
          loaded: true, alerts, audit: saved.audit.sort((a, b) => a.seq - b.seq).slice(-AUDIT_IN_MEMORY),
          operator: saved.operator ?? '', ruleSet: saved.ruleSet ?? sample, ruleSetOrigin: saved.ruleSet ? 'saved' : 'sample',
        });
        for (const alert of restarted) store.putAlert(alert).catch(failed);
      } catch (error) {
        failed(error);
        set({ loaded: true, ruleSet: sample, ruleSetOrigin: 'sample' });
      }
      const queued = pending;
      pending = [];
      if (queued.length) apply(queued);
    },

    applyEngineEvents(events) {
      if (!get().loaded) pending.push(...events);
      else apply(events);
    },

    act(alertId, action) {
      const alert = get().alerts[alertId];
      const user = get().operator;
      if (!alert || !user) return;
      const result = act(alert, action, user, Date.now());
      if (result) commit([result.alert], [result.audit]);
    },

    saveRuleSet(ruleSet, how) {
      const user = get().operator || null;
      persistence?.putRuleSet(ruleSet).catch(failed);
      const detail = `${ruleSet.rules.length} rules, ${ruleSet.playbooks.length} playbooks`;
      commit([], [{ at: Date.now(), user, action: how, alertId: null, detail }], { ruleSet, ruleSetOrigin: how === 'rulesReset' ? 'sample' : 'saved' });
    },

    setOperator(name) {
      const operator = name.trim();
      set({ operator });
      persistence?.putOperator(operator).catch(failed);
    },

    logFloodScenarioOpened(alertId, detail) {
      commit([], [{ at: Date.now(), user: get().operator || null, action: 'floodScenarioOpened', alertId, detail }]);
    },

    selectAlert: (selectedAlertId) => set({ selectedAlertId }),
  };
});

export const useAlertStore = createAlertStore();
