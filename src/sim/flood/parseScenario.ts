/**
 * Validates a scenario (parsed JSON) against the rules of `scenario.schema.json` and returns it typed; a bad file
 * throws a `ScenarioError` whose `field` is the JSON path at fault (`inflows[0].hydrograph[1]`).
 */
import { ScenarioError } from './ScenarioError';
import { EDGES } from './types';
import type { BoundarySpec, InflowSpec, LandUseManning, NumericsSpec, RainSpec, Scenario } from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw new ScenarioError(field, 'must be an object');
  return value;
}

function number(value: unknown, field: string, min = -Infinity, exclusiveMin = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScenarioError(field, 'must be a number');
  if (exclusiveMin ? value <= min : value < min) throw new ScenarioError(field, `must be ${exclusiveMin ? 'greater than' : 'at least'} ${min}`);
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ScenarioError(field, 'must be a non-empty string');
  return value;
}

function array(value: unknown, field: string, minItems = 0): unknown[] {
  if (!Array.isArray(value)) throw new ScenarioError(field, 'must be an array');
  if (value.length < minItems) throw new ScenarioError(field, `must have at least ${minItems} item(s)`);
  return value;
}

function optional<T>(json: Json, key: string, field: string, read: (value: unknown, field: string) => T): T | undefined {
  return json[key] === undefined || json[key] === null ? undefined : read(json[key], `${field}${key}`);
}

function rejectUnknown(json: Json, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) throw new ScenarioError(`${field}${key}`, 'is not a known field');
  }
}

/** `[[seconds, value], …]`, times strictly increasing. */
function timeSeries(value: unknown, field: string, minValue = -Infinity): [number, number][] {
  let previous = -Infinity;
  return array(value, field, 1).map((pair, k) => {
    const entry = array(pair, `${field}[${k}]`, 2);
    if (entry.length !== 2) throw new ScenarioError(`${field}[${k}]`, 'must be [seconds, value]');
    const t = number(entry[0], `${field}[${k}][0]`, 0);
    if (t <= previous) throw new ScenarioError(`${field}[${k}][0]`, 'times must increase');
    previous = t;
    return [t, number(entry[1], `${field}[${k}][1]`, minValue)];
  });
}

function boundary(value: unknown, field: string): BoundarySpec {
  if (value === 'wall' || value === 'open') return value;
  if (isObject(value) && value.stage !== undefined) {
    rejectUnknown(value, ['stage'], `${field}.`);
    return { stage: timeSeries(value.stage, `${field}.stage`) };
  }
  throw new ScenarioError(field, 'must be "wall", "open" or { "stage": [[seconds, metres], …] }');
}

function inflow(value: unknown, field: string): InflowSpec {
  const json = object(value, field);
  rejectUnknown(json, ['x', 'y', 'line', 'radiusMeters', 'hydrograph'], `${field}.`);
  const spec: InflowSpec = {
    radiusMeters: number(json.radiusMeters, `${field}.radiusMeters`, 0),
    hydrograph: timeSeries(json.hydrograph, `${field}.hydrograph`, 0),
  };
  if (json.line !== undefined) {
    spec.line = array(json.line, `${field}.line`, 2).map((p, k) => {
      const point = array(p, `${field}.line[${k}]`, 2);
      return [number(point[0], `${field}.line[${k}][0]`), number(point[1], `${field}.line[${k}][1]`)];
    });
  } else {
    spec.x = number(json.x, `${field}.x`);
    spec.y = number(json.y, `${field}.y`);
  }
  return spec;
}

function rain(value: unknown, field: string): RainSpec {
  const json = object(value, field);
  rejectUnknown(json, ['hyetograph', 'csv', 'designStorm', 'zones'], `${field}.`);
  const spec: RainSpec = {};
  const hyetograph = optional(json, 'hyetograph', `${field}.`, (v, f) => timeSeries(v, f, 0));
  if (hyetograph) spec.hyetograph = hyetograph;
  const csv = optional(json, 'csv', `${field}.`, string);
  if (csv) spec.csv = csv;
  if (json.designStorm !== undefined) {
    const storm = object(json.designStorm, `${field}.designStorm`);
    const idf = object(storm.idf, `${field}.designStorm.idf`);
    spec.designStorm = {
      idf: {
        a: number(idf.a, `${field}.designStorm.idf.a`, 0, true),
        b: number(idf.b, `${field}.designStorm.idf.b`, 0),
        c: number(idf.c, `${field}.designStorm.idf.c`, 0, true),
      },
      durationMinutes: number(storm.durationMinutes, `${field}.designStorm.durationMinutes`, 0, true),
      blockMinutes: number(storm.blockMinutes, `${field}.designStorm.blockMinutes`, 0, true),
    };
  }
  const given = [spec.hyetograph, spec.csv, spec.designStorm].filter((s) => s !== undefined).length;
  if (given > 1) throw new ScenarioError(field, 'give one of "hyetograph", "csv" or "designStorm"');
  const zones = optional(json, 'zones', `${field}.`, array);
  if (zones) {
    spec.zones = zones.map((z, k) => {
      const zone = object(z, `${field}.zones[${k}]`);
      return { polygon: string(zone.polygon, `${field}.zones[${k}].polygon`), hyetograph: timeSeries(zone.hyetograph, `${field}.zones[${k}].hyetograph`, 0) };
    });
  }
  return spec;
}

