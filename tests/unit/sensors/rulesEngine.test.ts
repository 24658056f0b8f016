import { describe, expect, it } from 'vitest';
import { createRuleEngine } from '../../../src/sensors/rules';
import type { AlertEvent, Rule } from '../../../src/sensors/rules';
import type { DatastreamDescriptor, Observation, SensorKind } from '../../../src/sensors/types';

const T0 = Date.UTC(2025, 8, 20, 14, 0, 0);

function gauge(id: string, kind: SensorKind, area: string | null, intervalSeconds = 60): DatastreamDescriptor {
  return {
    id, name: id, description: null, kind, observedProperty: { name: kind, definition: null },
    unit: { ucum: kind === 'rainfall' ? 'mm/h' : 'm', symbol: 'm', name: null }, thing: { id, name: id },
    location: [105.78, 21.04], area, expectedIntervalSeconds: intervalSeconds, simulated: true, protocol: 'replay',
  };
}

/** An observation `seconds` after T0, received at the same moment. */
function at(datastreamId: string, seconds: number, value: number): Observation {
  const time = T0 + seconds * 1000;
  return { datastreamId, phenomenonTime: time, value, provenance: { protocol: 'replay', source: 'test', sourceId: null, sequence: null, receivedAt: time } };
}

const wardGauges = [gauge('WL-1', 'waterLevel', 'Dịch Vọng Hậu'), gauge('WL-2', 'waterLevel', 'Dịch Vọng Hậu'), gauge('WL-3', 'waterLevel', 'Mai Dịch')];

const waterFor5Minutes: Rule = {
  id: 'flood-dvh', name: { vi: 'Ngập', en: 'Flooding' }, enabled: true,
  select: { kind: 'waterLevel', area: 'Dịch Vọng Hậu' },
  condition: { measure: 'value', op: '>', threshold: 0.3, forSeconds: 300 },
  level: 'special', playbookId: 'flood',
};

function engineWith(rules: Rule[], datastreams: DatastreamDescriptor[]) {
  const engine = createRuleEngine(T0);
  engine.setDatastreams(datastreams);
  engine.setRules({ rules });
  return engine;
}

const raised = (events: AlertEvent[]) => events.filter((e) => e.type === 'raised');

describe('rule engine: threshold held for a duration', () => {
  it('raises special after 5 minutes above 0.3 m at any gauge of the ward, not at 4 min 59 s', () => {
    const engine = engineWith([waterFor5Minutes], wardGauges);
    expect(engine.ingest([at('WL-1', 0, 0.31), at('WL-1', 60, 0.35), at('WL-1', 299, 0.4)])).toEqual([]);
    const events = engine.ingest([at('WL-1', 300, 0.42)]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'raised', kind: 'rule', ruleId: 'flood-dvh', level: 'special', playbookId: 'flood', datastreamIds: ['WL-1'], values: [0.42], at: T0 + 300_000 });
  });

  it('restarts the duration when the value dips to the threshold (> is strict)', () => {
    const engine = engineWith([waterFor5Minutes], wardGauges);
    engine.ingest([at('WL-1', 0, 0.4), at('WL-1', 200, 0.3), at('WL-1', 240, 0.5)]);
    expect(engine.ingest([at('WL-1', 500, 0.5)])).toEqual([]);
    expect(raised(engine.ingest([at('WL-1', 540, 0.5)]))).toHaveLength(1);
  });

  it('ignores gauges outside the ward and other kinds', () => {
    const engine = engineWith([waterFor5Minutes], [...wardGauges, gauge('RG-1', 'rainfall', 'Dịch Vọng Hậu')]);
    expect(engine.ingest([at('WL-3', 0, 2), at('WL-3', 600, 2), at('RG-1', 0, 90), at('RG-1', 600, 90)])).toEqual([]);
  });

  it('re-arms after the condition clears: a second episode raises a second alert', () => {
    const engine = engineWith([waterFor5Minutes], wardGauges);
    const first = raised(engine.ingest([at('WL-1', 0, 0.5), at('WL-1', 300, 0.5), at('WL-1', 360, 0.6)]));
    expect(first).toHaveLength(1);
    const cleared = engine.ingest([at('WL-1', 420, 0.2)]);
    expect(cleared).toEqual([{ type: 'cleared', alertId: first[0]!.alertId, key: 'rule:flood-dvh', reason: 'conditionFalse', at: T0 + 420_000 }]);
    expect(engine.ingest([at('WL-1', 480, 0.5), at('WL-1', 779, 0.5)])).toEqual([]);
    const second = raised(engine.ingest([at('WL-1', 780, 0.5)]));
    expect(second).toHaveLength(1);
    expect(second[0]!.alertId).not.toBe(first[0]!.alertId);
  });

  it('reports a second gauge joining an active alert as an update, and clears only when both fall', () => {
    const engine = engineWith([waterFor5Minutes], wardGauges);
    engine.ingest([at('WL-1', 0, 0.5), at('WL-2', 0, 0.5), at('WL-1', 300, 0.5)]);
    expect(engine.ingest([at('WL-2', 300, 0.7)])).toMatchObject([{ type: 'updated', datastreamIds: ['WL-1', 'WL-2'], values: [0.5, 0.7] }]);
    expect(engine.ingest([at('WL-1', 360, 0.1)])).toMatchObject([{ type: 'updated', datastreamIds: ['WL-2'] }]);
    expect(engine.ingest([at('WL-2', 360, 0.1)])).toMatchObject([{ type: 'cleared', reason: 'conditionFalse' }]);
  });

  it('does not evaluate a value older than the last one (out of order)', () => {
    const engine = engineWith([{ ...waterFor5Minutes, condition: { measure: 'value', op: '>', threshold: 0.3 } }], wardGauges);
    engine.ingest([at('WL-1', 100, 0.1)]);
    expect(engine.ingest([at('WL-1', 50, 0.9)])).toEqual([]);
  });
});

