/**
 * SensorThings API 1.1 entities (OGC 18-088, §8.2) → Sao's model. A Datastream becomes a `DatastreamDescriptor` when
 * its Thing (with Locations) and ObservedProperty are expanded inline, as the HTTP client requests them; an
 * Observation's `result` must be a number (Sao charts and thresholds measurements, OM_Measurement).
 */
import { kindOf } from '../../kinds';
import type { DatastreamDescriptor, Observation } from '../../types';
import { ucumOfSensorThingsUnit, ucumUnit } from '../../units';
import { describeValue, isRecord, malformed, readNumber, readTime, type MessageContext, type Parsed } from '../malformed';

/** When a Datastream says nothing about its rhythm (`properties.expectedIntervalSeconds`), Sao expects a value a minute. */
export const DEFAULT_INTERVAL_SECONDS = 60;

/** The resource path of an entity in a URL or topic: `Datastreams(12)`, `Datastreams('ws-7')` (§9.2.3: strings quoted). */
export function entityPath(set: string, iotId: string | number): string {
  return typeof iotId === 'number' ? `${set}(${iotId})` : `${set}('${iotId.replaceAll("'", "''")}')`;
}

/** Sao's id of a SensorThings Datastream: unique across services (Decree 269 Art. 21.3.a). */
export function datastreamIdOf(serviceRoot: string, iotId: string | number): string {
  return `sta:${serviceRoot}|${entityPath('Datastreams', iotId)}`;
}

function readIotId(entity: Record<string, unknown>, what: string, context: MessageContext): Parsed<string | number> {
  const id = entity['@iot.id'];
  if (typeof id === 'number' || (typeof id === 'string' && id.length > 0)) return { ok: true, value: id };
  if (id === undefined) return { ok: false, malformed: malformed(context, 'missingField', `${what} thiếu \`@iot.id\``, `${what} has no \`@iot.id\``) };
  const found = describeValue(id);
  return { ok: false, malformed: malformed(context, 'wrongType', `\`@iot.id\` của ${what} là ${found.vi}`, `the ${what}'s \`@iot.id\` is ${found.en}`) };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** WGS 84 position of a SensorThings Location (`encodingType` application/geo+json: a Point, or a Feature of one). */
export function pointOf(location: unknown): [number, number] | [number, number, number] | null {
  const geometry = isRecord(location) && location.type === 'Feature' ? location.geometry : location;
  if (!isRecord(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
  const [lon, lat, height] = geometry.coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  return typeof height === 'number' ? [lon, lat, height] : [lon, lat];
}

function thingOf(datastream: Record<string, unknown>, thingFallback: Record<string, unknown> | null) {
  const thing = isRecord(datastream.Thing) ? datastream.Thing : thingFallback;
  const locations = thing && Array.isArray(thing.Locations) ? thing.Locations : [];
  const first = locations.find((l): l is Record<string, unknown> => isRecord(l) && pointOf(l.location) !== null);
  const properties = thing && isRecord(thing.properties) ? thing.properties : {};
  return {
    id: thing ? String(thing['@iot.id'] ?? '') : '',
    name: text(thing?.name) ?? '',
    location: first ? pointOf(first.location) : null,
    // Sao reads the ward from the Thing's free-form properties (`area` or `ward`); SensorThings has no such field.
    area: text(properties.area) ?? text(properties.ward),
  };
}

/**
 * A Datastream (with `Thing/Locations` and `ObservedProperty` expanded, or its Thing given as `thingFallback` when
 * it was expanded from a Thing) as a descriptor.
 */
export function datastreamOf(
  entity: unknown,
  serviceRoot: string,
  context: MessageContext,
  thingFallback: Record<string, unknown> | null = null,
): Parsed<DatastreamDescriptor> {
  if (!isRecord(entity)) return { ok: false, malformed: malformed(context, 'wrongType', 'Datastream không phải đối tượng JSON', 'the Datastream is not a JSON object') };
  const iotId = readIotId(entity, 'Datastream', context);
  if (!iotId.ok) return iotId;
  const unitJson = entity.unitOfMeasurement;
  if (!isRecord(unitJson)) {
    return { ok: false, malformed: malformed(context, 'missingField', `Datastream ${iotId.value} thiếu \`unitOfMeasurement\``, `Datastream ${iotId.value} has no \`unitOfMeasurement\``) };
  }
  const ucum = ucumOfSensorThingsUnit(unitJson);
  const observed = isRecord(entity.ObservedProperty) ? entity.ObservedProperty : {};
  const properties = isRecord(entity.properties) ? entity.properties : {};
  const interval = properties.expectedIntervalSeconds;
  const name = text(entity.name) ?? entityPath('Datastreams', iotId.value);
  const observedName = text(observed.name) ?? name;
  const thing = thingOf(entity, thingFallback);
  return {
    ok: true,
    value: {
      id: datastreamIdOf(serviceRoot, iotId.value),
      name,
      description: text(entity.description),
      kind: kindOf(`${observedName} ${text(observed.definition) ?? ''} ${name}`, ucum),
      observedProperty: { name: observedName, definition: text(observed.definition) },
      unit: { ucum, symbol: text(unitJson.symbol) ?? ucumUnit(ucum).symbol, name: text(unitJson.name) },
      thing: { id: thing.id, name: thing.name },
      location: thing.location,
      area: thing.area,
      expectedIntervalSeconds: typeof interval === 'number' && interval > 0 ? interval : DEFAULT_INTERVAL_SECONDS,
      simulated: properties.simulated === true,
      protocol: context.protocol,
    },
  };
}

/** An Observation of `datastreamId`; `result` must be a number, `phenomenonTime` an instant or interval. */
export function observationOf(entity: unknown, datastreamId: string, context: MessageContext): Parsed<Observation> {
  if (!isRecord(entity)) return { ok: false, malformed: malformed(context, 'wrongType', 'Observation không phải đối tượng JSON', 'the Observation is not a JSON object') };
  const result = readNumber(entity.result, 'result', context);
  if (!result.ok) return result;
  const time = readTime(entity.phenomenonTime ?? entity.resultTime, 'phenomenonTime', context);
  if (!time.ok) return time;
  const iotId = entity['@iot.id'];
  return {
    ok: true,
    value: {
      datastreamId,
      phenomenonTime: time.value,
      value: result.value,
      provenance: {
        protocol: context.protocol,
        source: context.source,
        sourceId: typeof iotId === 'number' || typeof iotId === 'string' ? String(iotId) : null,
        sequence: null,
        receivedAt: context.receivedAt,
      },
    },
  };
}
