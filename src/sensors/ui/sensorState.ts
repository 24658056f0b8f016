/**
 * What a sensor looks like to the operator (issue 5 §3): *stale* (grey) when silent for 3× its interval, *waiting*
 * before its first value, *warning* while it is one of the datastreams satisfying an active rule alert (coloured by
 * the highest level), else *ok*. The list and the map both read it, so they never disagree.
 */
import type { Alert } from '../rules/alerts';
import type { SensorStatus } from '../ingest/stale';
import type { AlertLevel } from '../types';

export type SensorState = 'ok' | 'warning' | 'stale' | 'waiting';

export interface SensorLook {
  state: SensorState;
  /** The highest level among the active alerts on this sensor (warning only). */
  level: AlertLevel | null;
}

const RANK: Record<AlertLevel, number> = { routine: 1, special: 2, emergency: 3 };

/** Active, unresolved rule alerts by datastream: the highest level wins. */
export function warningLevels(alerts: Iterable<Alert>): Map<string, AlertLevel> {
  const levels = new Map<string, AlertLevel>();
  for (const alert of alerts) {
    if (alert.kind !== 'rule' || !alert.active || alert.status === 'resolved') continue;
    for (const id of alert.datastreamIds) {
      const current = levels.get(id);
      if (!current || RANK[alert.level] > RANK[current]) levels.set(id, alert.level);
    }
  }
  return levels;
}

export function sensorLook(status: SensorStatus | undefined, level: AlertLevel | undefined): SensorLook {
  if (status === 'stale') return { state: 'stale', level: null };
  if (level) return { state: 'warning', level };
  if (status === 'live') return { state: 'ok', level: null };
  return { state: 'waiting', level: null };
}
