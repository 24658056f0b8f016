/** Alerts as operators handle them: acknowledge, assign, resolve, the audit log, and what survives a reload. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryPersistence } from '../../../src/sensors/rules/alertDatabase';
import { parseRuleSet, type AlertEvent } from '../../../src/sensors/rules';
import { createAlertStore } from '../../../src/state/alertStore';

const sample = parseRuleSet(JSON.parse(readFileSync(join(import.meta.dirname, '../../../assets/demo/sensors/rules.json'), 'utf8')));
const floodRule = sample.rules[0]!;

const raisedEvent = (alertId = 'rule:flood@1000'): AlertEvent => ({
  type: 'raised', alertId, key: `rule:${floodRule.id}`, kind: 'rule', ruleId: floodRule.id, level: 'special',
  playbookId: floodRule.playbookId, actions: floodRule.actions ?? [], datastreamIds: ['WL-1'], values: [0.42], at: 1000,
});
const clearedEvent = (alertId = 'rule:flood@1000'): AlertEvent => ({ type: 'cleared', alertId, key: `rule:${floodRule.id}`, reason: 'conditionFalse', at: 2000 });

async function storeWith(persistence = memoryPersistence(), operator = 'Nguyễn Thị Lan') {
  const store = createAlertStore();
  await store.getState().hydrate(persistence, sample);
  if (operator) store.getState().setOperator(operator);
  return { store, persistence };
}

describe('alerts', () => {
  it('a raised event becomes an open alert named after its rule, logged as done by the system', async () => {
    const { store } = await storeWith();
    store.getState().applyEngineEvents([raisedEvent()]);
    const alert = Object.values(store.getState().alerts)[0]!;
    expect(alert).toMatchObject({ status: 'open', active: true, level: 'special', title: floodRule.name, playbookId: 'sample-flood' });
    expect(store.getState().announcement?.alertId).toBe(alert.id);
    expect(store.getState().audit.map((e) => [e.action, e.user, e.alertId])).toEqual([['raised', null, alert.id]]);
  });

  it('acknowledge, assign and resolve land in the audit log with time and the operator’s name', async () => {
    const { store } = await storeWith();
    store.getState().applyEngineEvents([raisedEvent()]);
    const id = Object.keys(store.getState().alerts)[0]!;
    const before = Date.now();
    store.getState().act(id, { type: 'acknowledge' });
    store.getState().act(id, { type: 'acknowledge' });
    store.getState().act(id, { type: 'assign', assignee: 'Công ty Thoát nước Hà Nội' });
    store.getState().act(id, { type: 'check', item: '1.0', checked: true });
    store.getState().act(id, { type: 'resolve', note: 'Đã bơm xong' });
    const log = store.getState().audit.slice(1);
    expect(log.map((e) => [e.action, e.user, e.detail])).toEqual([
      ['acknowledged', 'Nguyễn Thị Lan', ''],
      ['assigned', 'Nguyễn Thị Lan', 'Công ty Thoát nước Hà Nội'],
      ['checked', 'Nguyễn Thị Lan', '1.0'],
      ['resolved', 'Nguyễn Thị Lan', 'Đã bơm xong'],
    ]);
    expect(log.every((e) => e.at >= before && e.at <= Date.now())).toBe(true);
    expect(store.getState().alerts[id]).toMatchObject({ status: 'resolved', assignee: 'Công ty Thoát nước Hà Nội', checked: ['1.0'] });
  });

  it('refuses operator actions until the profile names the operator', async () => {
    const { store } = await storeWith(memoryPersistence(), '');
    store.getState().applyEngineEvents([raisedEvent()]);
    const id = Object.keys(store.getState().alerts)[0]!;
    store.getState().act(id, { type: 'acknowledge' });
    expect(store.getState().alerts[id]!.status).toBe('open');
    expect(store.getState().audit).toHaveLength(1);
  });

  it('a condition that returns before anyone resolved the alert reopens it instead of adding a duplicate', async () => {
    const { store } = await storeWith();
    store.getState().applyEngineEvents([raisedEvent()]);
    const id = Object.keys(store.getState().alerts)[0]!;
    store.getState().act(id, { type: 'acknowledge' });
    store.getState().applyEngineEvents([clearedEvent(), raisedEvent('rule:flood@5000')]);
    expect(Object.keys(store.getState().alerts)).toEqual([id]);
    expect(store.getState().alerts[id]).toMatchObject({ status: 'open', active: true, occurrences: 2 });
    store.getState().act(id, { type: 'resolve', note: '' });
    store.getState().applyEngineEvents([clearedEvent('rule:flood@5000'), raisedEvent('rule:flood@9000')]);
    expect(Object.keys(store.getState().alerts)).toHaveLength(2);
  });
});

describe('alerts across a reload', () => {
  it('keeps rules, alerts, audit and the operator; an alert that held is marked not re-checked, and rejoins its condition', async () => {
    const { store, persistence } = await storeWith();
    store.getState().saveRuleSet({ ...sample, rules: sample.rules.slice(0, 2) }, 'rulesSaved');
    store.getState().applyEngineEvents([raisedEvent()]);
    const id = Object.keys(store.getState().alerts)[0]!;
    store.getState().act(id, { type: 'assign', assignee: 'UBND phường' });
    await new Promise((resolve) => setTimeout(resolve, 0));

    const reloaded = createAlertStore();
    // The engine in the new session raises again (same engine id: the replay restarted) before the database answers.
    reloaded.getState().applyEngineEvents([raisedEvent()]);
    await reloaded.getState().hydrate(persistence, sample);
    const state = reloaded.getState();
    expect(state.operator).toBe('Nguyễn Thị Lan');
    expect(state.ruleSetOrigin).toBe('saved');
    expect(state.ruleSet!.rules).toHaveLength(2);
    expect(Object.values(state.alerts)).toHaveLength(1);
    expect(state.alerts[id]).toMatchObject({ assignee: 'UBND phường', active: true, occurrences: 1 });
    expect(state.audit.map((e) => e.action)).toEqual(['rulesSaved', 'raised', 'assigned', 'reraised']);
    expect(new Set(state.audit.map((e) => e.seq)).size).toBe(4);
  });

  it('without a saved rule set uses the sample, and an alert still up when the app closed reads as not re-checked', async () => {
    const { store, persistence } = await storeWith();
    store.getState().applyEngineEvents([raisedEvent()]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { store: reloaded } = await storeWith(persistence);
    expect(reloaded.getState().ruleSetOrigin).toBe('sample');
    expect(Object.values(reloaded.getState().alerts)[0]).toMatchObject({ active: false, clearReason: 'restarted', status: 'open' });
  });
});
