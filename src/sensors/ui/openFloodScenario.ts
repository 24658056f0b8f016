/**
 * A rule's `openFloodScenario` action: the rain observed so far at the gauges the action selects becomes the flood
 * draft's hyetograph (rainSource 'csv', `seconds,mm/h`), the run lasts at least the observed rain plus the time for
 * water to drain, and the operator is taken to the flood panel. Logged in the audit log.
 */
import { useAlertStore } from '../../state/alertStore';
import { useFloodStore } from '../../state/floodStore';
import { useSensorStore } from '../../state/sensorStore';
import { observationRegistry } from '../observationRegistry';
import { matchesSelector } from '../rules/selector';
import type { RuleAction } from '../rules/types';
import { observedRain, type ObservedRain } from './observedRain';

/** Minutes the flood run goes on after the observed rain, for the water to spread and drain. */
const DRAIN_MINUTES = 30;

export function openFloodScenario(alertId: string, action: RuleAction): ObservedRain | null {
  const datastreams = Object.values(useSensorStore.getState().datastreams).filter((d) => matchesSelector(action.rain, d));
  const rain = observedRain(datastreams.map((d) => observationRegistry.series(d.id)));
  if (!rain) return null;
  const flood = useFloodStore.getState();
  const stamp = new Date(rain.startedAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  flood.editDraft({
    rainSource: 'csv',
    rainCsv: { name: `mua-quan-trac-${stamp}.csv`, text: rain.csv },
    durationMinutes: Math.max(flood.draft.durationMinutes, Math.ceil(rain.spanSeconds / 60) + DRAIN_MINUTES),
  });
  useAlertStore.getState().logFloodScenarioOpened(alertId, `${datastreams.map((d) => d.id).join(', ')}; ${Math.round(rain.spanSeconds / 60)} min`);
  // Focus moves to the flood panel's heading so keyboard and screen-reader users land where the change is.
  const heading = document.querySelector<HTMLElement>('[data-testid="flood-panel"] h3');
  heading?.setAttribute('tabindex', '-1');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
  return rain;
}
