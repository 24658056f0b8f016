/**
 * A load of sequence-numbered messages over many topics, for the benchmark and the 2,000 messages/s end-to-end
 * test: `sao/load/s000` … with `{ "v", "t", "seq" }`, one sequence per topic, read back by one wildcard mapping entry.
 */
import type { MqttJsonMapping } from '../../src/sensors/adapters/mqttJson/mapping';

export const loadTopic = (k: number): string => `sao/load/s${String(k).padStart(3, '0')}`;

export const LOAD_MAPPING: MqttJsonMapping = {
  datastreams: [
    {
      topic: 'sao/load/+',
      value: '$.v',
      time: '$.t',
      sequence: '$.seq',
      datastream: {
        name: 'Tải thử {1}',
        kind: 'other',
        unit: '1',
        observedProperty: { name: 'load test value', definition: null },
        thing: { id: '{1}', name: 'Tải thử {1}' },
        location: null,
        area: null,
        expectedIntervalSeconds: 5,
        simulated: true,
      },
    },
  ],
};

export const loadPayload = (k: number, seq: number, now: number): string => `{"v":${(seq % 1000) / 10 + k},"t":${now},"seq":${seq}}`;
