/**
 * How `npm run sensors:sim` publishes the demo storm: plain MQTT JSON on `sao/demo/<rain|water>/<gauge>` with
 * `{ "value", "time", "seq" }`, and the mapping config that reads it back (also committed as
 * assets/demo/sensors/storm-mqtt-mapping.json for the connection panel).
 */
import type { MqttJsonMapping } from '../../src/sensors/adapters/mqttJson/mapping';
import type { DemoGauge } from '../../src/sensors/replay/demoGauges';
import { STORM_SAMPLE_MINUTES } from '../../src/sensors/replay/demoGauges';

export function stormTopic(gauge: Pick<DemoGauge, 'id' | 'kind'>): string {
  return `sao/demo/${gauge.kind === 'rainfall' ? 'rain' : 'water'}/${gauge.id}`;
}

export function stormMqttMapping(gauges: readonly DemoGauge[], speed = 60): MqttJsonMapping {
  return {
    datastreams: gauges.map((gauge) => ({
      topic: stormTopic(gauge),
      value: '$.value',
      time: '$.time',
      sequence: '$.seq',
      datastream: {
        name: gauge.name,
        kind: gauge.kind,
        unit: gauge.kind === 'rainfall' ? 'mm/h' : 'm',
        observedProperty: { name: gauge.kind === 'rainfall' ? 'rainfall intensity' : 'water level', definition: null },
        thing: { id: gauge.id, name: gauge.name },
        location: gauge.location,
        area: gauge.area,
        expectedIntervalSeconds: (STORM_SAMPLE_MINUTES * 60) / speed,
        simulated: true,
      },
    })),
  };
}
