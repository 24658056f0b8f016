/**
 * NGSI-LD notifications (ETSI GS CIM 009 §5.3.1: `{ type: "Notification", subscriptionId, notifiedAt, data: [
 * entities ] }`) of the four smart data models, in normalized form (`{ type: "Property", value, observedAt,
 * unitCode }`) or keyValues form (bare values). They reach a browser through the MQTT notification binding
 * (§ 5.2.15 endpoint `mqtt://…/topic`), hence this adapter takes a topic and a payload like the others. Each numeric
 * attribute the model knows is a datastream `ngsi-ld:<entity id>|<attribute>`.
 */
import type { DatastreamDescriptor } from '../../types';
import { ucumOfCefact, ucumUnit } from '../../units';
import { pointOf } from '../sensorThings/entities';
import { describeValue, isRecord, malformed, parseJsonPayload, readTime, type MessageContext } from '../malformed';
import type { ObservationSink } from '../sink';
import { SMART_DATA_MODELS, modelOf } from './smartDataModels';

export interface NgsiLdAdapterOptions {
  brokerUrl: string;
  /** NGSI-LD says nothing about a sensor's rhythm; the subscription's config does. */
  expectedIntervalSeconds: number;
}

/** `{ value }` of a normalized attribute, the bare value of a keyValues one. */
const valueOf = (attribute: unknown): unknown => (isRecord(attribute) && 'value' in attribute ? attribute.value : attribute);

/** A DateTime value: a string, or JSON-LD `{ "@type": "DateTime", "@value": "…" }`. */
const timeValue = (value: unknown): unknown => (isRecord(value) && '@value' in value ? value['@value'] : value);

const textOf = (attribute: unknown): string | null => {
  const value = valueOf(attribute);
  return typeof value === 'string' && value.length > 0 ? value : null;
};

export interface NgsiLdAdapter {
  handle(topic: string, payload: Uint8Array | string, receivedAt: number, sink: ObservationSink): void;
}

export function createNgsiLdAdapter(options: NgsiLdAdapterOptions): NgsiLdAdapter {
  const described = new Map<string, string>();

  function describe(descriptor: DatastreamDescriptor, sink: ObservationSink): void {
    // Re-announce only when what the entity says about itself changed (moved, renamed, new unit).
    const key = JSON.stringify([descriptor.name, descriptor.location, descriptor.area, descriptor.unit.ucum]);
    if (described.get(descriptor.id) === key) return;
    described.set(descriptor.id, key);
    sink.datastream(descriptor);
  }

  function entity(json: unknown, notifiedAt: unknown, context: MessageContext, sink: ObservationSink): void {
    if (!isRecord(json)) return sink.malformed(malformed(context, 'wrongType', 'thực thể NGSI-LD không phải đối tượng', 'an NGSI-LD entity is not an object'));
    if (typeof json.id !== 'string' || typeof json.type !== 'string') {
      return sink.malformed(malformed(context, 'missingField', 'thực thể NGSI-LD thiếu `id` hoặc `type`', 'an NGSI-LD entity has no `id` or `type`'));
    }
    const model = modelOf(json.type);
    if (!model) {
      return sink.malformed(malformed(context, 'unknownSensor', `kiểu thực thể ${json.type} không thuộc WaterObserved, AirQualityObserved, WeatherObserved, TrafficFlowObserved`, `entity type ${json.type} is not WaterObserved, AirQualityObserved, WeatherObserved or TrafficFlowObserved`));
    }
    const entityTime = timeValue(valueOf(json.dateObserved ?? json.dateObservedTo)) ?? timeValue(notifiedAt) ?? context.receivedAt;
    const name = textOf(json.name) ?? json.id;
    let observed = 0;
    for (const [attributeName, spec] of Object.entries(SMART_DATA_MODELS[model])) {
      const attribute = json[attributeName];
      if (attribute === undefined) continue;
      const field = `${json.id}.${attributeName}`;
      const value = valueOf(attribute);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const found = describeValue(value);
        sink.malformed(malformed(context, 'wrongType', `\`${field}\` là ${found.vi}, cần một số`, `\`${field}\` is ${found.en}, expected a number`));
        continue;
      }
      const time = readTime(isRecord(attribute) && attribute.observedAt !== undefined ? attribute.observedAt : entityTime, `${field}.observedAt`, context);
      if (!time.ok) {
        sink.malformed(time.malformed);
        continue;
      }
      const unitCode = isRecord(attribute) && typeof attribute.unitCode === 'string' ? attribute.unitCode : null;
      const datastreamId = `ngsi-ld:${json.id}|${attributeName}`;
      describe(
        {
          id: datastreamId,
          name: `${name} · ${attributeName}`,
          description: textOf(json.description),
          kind: spec.kind,
          observedProperty: { name: attributeName, definition: `https://smartdatamodels.org/${model}#${attributeName}` },
          unit: ucumUnit(unitCode ? (ucumOfCefact(unitCode) ?? unitCode) : spec.ucum),
          thing: { id: json.id, name },
          location: pointOf(valueOf(json.location)),
          area: textOf(json.areaServed),
          expectedIntervalSeconds: options.expectedIntervalSeconds,
          simulated: valueOf(json.simulated) === true,
          protocol: 'ngsi-ld',
        },
        sink,
      );
      sink.observation({
        datastreamId,
        phenomenonTime: time.value,
        value,
        provenance: { protocol: 'ngsi-ld', source: context.source, sourceId: `${json.id}@${new Date(time.value).toISOString()}`, sequence: null, receivedAt: context.receivedAt },
      });
      observed++;
    }
    if (observed === 0) {
      const known = Object.keys(SMART_DATA_MODELS[model]).join(', ');
      sink.malformed(malformed(context, 'missingField', `${json.id} không có thuộc tính đo nào của ${model} (${known})`, `${json.id} has none of the measured attributes of ${model} (${known})`));
    }
  }

  return {
    handle(topic, payload, receivedAt, sink) {
      const base: MessageContext = { protocol: 'ngsi-ld', source: `${options.brokerUrl}|${topic}`, receivedAt };
      const json = parseJsonPayload(payload, base);
      if (!json.ok) return sink.malformed(json.malformed);
      const notification = isRecord(json.value) && json.value.type === 'Notification' ? json.value : null;
      const context = notification && typeof notification.subscriptionId === 'string' ? { ...base, source: notification.subscriptionId } : base;
      if (notification && !Array.isArray(notification.data)) {
        return sink.malformed(malformed(context, 'missingField', 'thông báo NGSI-LD thiếu mảng `data`', 'the NGSI-LD notification has no `data` array'));
      }
      const entities = notification ? (notification.data as unknown[]) : Array.isArray(json.value) ? json.value : [json.value];
      for (const item of entities) entity(item, notification?.notifiedAt, context, sink);
    },
  };
}
