/**
 * The rule engine: pure (no DOM, no timers, no I/O) and incremental, so the ingestion worker can call it after
 * every batch of observations and on its clock.
 *
 * ```ts
 * const engine = createRuleEngine(Date.now());
 * engine.setDatastreams(descriptors);       // and again whenever adapters discover more
 * post(engine.setRules(ruleSet));           // the operator saved new rules (parsed by parseRuleSet)
 * post(engine.ingest(batch, Date.now()));   // after each batch
 * post(engine.tick(Date.now()));            // every second or so: staleness
 * ```
 *
 * Each (rule, selected datastream) pair is a `Watch` holding only what its condition needs: when the comparison
 * became continuously true (`since`, phenomenon time) and, for a rate of rise, a `RiseWindow`. An observation
 * touches only the watches of its datastream. Durations are measured between observations (evidence, not wall
 * clock): "> 0.3 m for 5 minutes" fires on the first observation 300 s after the first one above 0.3 m.
 *
 * Staleness follows receive time (`isStale`, shared with the sensor store so the map's grey and the alert agree): a
 * datastream silent for 3× its `expectedIntervalSeconds` raises a *stale* alert,
 * and its watches forget their state, so a rule kept true only by old data clears (reason `stale`) instead of
 * staying up silently. Values older than the last one seen (out of order) count for staleness, not for rules.
 */
import { isStale } from '../ingest/stale';
import type { DatastreamDescriptor, Observation } from '../types';
import { RiseWindow } from './RiseWindow';
import { matchesSelector } from './selector';
import type { AlertEvent, Rule, RuleCondition, RuleSet } from './types';
import { vnAqiOfPm25 } from './vnAqi';

export interface RuleEngine {
  /** Evaluates a batch (any order of datastreams; each datastream's values in time order); `nowMs` moves the clock. */
  ingest(observations: readonly Observation[], nowMs?: number): AlertEvent[];
  /** Advances the engine's clock (ms since epoch): raises *stale* alerts. */
  tick(nowMs: number): AlertEvent[];
  /** Replaces the rules; unchanged rules keep their state, changed or removed ones clear their alerts. */
  setRules(ruleSet: Pick<RuleSet, 'rules'>): AlertEvent[];
  /** Adds or replaces datastreams (discovered later); rules start watching those their selector matches. */
  setDatastreams(datastreams: readonly DatastreamDescriptor[]): void;
}

interface Watch {
  readonly rule: RuleState;
  readonly datastreamId: string;
  readonly rise: RiseWindow | null;
  /** Phenomenon time since when the comparison has held, or null. */
  since: number | null;
  lastTime: number;
  measure: number;
  satisfied: boolean;
}

interface RuleState {
  readonly rule: Rule;
  readonly json: string;
  readonly watches: Map<string, Watch>;
  satisfiedCount: number;
  alertId: string | null;
}

interface StreamState {
  descriptor: DatastreamDescriptor;
  watches: Watch[];
  /** NaN until the first receive or clock reading: silence is counted from then. */
  lastReceivedAt: number;
  lastTime: number;
  staleAlertId: string | null;
}

const compare = (value: number, condition: RuleCondition): boolean => {
  switch (condition.op) {
    case '>': return value > condition.threshold;
    case '>=': return value >= condition.threshold;
    case '<': return value < condition.threshold;
    case '<=': return value <= condition.threshold;
  }
};

const ruleKey = (ruleId: string) => `rule:${ruleId}`;
const staleKey = (datastreamId: string) => `stale:${datastreamId}`;

