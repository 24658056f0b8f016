import { useCallback } from 'react';
import { useT } from '../../app/useT';
import { useSensorStore } from '../../state/sensorStore';
import { useViewStore } from '../../state';
import type { Alert } from '../rules/alerts';

/** An alert's title: its rule's name as it was when raised, or "No signal: <sensor>" for a stale alert. */
export function useAlertTitle(): (alert: Alert) => string {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  return useCallback((alert: Alert) => {
    if (alert.kind === 'stale') {
      // Read, not subscribed: a stale alert's datastream was known before it went silent, and the descriptions
      // object changes with every batch.
      const id = alert.datastreamIds[0] ?? '';
      return t('sensors.alert.stale', { sensor: useSensorStore.getState().datastreams[id]?.name ?? id });
    }
    return alert.title?.[lang] ?? t('sensors.alert.unknownRule', { rule: alert.ruleId ?? '?' });
  }, [t, lang]);
}
