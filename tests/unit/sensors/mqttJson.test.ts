import { describe, expect, it } from 'vitest';
import { createMqttJsonAdapter } from '../../../src/sensors/adapters/mqttJson/adapter';
import { compileJsonPath } from '../../../src/sensors/adapters/mqttJson/jsonPath';
import { topicPattern } from '../../../src/sensors/adapters/mqttJson/mapping';
import { MAX_PAYLOAD_BYTES } from '../../../src/sensors/adapters/malformed';
import { collectingSink } from '../../../src/sensors/adapters/sink';
import { SourceError } from '../../../src/sensors/SourceError';
import mapping from '../../../assets/demo/sensors/storm-mqtt-mapping.json';

const BROKER = 'ws://127.0.0.1:9001';
const T0 = Date.parse('2025-07-01T10:00:00Z');

const benchMapping = {
  datastreams: [
    {
      topic: 'sao/bench/+/level',
      value: '$.reading.v',
      time: '$.t',
      sequence: 'seq',
      datastream: { name: 'Cảm biến {1}', kind: 'waterLevel', unit: 'm', observedProperty: { name: 'water level', definition: null }, thing: { id: '{1}', name: 'Trạm {1}' }, location: [105.78, 21.04], area: 'Dịch Vọng Hậu', expectedIntervalSeconds: 10, simulated: false },
    },
  ],
};

function handle(payload: string | Uint8Array, topic = 'sao/bench/s7/level') {
  const sink = collectingSink();
  createMqttJsonAdapter(benchMapping, BROKER).handle(topic, payload, T0, sink);
  return sink;
}