describe('rule engine: N sensors in an area', () => {
  const twoGauges: Rule = { ...waterFor5Minutes, id: 'two', select: { kind: 'waterLevel' }, condition: { measure: 'value', op: '>=', threshold: 0.5 }, minSensors: 2, level: 'emergency' };

  it('fires only when the second gauge crosses', () => {
    const engine = engineWith([twoGauges], wardGauges);
    expect(engine.ingest([at('WL-1', 0, 0.6), at('WL-1', 60, 0.8)])).toEqual([]);
    const events = engine.ingest([at('WL-3', 61, 0.5)]);
    expect(events).toMatchObject([{ type: 'raised', level: 'emergency', datastreamIds: ['WL-1', 'WL-3'] }]);
  });

  it('watches datastreams discovered after the rule was loaded', () => {
    const engine = engineWith([twoGauges], wardGauges.slice(0, 1));
    engine.ingest([at('WL-1', 0, 0.6), at('WL-2', 0, 0.9)]);
    engine.setDatastreams([wardGauges[1]!]);
    expect(raised(engine.ingest([at('WL-2', 10, 0.9)]))).toHaveLength(1);
  });
});

describe('rule engine: rate of rise', () => {
  const rising: Rule = {
    ...waterFor5Minutes, id: 'rise', select: { datastreamIds: ['WL-2'] },
    condition: { measure: 'risePerHour', op: '>=', threshold: 0.6, windowSeconds: 900 },
  };

  it('measures the rise over the window: 0.15 m in 15 min = 0.6 m/h fires, 0.14 m does not', () => {
    const slow = engineWith([rising], wardGauges);
    const slowEvents = [0, 300, 600, 900].flatMap((s) => slow.ingest([at('WL-2', s, 0.1 + (0.14 * s) / 900)]));
    expect(slowEvents).toEqual([]);
    const fast = engineWith([rising], wardGauges);
    expect(fast.ingest([at('WL-2', 0, 0.1), at('WL-2', 300, 0.15), at('WL-2', 600, 0.2)])).toEqual([]);
    const events = fast.ingest([at('WL-2', 900, 0.25)]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'raised', datastreamIds: ['WL-2'] });
    expect((events[0] as { values: number[] }).values[0]).toBeCloseTo(0.6, 9);
  });

  it('slides the window: a rise that levels off clears', () => {
    const engine = engineWith([rising], wardGauges);
    engine.ingest([0, 300, 600, 900].map((s) => at('WL-2', s, 0.1 + s / 3600)));
    expect(engine.ingest([at('WL-2', 1200, 0.35), at('WL-2', 1500, 0.35)])).toMatchObject([{ type: 'cleared', reason: 'conditionFalse' }]);
  });
});

