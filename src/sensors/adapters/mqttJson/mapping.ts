/**
 * The config file that maps plain MQTT topics with JSON payloads to datastreams (issue 5 §1): for each topic
 * pattern (MQTT wildcards `+` and a final `#`), the datastream it feeds and the JSON paths of value, time and
 * sequence number. `{1}`, `{2}` … in the datastream's texts stand for what the wildcards matched.
 *
 * ```json
 * { "datastreams": [ { "topic": "sao/demo/water/WL-01", "value": "$.level", "time": "$.time", "sequence": "$.seq",
 *     "datastream": { "name": "Mực nước WL-01", "kind": "waterLevel", "unit": "m",
 *                     "observedProperty": { "name": "water level", "definition": null },
 *                     "thing": { "id": "WL-01", "name": "Cống Xuân Thủy" }, "location": [105.7832, 21.0371],
 *                     "area": "Dịch Vọng Hậu", "expectedIntervalSeconds": 60, "simulated": true } } ] }
 * ```
 */
import { SENSOR_KINDS } from '../../kinds';
import { SourceError } from '../../SourceError';
import type { DatastreamDescriptor, SensorKind } from '../../types';
import { ucumUnit } from '../../units';
import { isRecord } from '../malformed';
import { compileJsonPath, type JsonPath } from './jsonPath';

/** The datastream a mapping entry feeds, as written in the config (id and protocol are Sao's). */
export interface MappedDatastream {
  name: string;
  description?: string | null;
  kind: SensorKind;
  /** UCUM code. */
  unit: string;
  observedProperty: { name: string; definition: string | null };
  thing: { id: string; name: string };
  location: [number, number] | [number, number, number] | null;
  area: string | null;
  expectedIntervalSeconds: number;
  simulated: boolean;
}

export interface MappingEntry {
  topic: string;
  value: string;
  /** Without it, the time a message arrives is its phenomenon time. */
  time?: string | null;
  sequence?: string | null;
  datastream: MappedDatastream;
}

export interface MqttJsonMapping {
  datastreams: MappingEntry[];
}

/** A mapping entry made ready for the hot path. */
export interface CompiledEntry {
  entry: MappingEntry;
  topic: RegExp;
  value: JsonPath;
  time: JsonPath | null;
  sequence: JsonPath | null;
}

const fail = (field: string, vi: string, en: string): never => {
  throw new SourceError({ vi: `Tệp ánh xạ MQTT, \`${field}\`: ${vi}`, en: `MQTT mapping file, \`${field}\`: ${en}` });
};

/** MQTT topic filter → RegExp capturing each wildcard (MQTT 3.1.1 §4.7). */
export function topicPattern(filter: string): RegExp | null {
  const levels = filter.split('/');
  const parts: string[] = [];
  for (const [n, level] of levels.entries()) {
    if (level === '#') {
      if (n !== levels.length - 1) return null;
      parts.push('(.*)');
    } else if (level === '+') parts.push('([^/]*)');
    else if (level.includes('+') || level.includes('#')) return null;
    else parts.push(level.replace(/[.*?^${}()|[\]\\]/g, '\\$&'));
  }
  return new RegExp(`^${parts.join('/')}$`.replace('/(.*)$', '(?:/(.*))?$'));
}

function path(value: unknown, field: string, required: boolean): JsonPath | null {
  if (value === undefined || value === null) return required ? fail(field, 'thiếu đường dẫn JSON', 'the JSON path is missing') : null;
  const compiled = typeof value === 'string' ? compileJsonPath(value) : null;
  return compiled ?? fail(field, `"${String(value)}" không phải đường dẫn JSON (ví dụ $.level)`, `"${String(value)}" is not a JSON path (e.g. $.level)`);
}