/** `nowMs`: the clock at start (ms since epoch); 0 lets the first `tick` or `ingest` set it. */
export function createRuleEngine(nowMs = 0): RuleEngine {
  const streams = new Map<string, StreamState>();
  const ruleStates = new Map<string, RuleState>();
  let clock = nowMs;

  function watch(state: RuleState, stream: StreamState): void {
    const { condition } = state.rule;
    const rise = condition.measure === 'risePerHour' ? new RiseWindow((condition.windowSeconds ?? 3600) * 1000) : null;
    const w: Watch = { rule: state, datastreamId: stream.descriptor.id, rise, since: null, lastTime: -Infinity, measure: Number.NaN, satisfied: false };
    state.watches.set(stream.descriptor.id, w);
    stream.watches.push(w);
  }

  function addRule(rule: Rule): void {
    const state: RuleState = { rule, json: JSON.stringify(rule), watches: new Map(), satisfiedCount: 0, alertId: null };
    ruleStates.set(rule.id, state);
    if (!rule.enabled) return;
    for (const stream of streams.values()) if (matchesSelector(rule.select, stream.descriptor)) watch(state, stream);
  }

  function removeRule(state: RuleState, at: number, events: AlertEvent[]): void {
    for (const w of state.watches.values()) {
      const stream = streams.get(w.datastreamId);
      if (stream) stream.watches = stream.watches.filter((x) => x !== w);
    }
    ruleStates.delete(state.rule.id);
    if (state.alertId) events.push({ type: 'cleared', alertId: state.alertId, key: ruleKey(state.rule.id), reason: 'ruleChanged', at });
  }

  function satisfyingOf(state: RuleState): { datastreamIds: string[]; values: number[] } {
    const datastreamIds: string[] = [], values: number[] = [];
    for (const w of state.watches.values()) {
      if (w.satisfied) {
        datastreamIds.push(w.datastreamId);
        values.push(w.measure);
      }
    }
    return { datastreamIds, values };
  }

  /** Emits raised / updated / cleared for a rule whose satisfied set just changed. */
  function settle(state: RuleState, at: number, clearReason: 'conditionFalse' | 'stale', events: AlertEvent[]): void {
    const { rule } = state;
    const key = ruleKey(rule.id);
    const firing = state.satisfiedCount >= (rule.minSensors ?? 1);
    if (firing && !state.alertId) {
      state.alertId = `${key}@${at}`;
      events.push({
        type: 'raised', alertId: state.alertId, key, kind: 'rule', ruleId: rule.id, level: rule.level,
        playbookId: rule.playbookId, actions: rule.actions ?? [], ...satisfyingOf(state), at,
      });
    } else if (firing && state.alertId) {
      events.push({ type: 'updated', alertId: state.alertId, key, ...satisfyingOf(state), at });
    } else if (!firing && state.alertId) {
      events.push({ type: 'cleared', alertId: state.alertId, key, reason: clearReason, at });
      state.alertId = null;
    }
  }

  function setSatisfied(w: Watch, satisfied: boolean, at: number, reason: 'conditionFalse' | 'stale', events: AlertEvent[]): void {
    if (w.satisfied === satisfied) return;
    w.satisfied = satisfied;
    w.rule.satisfiedCount += satisfied ? 1 : -1;
    settle(w.rule, at, reason, events);
  }

  function evaluate(w: Watch, time: number, value: number, events: AlertEvent[]): void {
    const { condition } = w.rule.rule;
    if (time <= w.lastTime) return;
    w.lastTime = time;
    w.measure = condition.measure === 'value' ? value
      : condition.measure === 'vnAqi' ? vnAqiOfPm25(value)
      : w.rise!.push(time, value);
    const holds = !Number.isNaN(w.measure) && compare(w.measure, condition);
    if (!holds) {
      w.since = null;
      setSatisfied(w, false, time, 'conditionFalse', events);
      return;
    }
    w.since ??= time;
    if (time - w.since >= (condition.forSeconds ?? 0) * 1000) setSatisfied(w, true, time, 'conditionFalse', events);
  }

  function forget(w: Watch, at: number, events: AlertEvent[]): void {
    w.since = null;
    w.lastTime = -Infinity;
    w.measure = Number.NaN;
    w.rise?.clear();
    setSatisfied(w, false, at, 'stale', events);
  }

  function setDatastreams(list: readonly DatastreamDescriptor[]): void {
    for (const descriptor of list) {
      const existing = streams.get(descriptor.id);
      if (existing) {
        existing.descriptor = descriptor;
        continue;
      }
      const stream: StreamState = { descriptor, watches: [], lastReceivedAt: clock > 0 ? clock : Number.NaN, lastTime: -Infinity, staleAlertId: null };
      streams.set(descriptor.id, stream);
      for (const state of ruleStates.values()) {
        if (state.rule.enabled && matchesSelector(state.rule.select, descriptor)) watch(state, stream);
      }
    }
  }

  return {
    ingest(observations, now) {
      if (now !== undefined) clock = Math.max(clock, now);
      const events: AlertEvent[] = [];
      for (const o of observations) {
        const stream = streams.get(o.datastreamId);
        if (!stream) continue;
        stream.lastReceivedAt = Number.isNaN(stream.lastReceivedAt) ? o.provenance.receivedAt : Math.max(stream.lastReceivedAt, o.provenance.receivedAt);
        if (stream.staleAlertId) {
          events.push({ type: 'cleared', alertId: stream.staleAlertId, key: staleKey(stream.descriptor.id), reason: 'dataResumed', at: o.provenance.receivedAt });
          stream.staleAlertId = null;
        }
        if (o.phenomenonTime <= stream.lastTime) continue;
        stream.lastTime = o.phenomenonTime;
        for (const w of stream.watches) evaluate(w, o.phenomenonTime, o.value, events);
      }
      return events;
    },

    tick(now) {
      clock = Math.max(clock, now);
      const events: AlertEvent[] = [];
      for (const stream of streams.values()) {
        const { id, expectedIntervalSeconds } = stream.descriptor;
        if (Number.isNaN(stream.lastReceivedAt)) stream.lastReceivedAt = clock;
        if (stream.staleAlertId || !(expectedIntervalSeconds > 0)) continue;
        if (!isStale(stream.lastReceivedAt, expectedIntervalSeconds, clock)) continue;
        stream.staleAlertId = `${staleKey(id)}@${clock}`;
        events.push({
          type: 'raised', alertId: stream.staleAlertId, key: staleKey(id), kind: 'stale', ruleId: null, level: 'routine',
          playbookId: null, actions: [], datastreamIds: [id], values: [clock - stream.lastReceivedAt], at: clock,
        });
        for (const w of stream.watches) forget(w, clock, events);
      }
      return events;
    },

    setRules({ rules: next }) {
      const events: AlertEvent[] = [];
      const nextIds = new Set(next.map((r) => r.id));
      for (const state of [...ruleStates.values()]) {
        const replacement = next.find((r) => r.id === state.rule.id);
        if (!nextIds.has(state.rule.id) || JSON.stringify(replacement) !== state.json) removeRule(state, clock, events);
      }
      for (const rule of next) if (!ruleStates.has(rule.id)) addRule(rule);
      return events;
    },

    setDatastreams,
  };
}
