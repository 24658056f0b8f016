/**
 * Reads a zoning plan: a GeoJSON FeatureCollection of parcels (Polygons) whose properties carry the limits, as
 * `plan.schema.json` describes it, plus what a schema cannot say (unique ids, closed rings, coordinates in range).
 * Hand-written rather than a schema validator so that it runs under the app's Content-Security-Policy (no eval)
 * and names, in Vietnamese and English, the parcel and the field at fault; tests/unit/bim/planParse.test.ts keeps
 * it and the schema in agreement.
 *
 * Coordinates are WGS 84 longitude, latitude (RFC 7946) unless the collection declares a CRS the way GIS tools
 * export one (GeoJSON 2008: `"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::5897" } }`).
 * A property that looks like a limit but is not one (`maxHeight`, `MinSetbackM`) is refused: read as "no limit",
 * a misspelt limit would silently pass every building.
 */
import type { LocalizedText } from '../../geo';
import { normaliseEpsgCode } from '../georef/normaliseEpsgCode';
import { PlanError } from './PlanError';
import { LIMIT_KEYS } from './types';
import type { ParcelLimits, PlanParcel, PlanPosition, PlanRing, ZoningPlan } from './types';

type Json = Record<string, unknown>;

const WGS84 = 'EPSG:4326';
const CRS84 = /^urn:ogc:def:crs:OGC:(?:1\.3:)?CRS84$/i;
const LIMIT_LIKE = /^(max|min)/i;
const PARCEL_PROPERTIES = ['id', 'name', 'nameEn', 'landUse', 'source', ...LIMIT_KEYS];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** Builds the errors of one place in the file: the field path and the parcel it belongs to. */
class Reader {
  constructor(readonly feature: string | null = null) {}

  fail(field: string, problem: LocalizedText): never {
    throw new PlanError(field, problem, this.feature);
  }

  object(value: unknown, field: string): Json {
    if (!isObject(value)) this.fail(field, { vi: 'phải là một đối tượng { … }', en: 'must be an object { … }' });
    return value;
  }

  array(value: unknown, field: string, minItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail(field, { vi: 'phải là một mảng [ … ]', en: 'must be an array [ … ]' });
    if (value.length < minItems) this.fail(field, { vi: `cần ít nhất ${minItems} phần tử`, en: `needs at least ${minItems} item(s)` });
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string' || value.trim().length === 0) this.fail(field, { vi: `phải là một chuỗi không rỗng, không phải ${shown(value)}`, en: `must be a non-empty string, not ${shown(value)}` });
    return value;
  }

  constant(value: unknown, field: string, expected: string): void {
    if (value !== expected) this.fail(field, { vi: `phải là "${expected}", không phải ${shown(value)}`, en: `must be "${expected}", not ${shown(value)}` });
  }

  text(value: unknown, field: string): LocalizedText {
    if (typeof value === 'string') return { vi: this.string(value, field), en: value };
    const json = this.object(value, field);
    return { vi: this.string(json.vi, `${field}.vi`), en: this.string(json.en, `${field}.en`) };
  }

  number(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, { vi: `phải là một số, không phải ${shown(value)}`, en: `must be a number, not ${shown(value)}` });
    return value;
  }
}

const LIMIT_RULES: Record<keyof ParcelLimits, { check: (n: number) => boolean; rule: LocalizedText }> = {
  maxHeightM: { check: (n) => n > 0, rule: { vi: 'phải là số mét > 0', en: 'must be metres > 0' } },
  maxStoreys: { check: (n) => Number.isInteger(n) && n >= 1, rule: { vi: 'phải là số nguyên ≥ 1', en: 'must be a whole number ≥ 1' } },
  minSetbackM: { check: (n) => n >= 0, rule: { vi: 'phải là số mét ≥ 0', en: 'must be metres ≥ 0' } },
  maxSiteCoverage: { check: (n) => n > 0 && n <= 1, rule: { vi: 'phải là tỉ lệ trong (0, 1] (0.6 là 60 %)', en: 'must be a fraction in (0, 1] (0.6 for 60 %)' } },
  maxFloorAreaRatio: { check: (n) => n > 0, rule: { vi: 'phải là số > 0', en: 'must be a number > 0' } },
};

function limits(reader: Reader, properties: Json, field: string): ParcelLimits {
  const result = {} as ParcelLimits;
  for (const key of LIMIT_KEYS) {
    const value = properties[key];
    if (value === undefined || value === null) {
      result[key] = null;
      continue;
    }
    const n = reader.number(value, `${field}.${key}`);
    if (!LIMIT_RULES[key].check(n)) reader.fail(`${field}.${key}`, { vi: `${LIMIT_RULES[key].rule.vi}, không phải ${n}`, en: `${LIMIT_RULES[key].rule.en}, not ${n}` });
    result[key] = n;
  }
  return result;
}

function position(reader: Reader, value: unknown, field: string, geographic: boolean): PlanPosition {
  const entry = reader.array(value, field, 2);
  const x = reader.number(entry[0], `${field}[0]`);
  const y = reader.number(entry[1], `${field}[1]`);
  if (geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
    reader.fail(field, { vi: `[${x}, ${y}] không phải kinh độ, vĩ độ WGS 84 (khai báo "crs" nếu tọa độ là lưới chiếu)`, en: `[${x}, ${y}] is not a WGS 84 longitude, latitude (declare "crs" for grid coordinates)` });
  }
  return [x, y];
}