describe('plain MQTT JSON by a mapping file', () => {
  it('reads value, time and sequence at the configured paths and names the datastream from the wildcard', () => {
    const sink = handle(JSON.stringify({ reading: { v: 0.42 }, t: '2025-07-01T09:59:30Z', seq: 17 }));
    expect(sink.malformedMessages).toEqual([]);
    expect(sink.datastreams).toHaveLength(1);
    const [d] = sink.datastreams;
    expect(d!.id).toBe(`mqtt:${BROKER}|sao/bench/s7/level`);
    expect(d!.name).toBe('Cảm biến s7');
    expect(d!.thing).toEqual({ id: 's7', name: 'Trạm s7' });
    expect(d!.unit).toEqual({ ucum: 'm', symbol: 'm', name: null });
    expect(d!.protocol).toBe('mqtt-json');
    expect(sink.observations).toEqual([
      {
        datastreamId: d!.id,
        phenomenonTime: Date.parse('2025-07-01T09:59:30Z'),
        value: 0.42,
        provenance: { protocol: 'mqtt-json', source: `${BROKER}|sao/bench/s7/level`, sourceId: null, sequence: 17, receivedAt: T0 },
      },
    ]);
  });

  it('announces a datastream once, however many messages it sends', () => {
    const sink = collectingSink();
    const adapter = createMqttJsonAdapter(benchMapping, BROKER);
    for (let seq = 0; seq < 3; seq++) adapter.handle('sao/bench/a/level', JSON.stringify({ reading: { v: seq }, t: T0 + seq, seq }), T0, sink);
    expect(sink.datastreams).toHaveLength(1);
    expect(sink.observations.map((o) => o.value)).toEqual([0, 1, 2]);
  });

  it('reads the demo storm mapping the simulator publishes with', () => {
    const sink = collectingSink();
    const adapter = createMqttJsonAdapter(mapping, BROKER);
    expect(adapter.topics).toContain('sao/demo/water/WL-02');
    adapter.handle('sao/demo/water/WL-02', JSON.stringify({ value: 0.31, time: T0, seq: 0 }), T0, sink);
    expect(sink.datastreams[0]).toMatchObject({ kind: 'waterLevel', area: 'Dịch Vọng Hậu', simulated: true, unit: { ucum: 'm' } });
    expect(sink.observations[0]!.value).toBe(0.31);
  });

  it('takes the arrival time when the mapping names no time field', () => {
    const noTime = structuredClone(benchMapping);
    delete (noTime.datastreams[0] as { time?: string }).time;
    const sink = collectingSink();
    createMqttJsonAdapter(noTime, BROKER).handle('sao/bench/x/level', '{"reading":{"v":1}}', T0, sink);
    expect(sink.observations[0]!.phenomenonTime).toBe(T0);
    expect(sink.observations[0]!.provenance.sequence).toBeNull();
  });

  describe('malformed messages are counted by reason with a specific message, never thrown', () => {
    const cases: [string, string | Uint8Array, string, RegExp, string?][] = [
      ['bad JSON', '{"reading": {"v": 0.4', 'badJson', /invalid JSON/],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'badJson', /not UTF-8/],
      ['a string value', JSON.stringify({ reading: { v: 'abc' }, t: T0 }), 'wrongType', /field `\$\.reading\.v` is a string "abc", expected a number/],
      ['a value that is not finite JSON', JSON.stringify({ reading: { v: null }, t: T0 }), 'wrongType', /is null, expected a number/],
      ['no value', JSON.stringify({ reading: {}, t: T0 }), 'missingField', /field `\$\.reading\.v` is missing/],
      ['no time', JSON.stringify({ reading: { v: 1 } }), 'missingField', /field `\$\.t` is missing/],
      ['a time that is not a time', JSON.stringify({ reading: { v: 1 }, t: 'yesterday' }), 'wrongType', /expected an ISO 8601 time/],
      ['a sequence that is not a number', JSON.stringify({ reading: { v: 1 }, t: T0, seq: '7' }), 'wrongType', /field `seq` is a string "7"/],
      ['a topic not in the mapping', JSON.stringify({ reading: { v: 1 }, t: T0 }), 'unknownSensor', /topic sao\/other\/x is not in the mapping file/, 'sao/other/x'],
    ];
    it.each(cases)('%s', (_, payload, reason, english, topic) => {
      const sink = handle(payload, topic);
      expect(sink.observations).toEqual([]);
      expect(sink.malformedMessages).toHaveLength(1);
      const [message] = sink.malformedMessages;
      expect(message!.reason).toBe(reason);
      expect(message!.detail.en).toMatch(english);
      expect(message!.detail.vi.length).toBeGreaterThan(5);
      expect(message!.protocol).toBe('mqtt-json');
    });

    it('a payload over 10 MB is refused before parsing', () => {
      const big = new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(0x20);
      const sink = handle(big);
      expect(sink.malformedMessages.map((m) => [m.reason, m.detail.en])).toEqual([['tooLarge', 'message of 10.0 MB exceeds the 10 MB limit']]);
    });
  });

  it('rejects a mapping file with the field at fault named', () => {
    const bad = (patch: object) => () => createMqttJsonAdapter({ datastreams: [{ ...benchMapping.datastreams[0], ...patch }] }, BROKER);
    expect(bad({ topic: 'a/#/b' })).toThrow(/`datastreams\[0\]\.topic`: is not an MQTT topic filter/);
    expect(bad({ value: '$..v' })).toThrow(/`datastreams\[0\]\.value`: "\$\.\.v" is not a JSON path/);
    expect(bad({ datastream: { ...benchMapping.datastreams[0]!.datastream, kind: 'noise' } })).toThrow(SourceError);
    expect(bad({ datastream: { ...benchMapping.datastreams[0]!.datastream, expectedIntervalSeconds: 0 } })).toThrow(/expectedIntervalSeconds/);
    expect(() => createMqttJsonAdapter({ sensors: [] }, BROKER)).toThrow(/`datastreams`: expected an array/);
  });

  it('matches MQTT topic filters as MQTT 3.1.1 §4.7 says', () => {
    expect(topicPattern('sao/#')!.test('sao')).toBe(true);
    expect(topicPattern('sao/#')!.test('sao/a/b')).toBe(true);
    expect(topicPattern('sao/+/level')!.test('sao/a/b/level')).toBe(false);
    expect(topicPattern('sao/+/level')!.test('sao/a/level')).toBe(true);
    expect(topicPattern('sao/a+')).toBeNull();
    expect(compileJsonPath('$.data.readings[0].v')).toEqual(['data', 'readings', 0, 'v']);
    expect(compileJsonPath("$['odd key']")).toEqual(['odd key']);
  });
});
