/**
 * Plain MQTT with JSON payloads (issue 5 §1): a topic the mapping config knows becomes one observation per message,
 * its value, time and sequence read at the configured JSON paths. A topic no entry matches is `unknownSensor`.
 */
import type { DatastreamDescriptor } from '../../types';
import { malformed, parseJsonPayload, readNumber, readTime, type MessageContext } from '../malformed';
import type { ObservationSink } from '../sink';
import { readJsonPath } from './jsonPath';
import { compileMapping, descriptorOf, type CompiledEntry } from './mapping';

interface MappedTopic {
  compiled: CompiledEntry;
  descriptor: DatastreamDescriptor;
  source: string;
}

export interface MqttJsonAdapter {
  /** The topic filters to subscribe to: the mapping's patterns. */
  readonly topics: readonly string[];
  handle(topic: string, payload: Uint8Array | string, receivedAt: number, sink: ObservationSink): void;
}

/** `mapping` is the parsed config file; a mistake in it throws a `SourceError` naming the field. */
export function createMqttJsonAdapter(mapping: unknown, brokerUrl: string): MqttJsonAdapter {
  const entries = compileMapping(mapping);
  const mapped = new Map<string, MappedTopic>();

  /** The entry a concrete topic belongs to, found once per topic; its descriptor goes to the sink then. */
  function lookUp(topic: string, sink: ObservationSink): MappedTopic | null {
    const known = mapped.get(topic);
    if (known) return known;
    for (const compiled of entries) {
      const match = compiled.topic.exec(topic);
      if (!match) continue;
      const found = { compiled, descriptor: descriptorOf(compiled, brokerUrl, topic, match.slice(1)), source: `${brokerUrl}|${topic}` };
      mapped.set(topic, found);
      sink.datastream(found.descriptor);
      return found;
    }
    return null;
  }

  return {
    topics: [...new Set(entries.map((e) => e.entry.topic))],
    handle(topic, payload, receivedAt, sink) {
      const found = lookUp(topic, sink);
      const context: MessageContext = { protocol: 'mqtt-json', source: found?.source ?? `${brokerUrl}|${topic}`, receivedAt };
      if (!found) {
        sink.malformed(malformed(context, 'unknownSensor', `chủ đề ${topic} không có trong tệp ánh xạ`, `topic ${topic} is not in the mapping file`));
        return;
      }
      const json = parseJsonPayload(payload, context);
      if (!json.ok) return sink.malformed(json.malformed);
      const { compiled } = found;
      const value = readNumber(readJsonPath(json.value, compiled.value), compiled.entry.value, context);
      if (!value.ok) return sink.malformed(value.malformed);
      const time = compiled.time ? readTime(readJsonPath(json.value, compiled.time), compiled.entry.time!, context) : { ok: true as const, value: receivedAt };
      if (!time.ok) return sink.malformed(time.malformed);
      // A sequence number is optional even where the mapping names one; a wrong one is still an error.
      const rawSequence = compiled.sequence ? readJsonPath(json.value, compiled.sequence) : undefined;
      const sequence = rawSequence === undefined ? null : readNumber(rawSequence, compiled.entry.sequence!, context);
      if (sequence && !sequence.ok) return sink.malformed(sequence.malformed);
      sink.observation({
        datastreamId: found.descriptor.id,
        phenomenonTime: time.value,
        value: value.value,
        provenance: { protocol: 'mqtt-json', source: found.source, sourceId: null, sequence: sequence?.value ?? null, receivedAt },
      });
    },
  };
}
