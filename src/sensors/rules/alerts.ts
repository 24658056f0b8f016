/**
 * Alerts as the operators handle them, and their audit log (issue 5 §4): what the engine raised, whether its
 * condition still holds, and who acknowledged, assigned and resolved it, when. Plain JSON, persisted in IndexedDB
 * by `alertDatabase.ts`; the pure functions here turn engine events and operator actions into new records and the
 * audit entries that go with them, so the store (src/state/alertStore.ts) only keeps and saves them.
 */
import type { LocalizedText } from '../../geo';
import type { AlertLevel } from '../types';
import type { AlertEvent, RuleAction } from './types';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** Why an alert's condition stopped holding; `restarted`: the app reloaded and has not seen it hold again since. */
export type ClearReason = Extract<AlertEvent, { type: 'cleared' }>['reason'] | 'restarted';

export interface Alert {
  /** Unique in the log (the engine's id, suffixed if a previous session used it). */
  id: string;
  /** `rule:<ruleId>` or `stale:<datastreamId>`: at most one unresolved alert per key. */
  key: string;
  kind: 'rule' | 'stale';
  ruleId: string | null;
  /** The rule's name when raised (the rule may be edited or deleted later). */
  title: LocalizedText | null;
  level: AlertLevel;
  playbookId: string | null;
  actions: RuleAction[];
  datastreamIds: string[];
  values: number[];
  /** Wall clock when the app received it, ms since epoch. */
  raisedAt: number;
  /** Phenomenon time of the observation that raised it (replays run faster than the clock). */
  observedAt: number;
  /** The condition holds now (the engine has not cleared it). */
  active: boolean;
  clearedAt: number | null;
  clearReason: ClearReason | null;
  /** How many times the condition came back while the alert stayed unresolved. */
  occurrences: number;
  status: AlertStatus;
  /** A person or an agency. */
  assignee: string | null;
  /** Ticked playbook checklist items, as `step.item` (0-based). */
  checked: string[];
}

export type AuditAction =
  | 'raised' | 'reraised' | 'cleared' | 'acknowledged' | 'assigned' | 'resolved' | 'checked' | 'unchecked'
  | 'rulesSaved' | 'rulesImported' | 'rulesReset' | 'floodScenarioOpened';

export interface AuditEntry {
  /** Increasing within the log. */
  seq: number;
  /** Wall clock, ms since epoch. */
  at: number;
  /** The operator named in the profile; null for what the system did (raised, cleared). */
  user: string | null;
  action: AuditAction;
  alertId: string | null;
  /** What the action was about: the assignee, the checklist item, the rule set's size… */
  detail: string;
}

export type AuditDraft = Omit<AuditEntry, 'seq'>;

type Raised = Extract<AlertEvent, { type: 'raised' }>;

/**
 * The alert a `raised` event makes: a new one, or, when an unresolved alert with the same key exists (the condition
 * came back before anyone resolved it, or the app reloaded while it held), that alert active again — one alert
 * per situation, not a pile of duplicates. A returning condition reopens an acknowledged alert.
 */
export function raise(event: Raised, title: LocalizedText | null, unresolved: Alert | undefined, isTaken: (id: string) => boolean, now: number): { alert: Alert; audit: AuditDraft } {
  if (unresolved) {
    const alert: Alert = {
      ...unresolved, level: event.level, playbookId: event.playbookId, actions: event.actions, datastreamIds: event.datastreamIds,
      values: event.values, observedAt: event.at, active: true, clearedAt: null, clearReason: null,
      occurrences: unresolved.occurrences + (unresolved.clearReason === 'restarted' ? 0 : 1), status: 'open',
    };
    return { alert, audit: { at: now, user: null, action: 'reraised', alertId: alert.id, detail: event.datastreamIds.join(', ') } };
  }
  let id = event.alertId;
  for (let k = 2; isTaken(id); k++) id = `${event.alertId}#${k}`;
  const alert: Alert = {
    id, key: event.key, kind: event.kind, ruleId: event.ruleId, title, level: event.level, playbookId: event.playbookId,
    actions: event.actions, datastreamIds: event.datastreamIds, values: event.values, raisedAt: now, observedAt: event.at,
    active: true, clearedAt: null, clearReason: null, occurrences: 1, status: 'open', assignee: null, checked: [],
  };
  return { alert, audit: { at: now, user: null, action: 'raised', alertId: id, detail: event.datastreamIds.join(', ') } };
}

export function update(alert: Alert, event: Extract<AlertEvent, { type: 'updated' }>): Alert {
  return { ...alert, datastreamIds: event.datastreamIds, values: event.values, observedAt: event.at };
}

export function clear(alert: Alert, reason: ClearReason, now: number): { alert: Alert; audit: AuditDraft } {
  return {
    alert: { ...alert, active: false, clearedAt: now, clearReason: reason },
    audit: { at: now, user: null, action: 'cleared', alertId: alert.id, detail: reason },
  };
}

export type OperatorAction =
  | { type: 'acknowledge' }
  | { type: 'assign'; assignee: string }
  | { type: 'resolve'; note: string }
  | { type: 'check'; item: string; checked: boolean };

/** An operator's action on an alert; null when it changes nothing (acknowledging twice, resolving a resolved one). */
export function act(alert: Alert, action: OperatorAction, user: string, now: number): { alert: Alert; audit: AuditDraft } | null {
  const entry = (type: AuditAction, detail = ''): AuditDraft => ({ at: now, user, action: type, alertId: alert.id, detail });
  switch (action.type) {
    case 'acknowledge':
      return alert.status !== 'open' ? null : { alert: { ...alert, status: 'acknowledged' }, audit: entry('acknowledged') };
    case 'assign': {
      const assignee = action.assignee.trim();
      if (!assignee || assignee === alert.assignee || alert.status === 'resolved') return null;
      return { alert: { ...alert, assignee }, audit: entry('assigned', assignee) };
    }
    case 'resolve':
      return alert.status === 'resolved' ? null : { alert: { ...alert, status: 'resolved' }, audit: entry('resolved', action.note.trim()) };
    case 'check': {
      if (alert.checked.includes(action.item) === action.checked) return null;
      const checked = action.checked ? [...alert.checked, action.item] : alert.checked.filter((i) => i !== action.item);
      return { alert: { ...alert, checked }, audit: entry(action.checked ? 'checked' : 'unchecked', action.item) };
    }
  }
}

/** Alerts read back after a reload: none is known to hold until the engine says so again. */
export function afterRestart(alert: Alert, now: number): Alert {
  return alert.active ? { ...alert, active: false, clearedAt: now, clearReason: 'restarted' } : alert;
}

const LEVEL_ORDER: Record<AlertLevel, number> = { emergency: 0, special: 1, routine: 2 };
const STATUS_ORDER: Record<AlertStatus, number> = { open: 0, acknowledged: 1, resolved: 2 };

/** Unresolved first, then by level (emergency first), then newest first. */
export function compareAlerts(a: Alert, b: Alert): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.raisedAt - a.raisedAt;
}