describe('rule engine: stale data', () => {
  it('raises a stale alert after 3 × the interval of silence, and clears it when data resumes', () => {
    const engine = engineWith([], wardGauges);
    engine.ingest([at('WL-1', 0, 0.1), at('WL-2', 0, 0.1), at('WL-3', 0, 0.1)]);
    expect(engine.tick(T0 + 180_000)).toEqual([]);
    engine.ingest([at('WL-2', 170, 0.1), at('WL-3', 170, 0.1)]);
    const stale = engine.tick(T0 + 181_000);
    expect(stale).toMatchObject([{ type: 'raised', kind: 'stale', level: 'routine', datastreamIds: ['WL-1'], key: 'stale:WL-1' }]);
    expect(engine.tick(T0 + 200_000)).toEqual([]);
    expect(engine.ingest([at('WL-1', 210, 0.1)])).toMatchObject([{ type: 'cleared', key: 'stale:WL-1', reason: 'dataResumed' }]);
  });

  it('counts silence from start-up for a datastream that never sent anything', () => {
    const engine = engineWith([], [gauge('WL-9', 'waterLevel', null, 10)]);
    expect(engine.tick(T0 + 30_000)).toEqual([]);
    expect(raised(engine.tick(T0 + 30_001))).toHaveLength(1);
  });

  it('started without a clock, counts silence from the first tick, not from 1970', () => {
    const engine = createRuleEngine();
    engine.setDatastreams([gauge('WL-9', 'waterLevel', null, 10)]);
    expect(engine.tick(T0)).toEqual([]);
    expect(engine.tick(T0 + 30_000)).toEqual([]);
    expect(raised(engine.tick(T0 + 30_001))).toHaveLength(1);
  });

  it('does not keep a rule alert alive on stale data: the alert clears with reason stale, and the duration restarts', () => {
    const engine = engineWith([waterFor5Minutes], wardGauges.slice(0, 1));
    engine.ingest([at('WL-1', 0, 0.5), at('WL-1', 300, 0.5)]);
    const events = engine.tick(T0 + 300_000 + 180_001);
    expect(events.map((e) => [e.type, e.key, e.type === 'cleared' ? e.reason : null])).toEqual([
      ['raised', 'stale:WL-1', null],
      ['cleared', 'rule:flood-dvh', 'stale'],
    ]);
    // Data comes back above the threshold: the 5 minutes count again from the first fresh value.
    expect(raised(engine.ingest([at('WL-1', 500, 0.5)]))).toEqual([]);
    expect(raised(engine.ingest([at('WL-1', 800, 0.5)]))).toHaveLength(1);
  });
});

describe('rule engine: editing rules', () => {
  it('keeps the state of unchanged rules and clears alerts of changed or removed ones', () => {
    const other: Rule = { ...waterFor5Minutes, id: 'other', condition: { measure: 'value', op: '>', threshold: 0.2 } };
    const engine = engineWith([waterFor5Minutes, other], wardGauges);
    engine.ingest([at('WL-1', 0, 0.5), at('WL-1', 300, 0.5)]);
    const events = engine.setRules({ rules: [waterFor5Minutes, { ...other, level: 'emergency' }] });
    expect(events).toMatchObject([{ type: 'cleared', key: 'rule:other', reason: 'ruleChanged' }]);
    // The changed rule re-evaluates from the next value; the unchanged one stays raised (no second raise).
    expect(engine.ingest([at('WL-1', 360, 0.5)])).toMatchObject([{ type: 'raised', ruleId: 'other', level: 'emergency' }]);
  });

  it('a disabled rule watches nothing', () => {
    const engine = engineWith([{ ...waterFor5Minutes, enabled: false }], wardGauges);
    expect(engine.ingest([at('WL-1', 0, 1), at('WL-1', 600, 1)])).toEqual([]);
  });
});

describe('rule engine: air quality', () => {
  it('compares the VN_AQI sub-index of PM2.5: 80 µg/m³ is AQI 150, 80.5 is above', () => {
    const pm = gauge('PM-1', 'pm25', null, 3600);
    const rule: Rule = { ...waterFor5Minutes, id: 'aqi', select: { kind: 'pm25' }, condition: { measure: 'vnAqi', op: '>', threshold: 150 } };
    const engine = engineWith([rule], [pm]);
    expect(engine.ingest([at('PM-1', 0, 80)])).toEqual([]);
    const events = engine.ingest([at('PM-1', 3600, 80.5)]);
    expect(events).toMatchObject([{ type: 'raised', ruleId: 'aqi' }]);
    expect((events[0] as { values: number[] }).values[0]).toBeCloseTo(150 + (50 / 70) * 0.5, 9);
  });
});