function checkDatastream(value: unknown, field: string): MappedDatastream {
  if (!isRecord(value)) return fail(field, 'cần một đối tượng', 'expected an object');
  if (typeof value.name !== 'string' || value.name === '') fail(`${field}.name`, 'cần tên', 'a name is required');
  if (!SENSOR_KINDS.includes(value.kind as SensorKind)) fail(`${field}.kind`, `cần một trong ${SENSOR_KINDS.join(', ')}`, `expected one of ${SENSOR_KINDS.join(', ')}`);
  if (typeof value.unit !== 'string') fail(`${field}.unit`, 'cần mã UCUM', 'a UCUM code is required');
  const interval = value.expectedIntervalSeconds;
  if (typeof interval !== 'number' || !(interval > 0)) fail(`${field}.expectedIntervalSeconds`, 'cần số giây dương', 'a positive number of seconds is required');
  const location = value.location;
  if (location !== null && location !== undefined && !(Array.isArray(location) && location.length >= 2 && location.every((c) => typeof c === 'number'))) {
    fail(`${field}.location`, 'cần [kinh độ, vĩ độ] hoặc null', 'expected [longitude, latitude] or null');
  }
  const thing = isRecord(value.thing) ? value.thing : {};
  const observed = isRecord(value.observedProperty) ? value.observedProperty : {};
  return {
    name: value.name as string,
    description: typeof value.description === 'string' ? value.description : null,
    kind: value.kind as SensorKind,
    unit: value.unit as string,
    observedProperty: { name: typeof observed.name === 'string' ? observed.name : (value.name as string), definition: typeof observed.definition === 'string' ? observed.definition : null },
    thing: { id: typeof thing.id === 'string' ? thing.id : '', name: typeof thing.name === 'string' ? thing.name : '' },
    location: (location ?? null) as MappedDatastream['location'],
    area: typeof value.area === 'string' ? value.area : null,
    expectedIntervalSeconds: interval as number,
    simulated: value.simulated === true,
  };
}

/** Checks a mapping file (parsed JSON) and compiles it; a mistake throws a `SourceError` naming the field. */
export function compileMapping(json: unknown): CompiledEntry[] {
  if (!isRecord(json) || !Array.isArray(json.datastreams)) return fail('datastreams', 'cần một mảng', 'expected an array');
  return json.datastreams.map((raw: unknown, n): CompiledEntry => {
    const field = `datastreams[${n}]`;
    if (!isRecord(raw)) return fail(field, 'cần một đối tượng', 'expected an object');
    const topic = typeof raw.topic === 'string' ? topicPattern(raw.topic) : null;
    if (!topic) fail(`${field}.topic`, 'không phải bộ lọc chủ đề MQTT', 'is not an MQTT topic filter');
    const entry: MappingEntry = {
      topic: raw.topic as string,
      value: raw.value as string,
      time: typeof raw.time === 'string' ? raw.time : null,
      sequence: typeof raw.sequence === 'string' ? raw.sequence : null,
      datastream: checkDatastream(raw.datastream, `${field}.datastream`),
    };
    return {
      entry,
      topic: topic!,
      value: path(raw.value, `${field}.value`, true)!,
      time: path(raw.time, `${field}.time`, false),
      sequence: path(raw.sequence, `${field}.sequence`, false),
    };
  });
}

/** The descriptor of a mapped topic: `{n}` replaced by the n-th wildcard match. */
export function descriptorOf(compiled: CompiledEntry, brokerUrl: string, topic: string, captures: readonly string[]): DatastreamDescriptor {
  const fill = (text: string): string => text.replace(/\{(\d+)\}/g, (whole, n: string) => captures[Number(n) - 1] ?? whole);
  const d = compiled.entry.datastream;
  return {
    id: `mqtt:${brokerUrl}|${topic}`,
    name: fill(d.name),
    description: d.description ? fill(d.description) : null,
    kind: d.kind,
    observedProperty: d.observedProperty,
    unit: ucumUnit(d.unit),
    thing: { id: fill(d.thing.id), name: fill(d.thing.name) },
    location: d.location,
    area: d.area,
    expectedIntervalSeconds: d.expectedIntervalSeconds,
    simulated: d.simulated,
    protocol: 'mqtt-json',
  };
}
