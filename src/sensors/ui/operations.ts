/**
 * Starts the operators' side of sensors once per app: sensor ingestion (the worker), the saved rules, alerts and
 * audit log from IndexedDB (the sample rule set when none was saved), the rule set sent to the worker's engine
 * whenever it changes, and the engine's alert events into the alert store. It lives as long as the app: alerts
 * keep landing while the operator looks at another workspace.
 */
import { useAlertStore } from '../../state/alertStore';
import { indexedDbPersistence, memoryPersistence } from '../rules/alertDatabase';
import { parseRuleSet } from '../rules/parseRuleSet';
import type { RuleSet } from '../rules/types';
import { sensorClient } from '../sensorClient';

/** The demo district's sample rules and playbooks (assets/demo/sensors/rules.json). */
export const SAMPLE_RULES_URL = '/demo/sensors/rules.json';

const EMPTY: RuleSet = { version: 1, rules: [], playbooks: [] };

let started = false;

/** The sample set, parsed (also for the operator's "use the sample set again"); empty if it cannot load. */
export async function loadSampleRuleSet(): Promise<RuleSet> {
  try {
    const response = await fetch(SAMPLE_RULES_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${SAMPLE_RULES_URL}`);
    return parseRuleSet(await response.json());
  } catch (error) {
    console.error('[sensors] sample rule set', error);
    return EMPTY;
  }
}

export function startOperations(): void {
  if (started) return;
  started = true;
  sensorClient.onAlerts((events) => useAlertStore.getState().applyEngineEvents(events));
  useAlertStore.subscribe((state, previous) => {
    if (state.ruleSet && state.ruleSet !== previous.ruleSet) sensorClient.setRules(state.ruleSet);
  });
  sensorClient.start();
  const persistence = typeof indexedDB === 'undefined' ? memoryPersistence() : indexedDbPersistence();
  void loadSampleRuleSet().then((sample) => useAlertStore.getState().hydrate(persistence, sample));
}