function ring(reader: Reader, value: unknown, field: string, geographic: boolean): PlanRing {
  const positions = reader.array(value, field, 4).map((p, k) => position(reader, p, `${field}[${k}]`, geographic));
  const [first, last] = [positions[0]!, positions[positions.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) reader.fail(field, { vi: 'vòng phải khép kín (điểm cuối trùng điểm đầu)', en: 'the ring must be closed (last position equal to the first)' });
  let twiceArea = 0;
  for (let i = 1; i < positions.length; i++) twiceArea += positions[i - 1]![0] * positions[i]![1] - positions[i]![0] * positions[i - 1]![1];
  if (twiceArea === 0) reader.fail(field, { vi: 'vòng có diện tích bằng 0', en: 'the ring has no area' });
  return positions;
}

function parcel(value: unknown, index: number, geographic: boolean, seen: Set<string>): PlanParcel {
  const at = `features[${index}]`;
  const json = new Reader(`#${index + 1}`).object(value, at);
  const properties = new Reader(`#${index + 1}`).object(json.properties, `${at}.properties`);
  const id = new Reader(`#${index + 1}`).string(properties.id, `${at}.properties.id`);
  const reader = new Reader(id);
  if (seen.has(id)) reader.fail(`${at}.properties.id`, { vi: 'mã thửa bị trùng', en: 'the parcel id is used twice' });
  seen.add(id);
  reader.constant(json.type, `${at}.type`, 'Feature');
  for (const key of Object.keys(properties)) {
    if (LIMIT_LIKE.test(key) && !PARCEL_PROPERTIES.includes(key)) {
      reader.fail(`${at}.properties.${key}`, { vi: `không phải chỉ tiêu đã biết (${LIMIT_KEYS.join(', ')})`, en: `is not a known limit (${LIMIT_KEYS.join(', ')})` });
    }
  }
  const geometry = reader.object(json.geometry, `${at}.geometry`);
  if (geometry.type === 'MultiPolygon') reader.fail(`${at}.geometry.type`, { vi: 'một thửa là một Polygon: hãy tách MultiPolygon thành nhiều thửa', en: 'a parcel is one Polygon: split the MultiPolygon into parcels' });
  reader.constant(geometry.type, `${at}.geometry.type`, 'Polygon');
  const rings = reader.array(geometry.coordinates, `${at}.geometry.coordinates`, 1).map((r, k) => ring(reader, r, `${at}.geometry.coordinates[${k}]`, geographic));
  const nameEn = properties.nameEn === undefined || properties.nameEn === null ? null : reader.string(properties.nameEn, `${at}.properties.nameEn`);
  return {
    id,
    name: reader.string(properties.name, `${at}.properties.name`),
    nameEn,
    landUse: reader.string(properties.landUse, `${at}.properties.landUse`),
    source: reader.string(properties.source, `${at}.properties.source`),
    limits: limits(reader, properties, `${at}.properties`),
    rings,
  };
}

/** The declared CRS as `EPSG:nnnn`; WGS 84 when none is declared (RFC 7946). */
function crsOf(reader: Reader, value: unknown): string {
  if (value === undefined || value === null) return WGS84;
  const crs = reader.object(value, 'crs');
  reader.constant(crs.type, 'crs.type', 'name');
  const name = reader.string(reader.object(crs.properties, 'crs.properties').name, 'crs.properties.name');
  const code = CRS84.test(name) ? WGS84 : normaliseEpsgCode(name);
  if (code === null) reader.fail('crs.properties.name', { vi: `không nhận ra hệ tọa độ ${shown(name)} (dùng EPSG:nnnn hoặc urn:ogc:def:crs:EPSG::nnnn)`, en: `unknown coordinate reference system ${shown(name)} (use EPSG:nnnn or urn:ogc:def:crs:EPSG::nnnn)` });
  return code;
}

/** Validates a plan (parsed JSON) and returns it typed; throws `PlanError` naming the parcel and the field. */
export function parsePlan(value: unknown): ZoningPlan {
  const reader = new Reader();
  const json = reader.object(value, '$');
  reader.constant(json.type, 'type', 'FeatureCollection');
  const crs = crsOf(reader, json.crs);
  const gridCrs = json.gridCrs === undefined || json.gridCrs === null ? null : normaliseEpsgCode(reader.string(json.gridCrs, 'gridCrs'));
  if (json.gridCrs !== undefined && json.gridCrs !== null && gridCrs === null) reader.fail('gridCrs', { vi: `phải là mã EPSG của một lưới chiếu, không phải ${shown(json.gridCrs)}`, en: `must be the EPSG code of a projected grid, not ${shown(json.gridCrs)}` });
  if (json.sample !== undefined && typeof json.sample !== 'boolean') reader.fail('sample', { vi: 'phải là true hoặc false', en: 'must be true or false' });
  const seen = new Set<string>();
  const geographic = crs === WGS84;
  return {
    name: json.name === undefined ? { vi: 'Quy hoạch', en: 'Zoning plan' } : reader.text(json.name, 'name'),
    sample: json.sample === true,
    notice: json.notice === undefined || json.notice === null ? null : reader.text(json.notice, 'notice'),
    crs,
    gridCrs,
    parcels: reader.array(json.features, 'features', 1).map((feature, index) => parcel(feature, index, geographic, seen)),
  };
}

/** Parses the text of a .geojson file; a syntax error names the line and column. */
export function parsePlanText(source: string): ZoningPlan {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const before = at ? source.slice(0, Number(at[1])) : null;
    const detail = before === null ? message : `${message}; line ${before.split('\n').length}`;
    throw new PlanError('$', { vi: `không phải JSON hợp lệ (${detail})`, en: `is not valid JSON (${detail})` }, null, { cause: error });
  }
  return parsePlan(json);
}