function numerics(value: unknown, field: string): Partial<NumericsSpec> {
  const json = object(value, field);
  const keys = ['theta', 'cflAlpha', 'depthThresholdMeters', 'maxTimeStepSeconds', 'froudeCap', 'inundationDepthMeters'] as const;
  rejectUnknown(json, keys, `${field}.`);
  const spec: Partial<NumericsSpec> = {};
  for (const key of keys) {
    if (json[key] !== undefined) spec[key] = number(json[key], `${field}.${key}`, 0, true);
  }
  if (spec.theta !== undefined && spec.theta > 1) throw new ScenarioError(`${field}.theta`, 'must be at most 1');
  if (spec.cflAlpha !== undefined && spec.cflAlpha > 1) throw new ScenarioError(`${field}.cflAlpha`, 'must be at most 1');
  return spec;
}

const TOP_LEVEL = ['$schema', 'crs', 'dem', 'durationSeconds', 'initialStage', 'manning', 'buildings', 'inflows', 'rain',
  'drainage', 'boundaries', 'gauges', 'outputIntervalSeconds', 'numerics'];

function landUseManning(value: unknown, field: string): LandUseManning {
  const json = object(value, field);
  rejectUnknown(json, ['layer', 'property', 'n'], `${field}.`);
  const classes = object(json.n, `${field}.n`);
  const n: Record<string, number> = {};
  for (const [name, roughness] of Object.entries(classes)) n[name] = number(roughness, `${field}.n.${name}`, 0, true);
  return { layer: string(json.layer, `${field}.layer`), property: string(json.property, `${field}.property`), n };
}

export function parseScenario(value: unknown): Scenario {
  const json = object(value, 'scenario');
  rejectUnknown(json, TOP_LEVEL, '');
  const manning = object(json.manning, 'manning');
  const boundaries = object(json.boundaries, 'boundaries');
  rejectUnknown(boundaries, EDGES, 'boundaries.');
  const scenario: Scenario = {
    dem: string(json.dem, 'dem'),
    durationSeconds: number(json.durationSeconds, 'durationSeconds', 0, true),
    outputIntervalSeconds: number(json.outputIntervalSeconds, 'outputIntervalSeconds', 0, true),
    manning: {
      default: number(manning.default, 'manning.default', 0, true),
      zones: (optional(manning, 'zones', 'manning.', array) ?? []).map((z, k) => {
        const zone = object(z, `manning.zones[${k}]`);
        return { polygon: string(zone.polygon, `manning.zones[${k}].polygon`), n: number(zone.n, `manning.zones[${k}].n`, 0, true) };
      }),
    },
    boundaries: {
      north: boundary(boundaries.north, 'boundaries.north'),
      east: boundary(boundaries.east, 'boundaries.east'),
      south: boundary(boundaries.south, 'boundaries.south'),
      west: boundary(boundaries.west, 'boundaries.west'),
    },
  };
  const landUse = optional(manning, 'landUse', 'manning.', landUseManning);
  if (landUse) scenario.manning.landUse = landUse;
  const crs = optional(json, 'crs', '', string);
  if (crs) scenario.crs = crs;
  scenario.initialStage = optional(json, 'initialStage', '', string) ?? null;
  if (json.buildings !== undefined) {
    const b = object(json.buildings, 'buildings');
    const mode = b.mode ?? 'raise';
    if (mode !== 'raise' && mode !== 'wall') throw new ScenarioError('buildings.mode', 'must be "raise" or "wall"');
    scenario.buildings = { polygons: array(b.polygons, 'buildings.polygons').map((p, k) => string(p, `buildings.polygons[${k}]`)), mode };
    if (mode === 'raise') scenario.buildings.heightMeters = number(b.heightMeters, 'buildings.heightMeters', 0, true);
  }
  scenario.inflows = (optional(json, 'inflows', '', array) ?? []).map((v, k) => inflow(v, `inflows[${k}]`));
  if (json.rain !== undefined) scenario.rain = rain(json.rain, 'rain');
  if (json.drainage !== undefined) {
    const d = object(json.drainage, 'drainage');
    scenario.drainage = {
      defaultMmPerHour: number(d.defaultMmPerHour ?? 0, 'drainage.defaultMmPerHour', 0),
      zones: (optional(d, 'zones', 'drainage.', array) ?? []).map((z, k) => {
        const zone = object(z, `drainage.zones[${k}]`);
        return { polygon: string(zone.polygon, `drainage.zones[${k}].polygon`), mmPerHour: number(zone.mmPerHour, `drainage.zones[${k}].mmPerHour`, 0) };
      }),
    };
  }
  scenario.gauges = (optional(json, 'gauges', '', array) ?? []).map((g, k) => {
    const gauge = object(g, `gauges[${k}]`);
    return { id: string(gauge.id, `gauges[${k}].id`), x: number(gauge.x, `gauges[${k}].x`), y: number(gauge.y, `gauges[${k}].y`) };
  });
  if (json.numerics !== undefined) scenario.numerics = numerics(json.numerics, 'numerics');
  return scenario;
}
