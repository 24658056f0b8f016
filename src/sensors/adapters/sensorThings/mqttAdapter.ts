/**
 * The SensorThings MQTT extension (OGC 18-088 §14): a client subscribed to `v1.1/Datastreams(id)/Observations`
 * receives each new Observation as the JSON the HTTP API would return. A message on `v1.1/Datastreams(id)` is the
 * Datastream entity itself (§14.2.1); when it carries `Thing/Locations` and `ObservedProperty` inline (Sao's
 * simulator publishes them retained) it describes the datastream, otherwise the description comes from HTTP.
 */
import { isRecord, malformed, parseJsonPayload, type MessageContext } from '../malformed';
import type { ObservationSink } from '../sink';
import { datastreamIdOf, datastreamOf, observationOf } from './entities';

const OBSERVATIONS_TOPIC = /^v1\.[01]\/Datastreams\((\d+|'(?:[^']|'')*')\)\/Observations$/;
const DATASTREAM_TOPIC = /^v1\.[01]\/Datastreams\((\d+|'(?:[^']|'')*')\)$/;

/** `12` → 12, `'ws-7'` → "ws-7" (§9.2.3 quoting). */
function iotIdOfKey(key: string): string | number {
  return key.startsWith("'") ? key.slice(1, -1).replaceAll("''", "'") : Number(key);
}

export interface SensorThingsMqttAdapter {
  /** Datastreams known from HTTP (or earlier entity messages); observations of others are `unknownSensor`. */
  know(datastreamId: string): void;
  handle(topic: string, payload: Uint8Array | string, receivedAt: number, sink: ObservationSink): void;
}

/**
 * `serviceRoot` namespaces ids, so the same Datastream read over HTTP and MQTT is one datastream; `brokerUrl` is
 * told in provenance.
 */
export function createSensorThingsMqttAdapter(serviceRoot: string, brokerUrl: string): SensorThingsMqttAdapter {
  const known = new Set<string>();
  return {
    know: (datastreamId) => void known.add(datastreamId),
    handle(topic, payload, receivedAt, sink) {
      const context: MessageContext = { protocol: 'sensorthings-mqtt', source: `${brokerUrl}|${topic}`, receivedAt };
      const observationKey = OBSERVATIONS_TOPIC.exec(topic)?.[1];
      const datastreamKey = observationKey === undefined ? DATASTREAM_TOPIC.exec(topic)?.[1] : undefined;
      if (observationKey === undefined && datastreamKey === undefined) {
        sink.malformed(malformed(context, 'unknownSensor', `chủ đề ${topic} không phải chủ đề SensorThings`, `topic ${topic} is not a SensorThings topic`));
        return;
      }
      const json = parseJsonPayload(payload, context);
      if (!json.ok) return sink.malformed(json.malformed);
      if (datastreamKey !== undefined) {
        const entity = isRecord(json.value) ? { '@iot.id': iotIdOfKey(datastreamKey), ...json.value } : json.value;
        const parsed = datastreamOf(entity, serviceRoot, context);
        if (!parsed.ok) return sink.malformed(parsed.malformed);
        known.add(parsed.value.id);
        return sink.datastream(parsed.value);
      }
      const datastreamId = datastreamIdOf(serviceRoot, iotIdOfKey(observationKey!));
      if (!known.has(datastreamId)) {
        sink.malformed(malformed(context, 'unknownSensor', `không biết Datastream ${observationKey}`, `unknown Datastream ${observationKey}`));
        return;
      }
      const parsed = observationOf(json.value, datastreamId, context);
      if (parsed.ok) sink.observation(parsed.value);
      else sink.malformed(parsed.malformed);
    },
  };
}
